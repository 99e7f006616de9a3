/**
 * The course as a gallery: every preset as a card, grouped by topic, with its
 * explanation in the page's language. Choosing a card loads its view and
 * plays it; the link under each card is that same view, for teachers to copy.
 *
 * A modal dialog: focus moves into it, Tab stays inside, Escape or the close
 * button (or a click on the backdrop) closes it, and keys typed inside never
 * reach the page's playback shortcuts.
 */
import { useEffect, useMemo, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { useLanguage, type Lang } from '../i18n';
import { withLanguage } from '../i18n/urlLanguage';
import { presets, presetTopics, type Preset } from '../state/presets';
import { encodeScene } from '../state/urlCodec';
import { withoutSceneView } from '../state/urlPlayback';
import { loadPreset } from './currentPreset';
import { galleryText, say, topicTitles } from './presetText';
import './presetGallery.css';

export interface PresetGalleryProps {
  onClose(): void;
}

/**
 * The relative link of a preset's view: the page's query with the language
 * (not this scene's replay step or inspector), and the scene's hash.
 */
export function presetHref(preset: Preset, lang: Lang, search = typeof window === 'undefined' ? '' : window.location.search): string {
  return `${withLanguage(withoutSceneView(search), lang)}#${encodeScene(preset.scene(lang))}`;
}

const focusable = 'button:not([disabled]), a[href]';

export function PresetGallery({ onClose }: PresetGalleryProps) {
  const lang = useLanguage((s) => s.lang);
  const dialogRef = useRef<HTMLDivElement>(null);
  const hrefs = useMemo(() => new Map(presets.map((p) => [p.id, presetHref(p, lang)])), [lang]);

  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useEffect(() => {
    dialogRef.current?.querySelector<HTMLElement>('.preset-card-load')?.focus();
    // Escape closes even when focus has wandered out of the dialog.
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape') closeRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const choose = (preset: Preset) => {
    loadPreset(preset, lang);
    onClose();
  };

  const onLinkClick = (event: MouseEvent<HTMLAnchorElement>, preset: Preset) => {
    // A plain click loads here like the card; a middle or modified click opens the link as the browser would.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    choose(preset);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Space must press the focused card, not play the plot behind the dialog.
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'Tab') {
      const items = [...(dialogRef.current?.querySelectorAll<HTMLElement>(focusable) ?? [])];
      if (items.length === 0) return;
      const first = items[0];
      const last = items[items.length - 1];
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    }
  };

  return (
    <div
      className="preset-gallery-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div
        ref={dialogRef}
        className="preset-gallery"
        role="dialog"
        aria-modal="true"
        aria-labelledby="preset-gallery-title"
        aria-describedby="preset-gallery-intro"
        onKeyDown={onKeyDown}
        data-testid="preset-gallery"
      >
        {/* A div, not <header>: in a dialog portalled to <body>, <header> would be a second banner landmark. */}
        <div className="preset-gallery-header">
          <h2 id="preset-gallery-title">{say(galleryText.title, lang)}</h2>
          <button type="button" className="preset-gallery-close" onClick={onClose} data-testid="preset-gallery-close">
            {say(galleryText.close, lang)}
          </button>
        </div>
        <p id="preset-gallery-intro" className="preset-gallery-intro">{say(galleryText.intro, lang)}</p>
        {presetTopics.map((topic) => (
          <section key={topic} className="preset-topic" aria-labelledby={`preset-topic-${topic}`}>
            <h3 id={`preset-topic-${topic}`}>{say(topicTitles[topic], lang)}</h3>
            <ul className="preset-cards">
              {presets.filter((p) => p.topic === topic).map((preset) => {
                const title = say(preset.title, lang);
                return (
                  // The whole card loads, as the intro says (a mouse's convenience; keys use the title's button).
                  // Not a click that ends selecting text to copy, nor one on the link.
                  <li
                    key={preset.id}
                    className="preset-card"
                    data-testid={`preset-card-${preset.id}`}
                    onClick={(event) => {
                      if ((event.target as Element).closest('a, button') || window.getSelection()?.toString()) return;
                      choose(preset);
                    }}
                  >
                    <h4>
                      <button
                        type="button"
                        className="preset-card-load"
                        aria-describedby={`preset-text-${preset.id}`}
                        onClick={() => choose(preset)}
                      >
                        {title}
                      </button>
                    </h4>
                    <p id={`preset-text-${preset.id}`}>{say(preset.description, lang)}</p>
                    <a
                      className="preset-card-link"
                      href={hrefs.get(preset.id)}
                      aria-label={say(galleryText.linkTo, lang, { title })}
                      onClick={(event) => onLinkClick(event, preset)}
                    >
                      {say(galleryText.link, lang)}
                    </a>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
