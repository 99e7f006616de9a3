/** Messages for the user (link corrections, worker restarts), each dismissable. Plain text only. */
import { useAppStore } from '../state/store';

export function Notices() {
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="status" aria-live="polite" data-testid="notices">
      {notices.map((text, i) => (
        <p key={`${i}-${text}`} className="notice">
          <span>{text}</span>
          <button type="button" className="icon" onClick={() => dismiss(i)} aria-label="Dismiss this message">✕</button>
        </p>
      ))}
    </div>
  );
}
