/**
 * The note's words: the preset's title and explanation, in a NoteCard.
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
import { NoteCard } from './NoteCard';

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
    <NoteCard
      id="preset-note"
      heading={say(galleryText.noteHeading, lang)}
      title={say(preset.title, lang)}
      text={say(preset.description, lang)}
      changed={standing === 'changed'}
      changedText={say(galleryText.noteChanged, lang)}
      restoreText={say(galleryText.noteRestore, lang)}
      onRestore={() => restore(preset.scene(lang))}
      closeText={say(galleryText.noteClose, lang)}
      onClose={close}
    />
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
