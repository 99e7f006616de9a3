/**
 * The note's words: the preset's title and explanation with a close button.
 * In the presets' chunk (it reads them); PresetNote loads it.
 */
import { useEffect, useMemo } from 'react';
import { useLanguage } from '../i18n';
import type { Scene } from '../state/scene';
import { findPreset } from '../state/presets';
import { useCurrentPreset } from './presetChoice';
import { encodeScene } from '../state/urlCodec';
import type { Preset } from '../state/presets';
import { galleryText, say } from './presetText';

export interface PresetNoteTextProps {
  id: string;
  /** The scene on screen (read by PresetNote, whose chunk holds the store). */
  scene: Scene;
  /** Load a scene and play it from the start. */
  restore(scene: Scene): void;
}

export default function PresetNoteText({ id, scene, restore }: PresetNoteTextProps) {
  const lang = useLanguage((s) => s.lang);
  const close = useCurrentPreset((s) => s.close);
  const preset = findPreset(id);
  // A note read beside a view it no longer describes misleads: say so, and offer the way back.
  const standing = useMemo(() => (preset ? presetStanding(preset, scene) : 'elsewhere'), [preset, scene]);
  // On another surface the note is about another function: it goes.
  useEffect(() => {
    if (standing === 'elsewhere') close();
  }, [standing, close]);
  if (!preset || standing === 'elsewhere') return null;
  return (
    <section className="preset-note" aria-labelledby="preset-note-title" data-testid="preset-note">
      <div className="preset-note-text">
        <h2 id="preset-note-title">
          <span className="preset-note-kicker">{say(galleryText.noteHeading, lang)}: </span>
          {say(preset.title, lang)}
        </h2>
        <p>{say(preset.description, lang)}</p>
        {/* Always laid out, shown when the view has changed: appearing, it moved the field being typed in. */}
        <p
          className={`preset-note-changed${standing === 'changed' ? '' : ' is-unchanged'}`}
          data-testid="preset-note-changed"
          aria-hidden={standing !== 'changed'}
        >
          {say(galleryText.noteChanged, lang)}{' '}
          <button type="button" onClick={() => restore(preset.scene(lang))} tabIndex={standing === 'changed' ? undefined : -1}>
            {say(galleryText.noteRestore, lang)}
          </button>
        </p>
      </div>
      <button
        type="button"
        className="preset-note-close"
        onClick={close}
        aria-label={say(galleryText.noteClose, lang)}
        title={say(galleryText.noteClose, lang)}
        data-testid="preset-note-close"
      >
        ×
      </button>
    </section>
  );
}

/**
 * How `scene` stands to `preset`'s own view: 'same' (zoomed or panned
 * counts as the same, the note still holds), 'changed' (a setting or a run
 * differs), or 'elsewhere' (another surface: the note is about another
 * function). Labels in either language are the preset's own. Here, not in
 * currentPreset.ts: importing that module from this chunk made the bundler
 * split the store into a chunk of its own, +0.3 KB for the first paint.
 */
export function presetStanding(preset: Preset, scene: Scene): 'same' | 'changed' | 'elsewhere' {
  const own = presetLinks(preset);
  if (scene.surface.id !== own.surface) return 'elsewhere';
  return own.links.includes(encodeScene({ ...scene, view: null })) ? 'same' : 'changed';
}

/** A preset's surface and its links without a view, in both languages; built once (a slider drag asks per step). */
const linksOf = new Map<string, { surface: string; links: string[] }>();
function presetLinks(preset: Preset): { surface: string; links: string[] } {
  let own = linksOf.get(preset.id);
  if (!own) {
    const scenes = (['en', 'ko'] as const).map((lang) => preset.scene(lang));
    own = { surface: scenes[0].surface.id, links: scenes.map((s) => encodeScene({ ...s, view: null })) };
    linksOf.set(preset.id, own);
  }
  return own;
}
