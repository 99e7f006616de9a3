/**
 * Messages for the user (link corrections, worker restarts), each dismissable.
 * Plain text only. They are stored in English as written and translated here,
 * so a notice on screen follows a language switch.
 */
import { useLanguage, useT } from '../i18n';
import { translateSentence } from '../i18n/sentences';
import { useAppStore } from '../state/store';

export function Notices() {
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
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
    </div>
  );
}
