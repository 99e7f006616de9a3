import { beforeEach, describe, expect, it, vi } from 'vitest';

// latency.ts keeps page-wide "first time" flags, so each test loads it afresh.
let latency: typeof import('../../src/plot/latency');
beforeEach(async () => {
  vi.resetModules();
  latency = await import('../../src/plot/latency');
});

describe('onFirstPicture', () => {
  it('counts paths still streaming in once a paint showed their points, without marking first-paths', () => {
    const marks = () => performance.getEntriesByName('optiscope:first-paths').length;
    const before = marks();
    const listener = vi.fn();
    latency.onFirstPicture(listener);
    latency.noteContours();
    latency.notePaint(false, false); // an empty paint before any data
    expect(listener).not.toHaveBeenCalled();
    latency.notePaint(false, true); // a long run's first points
    expect(listener).toHaveBeenCalledTimes(1);
    expect(marks()).toBe(before);
  });

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
