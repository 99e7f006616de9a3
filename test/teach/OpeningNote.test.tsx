// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { OpeningNote } from '../../src/teach/OpeningNote';
import { appStore } from '../../src/state/store';
import { defaultScene } from '../../src/state/defaults';

afterEach(cleanup);

describe('OpeningNote', () => {
  it('on the bare page says what is shown and what to try, goes with another surface, and stays gone', () => {
    appStore.getState().loadScene(defaultScene());
    const first = render(<OpeningNote />);
    const note = screen.getByTestId('opening-note');
    expect(note.textContent).toContain('Four optimizers on a long bowl');
    expect(note.textContent).toContain('x²/20 + y²');
    expect(screen.getByRole('button', { name: 'Close the note about this view' })).toBeTruthy();
    // Unchanged: the line that would say otherwise is laid out, hidden.
    const changed = screen.getByTestId('opening-note-changed');
    expect(changed.getAttribute('aria-hidden')).toBe('true');
    act(() => appStore.getState().setView({ x: [-5, 5], y: [-2, 2] }));
    expect(changed.getAttribute('aria-hidden')).toBe('true');
    // A new start keeps the note, which now says the view has changed and offers the opening one back.
    act(() => appStore.getState().setStart([1, 1]));
    expect(screen.queryByTestId('opening-note')).not.toBeNull();
    expect(changed.getAttribute('aria-hidden')).toBe('false');
    act(() => screen.getByRole('button', { name: 'Back to the opening view' }).click());
    expect(appStore.getState().scene.start).toEqual([-7, 2]);
    expect(changed.getAttribute('aria-hidden')).toBe('true');
    act(() => appStore.getState().setSurface('rosenbrock'));
    expect(screen.queryByTestId('opening-note')).toBeNull();
    first.unmount();
    // Back on the bowl, and rendered anew: still gone.
    act(() => appStore.getState().loadScene(defaultScene()));
    render(<OpeningNote />);
    expect(screen.queryByTestId('opening-note')).toBeNull();
  });
});
