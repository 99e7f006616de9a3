// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazy, Suspense } from 'react';
import { cleanup, render, screen } from '@testing-library/react';
import { ChunkBoundary } from '../../src/app/ChunkBoundary';
import { appStore } from '../../src/state/store';
import { translate } from '../../src/i18n';

afterEach(cleanup);

describe('ChunkBoundary', () => {
  it('shows its fallback and says why when a chunk cannot be loaded, leaving the rest of the page', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    appStore.getState().addNotices([]);
    const Missing = lazy(() => Promise.reject(new Error('Failed to fetch dynamically imported module')));
    render(
      <div>
        <p>the plot</p>
        <ChunkBoundary fallback={<p>placeholder</p>}>
          <Suspense fallback={null}><Missing /></Suspense>
        </ChunkBoundary>
      </div>,
    );
    expect(await screen.findByText('placeholder')).toBeTruthy();
    expect(screen.getByText('the plot')).toBeTruthy();
    expect(appStore.getState().notices).toContain(translate('en', 'app.partFailed'));
  });

  it('tells its container when the part fails to render, so the container stops saying it is busy', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const onFailed = vi.fn();
    const Broken = () => {
      throw new Error('render error');
    };
    render(
      <ChunkBoundary fallback={<p>placeholder</p>} onFailed={onFailed}>
        <Broken />
      </ChunkBoundary>,
    );
    expect(await screen.findByText('placeholder')).toBeTruthy();
    expect(onFailed).toHaveBeenCalledTimes(1);
  });
});
