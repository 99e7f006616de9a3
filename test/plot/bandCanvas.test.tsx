// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { paintCanvas, showPicture } from '../../src/plot/bandCanvas';
import { ContourBands } from '../../src/plot/ContourBands';
import type { BandPicture } from '../../src/worker/protocol';
import { createRecordingContext } from './fakeContext';

/** A stand-in ImageBitmap; `transferFromImageBitmap` uses it up (it then reads 0 × 0, as a real one does). */
const bitmap = (label: string, width = 400, height = 300) => ({ label, width, height, close() {} }) as unknown as ImageBitmap;
const picture = (label: string, width = 400, height = 300): BandPicture => ({ bitmap: bitmap(label, width, height), width, height, ratio: 1 });

/** What the canvas shows: the bitmaps handed to its 'bitmaprenderer' context, in order. */
let shown: unknown[];
/** Every 2D context the page's scratch canvases gave out. */
let scratch: ReturnType<typeof createRecordingContext>[];
let twoD: ReturnType<typeof createRecordingContext>;

/** An OffscreenCanvas whose transferToImageBitmap hands over a bitmap naming what was drawn on it. */
class FakeOffscreenCanvas {
  private ctx = createRecordingContext();
  /** Calls already handed over in a bitmap. */
  private handed = 0;
  constructor(public width: number, public height: number) {
    scratch.push(this.ctx);
  }
  getContext() {
    return this.ctx;
  }
  transferToImageBitmap() {
    const drawn = this.ctx.calls.slice(this.handed).filter((call) => call.name === 'drawImage' || call.name === 'fill').map((call) => call.name);
    this.handed = this.ctx.calls.length;
    return { label: `scratch ${this.width}x${this.height}: ${drawn.join(' ')}`, width: this.width, height: this.height };
  }
}

function stubBitmaps() {
  vi.stubGlobal('OffscreenCanvas', FakeOffscreenCanvas);
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(((type: string) => {
    if (type !== 'bitmaprenderer') return twoD;
    return {
      transferFromImageBitmap(image: ImageBitmap & { label?: string }) {
        shown.push(image.label);
        // Used up, as transferFromImageBitmap leaves a real one.
        Object.assign(image, { width: 0, height: 0 });
      },
    };
  }) as never);
}

beforeEach(() => {
  shown = [];
  scratch = [];
  twoD = createRecordingContext();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('the bands canvas, where it can be shown bitmaps', () => {
  beforeEach(stubBitmaps);

  it('takes a picture that is its alone without a copy, at the picture’s own pixels', () => {
    const canvas = document.createElement('canvas');
    const half = picture('gesture', 200, 150);
    expect(showPicture(canvas, half, true)).toBe(true);
    expect(shown).toEqual(['gesture']);
    expect([canvas.width, canvas.height]).toEqual([200, 150]);
    expect(scratch).toHaveLength(0);
    // Used up: shown again, it cannot be, and the caller paints the paths.
    expect(showPicture(canvas, half, true)).toBe(false);
  });

  it('copies a kept picture into a bitmap of its own, leaving the kept one whole', () => {
    const canvas = document.createElement('canvas');
    const kept = picture('kept');
    expect(showPicture(canvas, kept, false)).toBe(true);
    expect(shown).toEqual(['scratch 400x300: drawImage']);
    expect(kept.bitmap.width).toBe(400);
    expect(scratch[0].named('drawImage').map((call) => call.args)).toEqual([[kept.bitmap, 0, 0]]);
    // Shown again later (Reset view), it still can be.
    expect(showPicture(canvas, kept, false)).toBe(true);
  });

  it('hands over what the page paints, at the screen’s density, on one reused scratch canvas', () => {
    const canvas = document.createElement('canvas');
    const paint = (ctx: { fill(): void }) => ctx.fill();
    expect(paintCanvas(canvas, 400, 300, 2, paint as never)).toBe(true);
    expect(paintCanvas(canvas, 400, 300, 2, paint as never)).toBe(true);
    expect(shown).toEqual(['scratch 800x600: fill', 'scratch 800x600: fill']);
    expect([canvas.width, canvas.height]).toEqual([800, 600]);
    expect(scratch).toHaveLength(1);
    // Cleared, with no transform, before each paint.
    expect(scratch[0].calls.map((call) => call.name)).toEqual(['setTransform', 'clearRect', 'fill', 'setTransform', 'clearRect', 'fill']);
  });

  it('says a closed picture (0 × 0) cannot be shown', () => {
    const canvas = document.createElement('canvas');
    expect(showPicture(canvas, picture('closed', 0, 0), true)).toBe(false);
    expect(shown).toEqual([]);
  });
});

describe('ContourBands, shown bitmaps', () => {
  beforeEach(stubBitmaps);
  const view = { x: [-2, 2] as [number, number], y: [-1, 1] as [number, number] };
  const base = { bands: ['M0,0L10,0L10,8L0,8Z'], levels: [0], colors: ['#eeeeee'], nx: 11, ny: 9, view, displayView: view, width: 400, height: 300 };

  it('uses up a gesture’s picture, copies a kept one, and paints the paths when a used-up one comes again', () => {
    // Half the screen's density, as a gesture's pictures are.
    const gesture: BandPicture = { bitmap: bitmap('gesture', 200, 150), width: 400, height: 300, ratio: 0.5 };
    const { container, rerender } = render(<ContourBands {...base} picture={gesture} takePicture />);
    const canvas = container.querySelector('canvas') as HTMLCanvasElement;
    expect(shown).toEqual(['gesture']);
    expect(canvas.dataset.painter).toBe('worker');
    const kept = picture('kept');
    rerender(<ContourBands {...base} bands={[...base.bands]} picture={kept} />);
    expect(shown).toEqual(['gesture', 'scratch 400x300: drawImage']);
    expect(kept.bitmap.width).toBe(400);
    // The used-up picture again (the bands re-sent): the page paints them.
    vi.stubGlobal('Path2D', class { constructor(public d: string) {} });
    rerender(<ContourBands {...base} bands={[...base.bands]} picture={gesture} takePicture />);
    expect(shown.at(-1)).toBe('scratch 400x300: fill');
    expect(canvas.dataset.painter).toBe('page');
  });
});

describe('the bands canvas, where there is no OffscreenCanvas', () => {
  beforeEach(() => {
    vi.stubGlobal('OffscreenCanvas', undefined);
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(((type: string) => (type === '2d' ? twoD : null)) as never);
  });

  it('draws every picture on its 2D context, and never uses one up', () => {
    const canvas = document.createElement('canvas');
    const gesture = picture('gesture', 200, 150);
    expect(showPicture(canvas, gesture, true)).toBe(true);
    expect(twoD.named('drawImage').map((call) => call.args)).toEqual([[gesture.bitmap, 0, 0]]);
    expect(gesture.bitmap.width).toBe(200);
    expect([canvas.width, canvas.height]).toEqual([200, 150]);
  });

  it('lets the page paint on its 2D context, sized for the screen', () => {
    const canvas = document.createElement('canvas');
    expect(paintCanvas(canvas, 400, 300, 1.5, (ctx) => ctx.fill({} as Path2D))).toBe(true);
    expect(twoD.count('fill')).toBe(1);
    expect([canvas.width, canvas.height]).toEqual([600, 450]);
  });
});
