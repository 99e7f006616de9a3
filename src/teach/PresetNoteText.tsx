/**
 * The note's words: the preset's title and explanation with a close button.
 * In the presets' chunk (it reads them); PresetNote loads it.
 */
import { useLanguage } from '../i18n';
import { findPreset } from '../state/presets';
import { useCurrentPreset } from './presetChoice';
import { galleryText, say } from './presetText';

export default function PresetNoteText({ id }: { id: string }) {
  const lang = useLanguage((s) => s.lang);
  const close = useCurrentPreset((s) => s.close);
  const preset = findPreset(id);
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
