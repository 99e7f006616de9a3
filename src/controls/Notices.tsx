/**
 * Messages for the user (link corrections, worker restarts), each dismissable,
 * and all at once when there are several (a broken link can bring five, which
 * pushed the plot down by 200 px, each closed on its own).
 * Plain text only. They are stored in English as written and translated here,
 * so a notice on screen follows a language switch.
 *
 * A closed notice takes its button with it, which would drop keyboard focus
 * on the page's body: focus goes to the next notice's ✕ (or the one before),
 * and, when none is left, to the main area.
 */
import { useLayoutEffect, useRef } from 'react';
import { useLanguage, useT } from '../i18n';
import { translateSentence } from '../i18n/sentences';
import { useAppStore } from '../state/store';

export function Notices() {
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  const setNotices = useAppStore((s) => s.setNotices);
  const lang = useLanguage((s) => s.lang);
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  /** The notice whose ✕ takes focus after a close (clamped to those left), or null when no close by this list is pending. */
  const focusNext = useRef<number | null>(null);
  useLayoutEffect(() => {
    const index = focusNext.current;
    if (index === null) return;
    focusNext.current = null;
    const buttons = box.current?.querySelectorAll<HTMLButtonElement>('.notice button');
    const target = buttons && buttons.length > 0 ? buttons[Math.min(index, buttons.length - 1)] : document.querySelector<HTMLElement>('main');
    target?.focus();
  }, [notices]);
  if (notices.length === 0) return null;
  const close = (index: number | 'all') => {
    // Only a close made from here moves focus: one with focus elsewhere (a click) leaves it there.
    if (box.current?.contains(document.activeElement)) focusNext.current = index === 'all' ? Infinity : index;
    if (index === 'all') setNotices([]);
    else dismiss(index);
  };
  return (
    <div className="notices" role="status" aria-live="polite" data-testid="notices" ref={box}>
      {notices.map((text, i) => (
        <p key={`${i}-${text}`} className="notice">
          <span>{translateSentence(lang, text)}</span>
          <button type="button" className="icon" onClick={() => close(i)} aria-label={t('notices.dismiss')}>✕</button>
        </p>
      ))}
      {notices.length > 1 && (
        <button type="button" className="notices-clear" onClick={() => close('all')} data-testid="notices-clear">
          {t('notices.dismissAll', { n: String(notices.length) })}
        </button>
      )}
    </div>
  );
}
