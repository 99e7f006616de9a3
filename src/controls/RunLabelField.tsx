/**
 * A run's name, typed freely. The store keeps the label clean (trimmed, and
 * the automatic "Adam · lr 0.3" when empty), so an input showing the store's
 * label fought the typing: emptying the field brought the automatic name
 * back at once, and every trailing space was removed as it was typed
 * ("My first run" came out as "Myfirstrun" after the old name). While the
 * field has focus it shows what was typed; every change still goes to the
 * store, so the legend follows. On leaving it, the field shows the label as kept.
 */
import { useState } from 'react';
import { limits } from '../state/scene';

export interface RunLabelFieldProps {
  label: string;
  ariaLabel: string;
  onChange(label: string): void;
}

export function RunLabelField({ label, ariaLabel, onChange }: RunLabelFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      className="run-label"
      aria-label={ariaLabel}
      title={label}
      value={draft ?? label}
      maxLength={limits.label.maxLength}
      onChange={(event) => {
        setDraft(event.target.value);
        onChange(event.target.value);
      }}
      onBlur={() => setDraft(null)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.currentTarget.blur();
      }}
    />
  );
}
