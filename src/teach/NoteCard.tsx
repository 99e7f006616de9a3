/**
 * The card a view's note is shown in: a heading ("About this view: …"), its
 * text, a line saying the view has changed since (always laid out, hidden
 * until then, so its appearing moves nothing) with a button back, and a
 * close button. Both notes use it: the bare page's (OpeningNote) and a
 * preset's (PresetNoteText).
 */
import type { ReactNode } from 'react';

export interface NoteCardProps {
  /** Prefix of the test ids and the heading's id: 'preset-note', 'opening-note'. */
  id: string;
  heading: string;
  title: string;
  text: ReactNode;
  /** Whether the view differs from the one the note describes. */
  changed: boolean;
  changedText: string;
  restoreText: string;
  onRestore(): void;
  closeText: string;
  onClose(): void;
}

export function NoteCard({ id, heading, title, text, changed, changedText, restoreText, onRestore, closeText, onClose }: NoteCardProps) {
  return (
    <section className="preset-note" aria-labelledby={`${id}-title`} data-testid={id}>
      <div className="preset-note-text">
        <h2 id={`${id}-title`}>
          <span className="preset-note-kicker">{heading}: </span>
          {title}
        </h2>
        <p>{text}</p>
        {/* Always laid out, shown when the view has changed: appearing, it moved the field being typed in. */}
        <p className={`preset-note-changed${changed ? '' : ' is-unchanged'}`} data-testid={`${id}-changed`} aria-hidden={!changed}>
          {changedText}{' '}
          <button type="button" onClick={onRestore} tabIndex={changed ? undefined : -1}>{restoreText}</button>
        </p>
      </div>
      <button type="button" className="preset-note-close" onClick={onClose} aria-label={closeText} title={closeText} data-testid={`${id}-close`}>
        ×
      </button>
    </section>
  );
}
