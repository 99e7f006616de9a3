import { beforeEach, describe, expect, it, vi } from 'vitest';

// latency.ts keeps page-wide "first time" flags, so each test loads it afresh.
let latency: typeof import('../../src/plot/latency');
beforeEach(async () => {
  vi.resetModules();
  latency = await import('../../src/plot/latency');
});

describe('onFirstPicture', () => {
  it('waits for both the contours and a paint of finished paths', () => {
    const listener = vi.fn();
    latency.onFirstPicture(listener);
    latency.notePaint(false);
    latency.noteContours();
    expect(listener).not.toHaveBeenCalled();
    expect(latency.firstPictureDrawn()).toBe(false);
    latency.notePaint(true);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(latency.firstPictureDrawn()).toBe(true);
    latency.notePaint(true);
    latency.noteContours();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('answers at once after the picture, and a cancelled listener never hears', () => {
    const cancelled = vi.fn();
    latency.onFirstPicture(cancelled)();
    latency.notePaint(true);
    latency.noteContours();
    expect(cancelled).not.toHaveBeenCalled();
    const late = vi.fn();
    latency.onFirstPicture(late);
    expect(late).toHaveBeenCalledTimes(1);
  });
});
