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
});
