// @vitest-environment happy-dom
/** The notices under the header: each can be dismissed, and several at once. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Notices } from '../../src/controls/Notices';
import { appStore } from '../../src/state/store';
import { useLanguage } from '../../src/i18n';

beforeEach(() => {
  useLanguage.setState({ lang: 'en' });
  appStore.getState().setNotices([]);
});
afterEach(cleanup);

describe('Notices', () => {
  it('dismisses one, and offers to dismiss all only when there are several', () => {
    render(<Notices />);
    act(() => appStore.getState().setNotices(['Ignored unknown surface \'moon\'; showing the ellipse.']));
    expect(screen.queryByTestId('notices-clear')).toBeNull();
    act(() => appStore.getState().addNotices(['Steps 1e9 is out of range; used 100000.', 'Ignored an empty view; showing the whole surface.']));
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss all 3 messages' }));
    expect(appStore.getState().notices).toEqual([]);
    expect(screen.queryByTestId('notices')).toBeNull();
  });

  it('keeps keyboard focus in the list when a notice is closed, and gives it to the main area when none is left', () => {
    render(<><Notices /><main tabIndex={-1} data-testid="main" /></>);
    act(() => appStore.getState().setNotices(['first', 'second', 'third']));
    const closeButtons = () => screen.getAllByRole('button', { name: 'Dismiss this message' });
    closeButtons()[1].focus();
    fireEvent.click(closeButtons()[1]);
    expect(appStore.getState().notices).toEqual(['first', 'third']);
    // The ✕ of the notice that took its place.
    expect(document.activeElement).toBe(closeButtons()[1]);
    fireEvent.click(closeButtons()[1]);
    expect(document.activeElement).toBe(closeButtons()[0]);
    act(() => appStore.getState().addNotices(['fourth']));
    screen.getByTestId('notices-clear').focus();
    fireEvent.click(screen.getByTestId('notices-clear'));
    expect(document.activeElement).toBe(screen.getByTestId('main'));
  });

  it('leaves focus alone when notices go while it is elsewhere', () => {
    render(<><Notices /><input data-testid="elsewhere" /></>);
    act(() => appStore.getState().setNotices(['first', 'second']));
    screen.getByTestId('elsewhere').focus();
    act(() => appStore.getState().setNotices([]));
    expect(document.activeElement).toBe(screen.getByTestId('elsewhere'));
  });
});
