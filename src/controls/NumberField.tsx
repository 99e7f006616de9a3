/**
 * A typed number field that commits on Enter or blur. While the text does not
 * parse as a finite number the field is marked invalid and nothing is sent,
 * so a half-typed "1e-" never reaches the store.
 *
 * A typed number that has to be changed to fit (clamped into its range, or
 * rounded to a whole number) is never changed silently: a line under the
 * field says why and what was used ("Steps must be between 1 and 100000;
 * used 100000."), the way a link's corrections are reported. The line is a
 * live region, so screen readers announce it, and the input points at it
 * (aria-describedby). It stays until the next valid edit, or until the
 * value changes from elsewhere (its slider, a preset, a link), so it is not
 * gone while the reader looked away; it never stands in the way of typing.
 *
 * The limits come from `min`, `max` and `integer` when the owner passes the
 * ones its setter clamps to (state/scene `limits`); the field then fits the
 * value itself and states both ends. Without them the field still notices
 * when the value it sent comes back changed (the store clamped or rounded it)
 * and states the limit that applied, which is the value used.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { formatExact, formatValue } from './format';
import { useT, type Translate } from '../i18n';

export interface NumberFieldProps {
  label: string;
  value: number;
  onCommit(value: number): void;
  /** Shown after the field, e.g. "steps". */
  unit?: string;
  step?: number | 'any';
  className?: string;
  /** Visually hide the label (it stays the accessible name). */
  hideLabel?: boolean;
  testId?: string;
  /** Smallest value the owner accepts; a smaller typed value is raised to it, and the message says so. */
  min?: number;
  /** Largest value the owner accepts; a larger typed value is lowered to it, and the message says so. */
  max?: number;
  /** Whole numbers only: a typed 2.5 is rounded (to 3), and the message says so. */
  integer?: boolean;
  /** The setting's name in the message ("Learning rate η"); the label by default. */
  name?: string;
}

/** Why a typed value was changed; its numbers are the true limits and the value used. */
type Note =
  | { kind: 'range'; min: number; max: number; used: number }
  | { kind: 'tooLarge'; max: number; used: number }
  | { kind: 'tooSmall'; min: number; used: number }
  | { kind: 'notWhole'; used: number };

/** `typed` fitted into [min, max] (rounded first for a whole-number field), and why it changed, if it did. */
export function fitTyped(typed: number, min = -Infinity, max = Infinity, integer = false): { used: number; note: Note | null } {
  let used = Math.min(max, Math.max(min, integer ? Math.round(typed) : typed));
  if (used === 0) used = 0; // one canonical zero, as the store keeps it
  if (used === typed) return { used, note: null };
  if (typed >= min && typed <= max) return { used, note: { kind: 'notWhole', used } };
  if (Number.isFinite(min) && Number.isFinite(max)) return { used, note: { kind: 'range', min, max, used } };
  return { used, note: typed > max ? { kind: 'tooLarge', max, used } : { kind: 'tooSmall', min, used } };
}

/** Why the owner turned `typed` into `used` when the field was not told its limits. */
function changedByOwner(typed: number, used: number): Note {
  if (!Number.isInteger(typed) && Number.isInteger(used) && Math.round(typed) === used) return { kind: 'notWhole', used };
  // A clamp moves the value to the limit it passed: that limit is `used`.
  return used < typed ? { kind: 'tooLarge', max: used, used } : { kind: 'tooSmall', min: used, used };
}

function noteText(t: Translate, what: string, note: Note): string {
  const used = formatExact(note.used);
  switch (note.kind) {
    case 'range': return t('field.outOfRange', { what, min: formatExact(note.min), max: formatExact(note.max), used });
    case 'tooLarge': return t('field.tooLarge', { what, max: formatExact(note.max), used });
    case 'tooSmall': return t('field.tooSmall', { what, min: formatExact(note.min), used });
    case 'notWhole': return t('field.notWhole', { what, used });
  }
}

/** "steps" → "Steps" at the start of a sentence; names that start with a symbol (ε, β) stay as they are. */
function sentenceStart(name: string): string {
  // A one-letter name is a symbol (h, k): "H" would read as the Hessian.
  return /^[a-z](\s|$)/.test(name) ? name : name.replace(/^[a-z]/, (letter) => letter.toUpperCase());
}

function parse(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

export function NumberField({
  label, value, onCommit, unit, step = 'any', className, hideLabel, testId, min, max, integer = false, name,
}: NumberFieldProps) {
  const id = useId();
  const noteId = `${id}-note`;
  const t = useT();
  const [text, setText] = useState(formatValue(value));
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState<Note | null>(null);
  /** The last value sent and what was typed, to notice the owner changing it. */
  const sent = useRef<{ typed: number; used: number; before: number } | null>(null);
  /** The value the message (if any) is about. */
  const shown = useRef(value);
  useEffect(() => {
    if (editing) return;
    setText(formatValue(value));
    const last = sent.current;
    sent.current = null;
    // The owner clamped or rounded what it was sent. A value it refused (left as it was) is not ours to explain.
    if (last && !Object.is(value, last.before) && value !== last.used) setNote(changedByOwner(last.typed, value));
    // Changed from elsewhere (its slider, a preset, a link): the message was about another value.
    else if (!last && !Object.is(value, shown.current)) setNote(null);
    shown.current = value;
  }, [value, editing]);
  const parsed = parse(text);
  const valid = Number.isFinite(parsed);
  const commit = () => {
    setEditing(false);
    // Untouched text (the value as shown, perhaps rounded for display) is not a new value.
    if (!valid || text === formatValue(value)) return setText(formatValue(value));
    const fitted = fitTyped(parsed, min, max, integer);
    setNote(fitted.note);
    if (fitted.used === value) return setText(formatValue(value));
    sent.current = { typed: parsed, used: fitted.used, before: value };
    onCommit(fitted.used);
  };
  return (
    <span className={`field ${className ?? ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <input
        id={id}
        data-testid={testId}
        type="text"
        inputMode="decimal"
        spellCheck={false}
        autoComplete="off"
        aria-invalid={!valid}
        aria-describedby={note ? noteId : undefined}
        value={text}
        data-step={step}
        onFocus={() => setEditing(true)}
        onChange={(e) => {
          setText(e.target.value);
          // A valid edit takes the old message away; one that needs changing gets its own on commit.
          const next = parse(e.target.value);
          if (note && Number.isFinite(next) && fitTyped(next, min, max, integer).note === null) setNote(null);
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
          if (e.key === 'Escape') {
            setText(formatValue(value));
            setEditing(false);
          }
        }}
      />
      {unit ? <span className="unit">{unit}</span> : null}
      {/* Always in the page, so the live region exists before its words arrive; hidden while empty. */}
      <span
        id={noteId}
        role="status"
        aria-live="polite"
        className={note ? 'hint field-note' : 'visually-hidden'}
        data-testid={testId && `${testId}-note`}
      >
        {note ? noteText(t, sentenceStart(name ?? label), note) : ''}
      </span>
    </span>
  );
}

/** The values the app accepts when typed (state/scene `limits`), which may differ from a slider's span. */
export type TypedRange = { readonly min: number; readonly max: number };

/**
 * A slider's typed field: its label is hidden (the slider's own label names
 * it), its message names the setting, and a typed value outside `typedRange`
 * is clamped, which the message says.
 */
export function SliderTextField({ label, value, onCommit, testId, typedRange }: {
  label: string;
  value: number;
  onCommit(value: number): void;
  testId?: string;
  typedRange?: TypedRange;
}) {
  const t = useT();
  return (
    <NumberField
      label={t('field.typed', { label })}
      name={label}
      hideLabel
      value={value}
      min={typedRange?.min}
      max={typedRange?.max}
      onCommit={onCommit}
      testId={testId && `${testId}-text`}
    />
  );
}
