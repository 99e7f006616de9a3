// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { PlotControls } from '../../src/app/PlotControls';
import { defaultScene } from '../../src/state/defaults';
import { translate } from '../../src/i18n';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.doUnmock('../../src/app/plotControlsChunk');
  vi.resetModules();
});

const runs = defaultScene().runs;

describe('PlotControls', () => {
  it('keeps the playback row\'s place until the first picture, then shows the bar, the runs\' key and the toggle', async () => {
    const { container, rerender } = render(<PlotControls ready={false} runs={runs} isData={false} narrow={false} />);
    // The row's place is the row itself, hidden and inert (so it wraps as the live row will, whatever
    // the fonts), out of the way of assistive technology and of clicks.
    const standIn = container.querySelector<HTMLElement>('.playback-placeholder');
    expect(standIn).not.toBeNull();
    expect(standIn!.getAttribute('aria-hidden')).toBe('true');
    expect(standIn!.hasAttribute('inert')).toBe(true);
    const words = (row: Element) => [...row.querySelectorAll('button, label')].map((element) => element.textContent);
    const keptWords = words(standIn!);
    expect(screen.queryByRole('group', { name: translate('en', 'playback.group') })).toBeNull();
    expect(screen.queryByTestId('run-legend')).toBeNull();
    // The key's place is kept too: the same list with each run's name, hidden from assistive technology.
    const kept = container.querySelector('ul.run-legend[aria-hidden="true"]');
    expect([...kept!.querySelectorAll('.legend-label')].map((label) => label.textContent)).toEqual(runs.map((run) => run.label));

    rerender(<PlotControls ready runs={runs} isData={false} narrow={false} />);
    const row = await screen.findByRole('group', { name: translate('en', 'playback.group') });
    expect(words(row)).toEqual(keptWords);
    expect(keptWords.length).toBeGreaterThan(4);
    expect(await screen.findByTestId('run-legend')).toBeTruthy();
    expect(await screen.findByTestId('layout-toggle')).toBeTruthy();
    expect(container.querySelector('.playback-placeholder')).toBeNull();
    expect(container.querySelectorAll('ul.run-legend')).toHaveLength(1);
    // One legend item per run.
    expect(screen.getByTestId('run-legend').querySelectorAll('li')).toHaveLength(runs.length);
  });

  it('in one column shows the view\'s note from the start, under the runs\' key once it comes, and never mounts it again', async () => {
    const { rerender } = render(<PlotControls ready={false} runs={runs} isData={false} narrow />);
    const note = screen.queryByTestId('opening-note');
    expect(note).not.toBeNull();

    rerender(<PlotControls ready runs={runs} isData={false} narrow />);
    const legend = await screen.findByTestId('run-legend');
    const toggle = await screen.findByTestId('layout-toggle');
    // The same element: a remount would fetch its text again and lose what the reader did with it.
    expect(screen.queryByTestId('opening-note')).toBe(note);
    expect(legend.compareDocumentPosition(note!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(note!.compareDocumentPosition(toggle) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('says once that a part is missing when its chunk cannot be had, keeping the playback row\'s place and the same note', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.resetModules();
    vi.doMock('../../src/app/plotControlsChunk', () => {
      throw new Error('Failed to fetch dynamically imported module');
    });
    const { PlotControls: Fresh } = await import('../../src/app/PlotControls');
    const { appStore } = await import('../../src/state/store');
    const { translate: fresh } = await import('../../src/i18n');
    const { container, rerender } = render(<Fresh ready={false} runs={runs} isData={false} narrow />);
    const note = screen.queryByTestId('opening-note');
    expect(note).not.toBeNull();
    rerender(<Fresh ready runs={runs} isData={false} narrow />);
    await vi.waitFor(() => expect(appStore.getState().notices).toContain(fresh('en', 'app.partFailed')));
    expect(appStore.getState().notices.filter((text) => text === fresh('en', 'app.partFailed'))).toHaveLength(1);
    expect(container.querySelector('.playback-placeholder')).not.toBeNull();
    // Not mounted again: its words and the reader's focus stay.
    expect(screen.queryByTestId('opening-note')).toBe(note);
    expect(screen.queryByTestId('run-legend')).toBeNull();
  });
});
