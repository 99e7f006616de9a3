// @vitest-environment happy-dom
/**
 * A run's name field: what is typed stays in the field while it has focus
 * (the store trims it and puts the automatic name back when it is empty),
 * every change reaches the store, and leaving the field shows the kept label.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { useState } from 'react';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { RunLabelField } from '../../src/controls/RunLabelField';

afterEach(cleanup);

/** The field over a label kept as the store keeps it: trimmed, the automatic name when empty. */
function Harness({ onStore }: { onStore: (label: string) => void }) {
  const [label, setLabel] = useState('GD / SGD · lr 0.95');
  return (
    <RunLabelField
      label={label}
      ariaLabel="Label of run 1"
      onChange={(typed) => {
        const kept = typed.trim() || 'GD / SGD · lr 0.95';
        onStore(kept);
        setLabel(kept);
      }}
    />
  );
}

describe('RunLabelField', () => {
  it('lets a name be typed from an empty field, spaces and all', () => {
    const stored: string[] = [];
    render(<Harness onStore={(label) => stored.push(label)} />);
    const input = screen.getByLabelText('Label of run 1') as HTMLInputElement;
    input.focus();
    // Select all, delete, then type "My first run" a key at a time.
    fireEvent.change(input, { target: { value: '' } });
    expect(input.value).toBe('');
    let typed = '';
    for (const key of 'My first run') {
      typed += key;
      fireEvent.change(input, { target: { value: typed } });
      expect(input.value).toBe(typed);
    }
    expect(stored.at(-1)).toBe('My first run');
    // 'My ' went to the store trimmed, but the field kept its space.
    expect(stored).toContain('My');
  });

  it('shows the label as kept once the field is left, and leaves it on Enter', () => {
    render(<Harness onStore={() => {}} />);
    const input = screen.getByLabelText('Label of run 1') as HTMLInputElement;
    input.focus();
    fireEvent.change(input, { target: { value: '  Momentum, slow  ' } });
    expect(input.value).toBe('  Momentum, slow  ');
    fireEvent.keyDown(input, { key: 'Enter' });
    fireEvent.blur(input);
    expect(input.value).toBe('Momentum, slow');
    input.focus();
    fireEvent.change(input, { target: { value: '' } });
    fireEvent.blur(input);
    expect(input.value).toBe('GD / SGD · lr 0.95');
  });
});
