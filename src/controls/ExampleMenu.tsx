/**
 * Typed-in surfaces to try. Each item is a real link (the current runs on the
 * example's surface, from its default start), so it can be opened in a new
 * tab, copied, or left with Back; following it loads the scene like any link.
 */
import { useState, type MouseEvent } from 'react';
import { customExamples, type CustomExample } from '../state/customExamples';
import { encodeScene } from '../state/urlCodec';
import { withPlaybackAt, withoutSceneView } from '../state/urlPlayback';
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

/**
 * A plain click follows the example in this page, as a change of hash, after
 * taking this scene's replay step out of the address bar: the example's
 * scene must not open paused at this one's step. An open inspector stays
 * open, on the same run (an example keeps the runs), as it does when a
 * preset is chosen. (The href, for a new tab or a copied link, carries
 * neither.)
 */
function followInPage(event: MouseEvent<HTMLAnchorElement>, hash: string) {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  const { pathname, search } = window.location;
  const plain = withPlaybackAt(search, null);
  if (plain !== search) window.history.replaceState(window.history.state, '', `${pathname}${plain}${window.location.hash}`);
  window.location.hash = hash;
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
                <a
                  href={`${withoutSceneView(window.location.search)}${exampleHash(scene, example)}`}
                  onClick={(event) => followInPage(event, exampleHash(scene, example))}
                  data-testid={`example-${example.id}`}
                >
                  {t(`custom.example.${example.id}`)}
                </a>
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
