/**
 * "About this view": the current preset's title and explanation, above the
 * plot, so the learner reads what to look at while the runs play. It also
 * appears when the page opens on a preset's link (followPresetLinks).
 */
import { useEffect } from 'react';
import { useLanguage } from '../i18n';
import { findPreset } from '../state/presets';
import { followPresetLinks, useCurrentPreset } from './currentPreset';
import { galleryText, say } from './presetText';
import './presetGallery.css';

export function PresetNote() {
  const lang = useLanguage((s) => s.lang);
  const id = useCurrentPreset((s) => s.id);
  const close = useCurrentPreset((s) => s.close);
  useEffect(() => followPresetLinks(), []);
  const preset = id === null ? undefined : findPreset(id);
  if (!preset) return null;
  return (
    <section className="preset-note" aria-labelledby="preset-note-title" data-testid="preset-note">
      <div className="preset-note-text">
        <h2 id="preset-note-title">
          <span className="preset-note-kicker">{say(galleryText.noteHeading, lang)}: </span>
          {say(preset.title, lang)}
        </h2>
        <p>{say(preset.description, lang)}</p>
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
