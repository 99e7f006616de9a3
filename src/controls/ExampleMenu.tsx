/**
 * Typed-in surfaces to try. Each item is a real link (the current runs on the
 * example's surface, from its default start), so it can be opened in a new
 * tab, copied, or left with Back; following it loads the scene like any link.
 */
import { useState } from 'react';
import { customExamples, type CustomExample } from '../state/customExamples';
import { encodeScene } from '../state/urlCodec';
import type { Scene } from '../state/scene';
import { useAppStore } from '../state/store';
import { useT } from '../i18n';

/** The link of an example: this scene with the example's surface, its default start and view. */
export function exampleHash(scene: Scene, example: CustomExample): string {
  return `#${encodeScene({
    ...scene,
    surface: { id: 'custom', ripple: scene.surface.ripple, expression: example.expression, box: example.box },
    // Left out: the surface's own default start is used.
    start: undefined as unknown as Scene['start'],
    view: null,
  })}`;
}

export function ExampleMenu() {
  const t = useT();
  const [open, setOpen] = useState(false);
  // Links are built only while the menu is open: each encodes the whole scene.
  const scene = useAppStore((s) => (open ? s.scene : null));
  return (
    <details className="examples" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)} data-testid="custom-examples">
      <summary>{t('custom.examples')}</summary>
      {scene && (
        <>
          <ul>
            {customExamples.map((example) => (
              <li key={example.id}>
                <a href={exampleHash(scene, example)} data-testid={`example-${example.id}`}>{t(`custom.example.${example.id}`)}</a>
                <code>{example.expression}</code>
              </li>
            ))}
          </ul>
          <p className="hint">{t('custom.examplesHint')}</p>
        </>
      )}
    </details>
  );
}
