/**
 * The header's "Presets" button: opens the gallery of the course's views
 * (teach/PresetGallery) and gives focus back to itself when it closes.
 */
import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useLanguage } from '../i18n';
import { ChunkBoundary } from '../app/ChunkBoundary';
import { galleryText, say } from '../teach/presetText';

// The gallery and the presets load when the menu is first opened (or hovered), not with the page.
const loadGallery = () => import('../teach/PresetGallery');
const PresetGallery = lazy(() => loadGallery().then((module) => ({ default: module.PresetGallery })));

export function PresetMenu() {
  const lang = useLanguage((s) => s.lang);
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => {
    setOpen(false);
    buttonRef.current?.focus();
  }, []);
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="preset-menu"
        aria-haspopup="dialog"
        aria-expanded={open}
        title={say(galleryText.openHint, lang)}
        onClick={() => setOpen(true)}
        onPointerEnter={() => void loadGallery().catch(() => {})}
        onFocus={() => void loadGallery().catch(() => {})}
        data-testid="presets"
      >
        {say(galleryText.open, lang)}
      </button>
      {/* In <body>, so no ancestor's overflow or stacking can clip the dialog. */}
      {open && createPortal(<ChunkBoundary><Suspense fallback={null}><PresetGallery onClose={close} /></Suspense></ChunkBoundary>, document.body)}
    </>
  );
}
