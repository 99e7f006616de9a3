/**
 * The header's "Presets" button: opens the gallery of the course's views
 * (teach/PresetGallery) and gives focus back to itself when it closes.
 */
import { useCallback, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useLanguage } from '../i18n';
import { PresetGallery } from '../teach/PresetGallery';
import { galleryText, say } from '../teach/presetText';

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
        data-testid="presets"
      >
        {say(galleryText.open, lang)}
      </button>
      {/* In <body>, so no ancestor's overflow or stacking can clip the dialog. */}
      {open && createPortal(<PresetGallery onClose={close} />, document.body)}
    </>
  );
}
