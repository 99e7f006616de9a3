/**
 * Messages for the user (link corrections, worker restarts), each dismissable,
 * and all at once when there are several (a broken link can bring five, which
 * pushed the plot down by 200 px, each closed on its own).
 * Plain text only. They are stored in English as written and translated here,
 * so a notice on screen follows a language switch.
 */
import { useLanguage, useT } from '../i18n';
import { translateSentence } from '../i18n/sentences';
import { useAppStore } from '../state/store';

export function Notices() {
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  const setNotices = useAppStore((s) => s.setNotices);
  const lang = useLanguage((s) => s.lang);
  const t = useT();
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="status" aria-live="polite" data-testid="notices">
      {notices.map((text, i) => (
        <p key={`${i}-${text}`} className="notice">
          <span>{translateSentence(lang, text)}</span>
          <button type="button" className="icon" onClick={() => dismiss(i)} aria-label={t('notices.dismiss')}>✕</button>
        </p>
      ))}
      {notices.length > 1 && (
        <button type="button" className="notices-clear" onClick={() => setNotices([])} data-testid="notices-clear">
          {t('notices.dismissAll', { n: String(notices.length) })}
        </button>
      )}
    </div>
  );
}
