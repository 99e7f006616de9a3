// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, renderHook } from '@testing-library/react';
import { useAnimation } from '../../src/app/useAnimation';
import { appStore } from '../../src/state/store';
import { defaultScene } from '../../src/state/defaults';
import { noteContours, notePaint } from '../../src/plot/latency';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('the playback clock', () => {
  it('waits for the first picture, so the replay starts at step 0 in front of the reader', async () => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'setTimeout', 'clearTimeout', 'performance'] });
    act(() => {
      appStore.getState().loadScene(defaultScene());
      appStore.getState().play();
    });
    expect(appStore.getState().playback).toMatchObject({ playing: true, step: 0 });
    renderHook(() => useAnimation());
    // Half a second of frames with no picture yet: the step stays at 0.
    await act(async () => {
      await vi.advanceTimersByTimeAsync(500);
    });
    expect(appStore.getState().playback.step).toBe(0);
    // Contours and finished paths are drawn: the clock starts a frame later and the steps move on.
    act(() => {
      noteContours();
      notePaint(true);
    });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(20);
    });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1000);
    });
    const { step } = appStore.getState().playback;
    // Automatic speed plays the whole budget in about four seconds.
    expect(step).toBeGreaterThan(defaultScene().steps / 8);
    expect(step).toBeLessThan(defaultScene().steps / 2);
  });
});
