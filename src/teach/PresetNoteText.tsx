/**
 * The note's words: the preset's title and explanation with a close button.
 * In the presets' chunk (it reads them); PresetNote loads it.
 */
import { useEffect, useMemo } from 'react';
import { useLanguage } from '../i18n';
import { findPreset } from '../state/presets';
import { useAppStore } from '../state/store';
import { useCurrentPreset } from './presetChoice';
import { loadPreset, presetStanding } from './currentPreset';
import { galleryText, say } from './presetText';

export default function PresetNoteText({ id }: { id: string }) {
  const lang = useLanguage((s) => s.lang);
  const close = useCurrentPreset((s) => s.close);
  const scene = useAppStore((s) => s.scene);
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
        {standing === 'changed' && (
          <p className="preset-note-changed" data-testid="preset-note-changed">
            {say(galleryText.noteChanged, lang)}{' '}
            <button type="button" onClick={() => loadPreset(preset, lang)}>
              {say(galleryText.noteRestore, lang)}
            </button>
          </p>
        )}
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
