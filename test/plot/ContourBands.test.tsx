// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import type { ViewBox } from '../../src/core/types';
import { ContourBands, fitsCanvas } from '../../src/plot/ContourBands';
import type { BandPicture } from '../../src/worker/protocol';
import { createRecordingContext } from './fakeContext';

const view: ViewBox = { x: [-2, 2], y: [-1, 1] };
const bands = ['M0,0L10,0L10,8L0,8Z', 'M2,2L8,2L8,6L2,6Z'];
const base = { bands, levels: [0, 1], colors: ['#eeeeee', '#cccccc'], nx: 11, ny: 9, view, displayView: view, width: 400, height: 300 };
/** A stand-in ImageBitmap of so many device pixels (a picture at ratio 1 of the 400 × 300 canvas by default). */
const bitmap = (label = 'bitmap', width = 400, height = 300) => ({ label, width, height, close() {} }) as unknown as ImageBitmap;

let ctx: ReturnType<typeof createRecordingContext>;
beforeEach(() => {
  ctx = createRecordingContext();
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => ctx as never);
  // happy-dom has no Path2D: one that keeps its string is all the painter hands on.
  vi.stubGlobal('Path2D', class { constructor(public d: string) {} });
  // The canvas's 2D context, as in a browser without OffscreenCanvas (bandCanvas.test.tsx has the bitmaps).
  vi.stubGlobal('OffscreenCanvas', undefined);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const canvasOf = (container: HTMLElement) => container.querySelector('canvas') as HTMLCanvasElement;

describe('ContourBands', () => {
  it('copies the worker’s picture over the canvas and parses no path', () => {
    const picture: BandPicture = { bitmap: bitmap(), width: 400, height: 300, ratio: 1 };
    const { container } = render(<ContourBands {...base} picture={picture} />);
    expect(ctx.named('drawImage').map((call) => call.args)).toEqual([[picture.bitmap, 0, 0]]);
    expect(ctx.count('fill')).toBe(0);
    expect(canvasOf(container).dataset.painter).toBe('worker');
  });

  it('paints the paths itself for a closed picture (an ImageBitmap closed reads 0 × 0), at the screen’s density', () => {
    const closed: BandPicture = { bitmap: bitmap('closed', 0, 0), width: 400, height: 300, ratio: 1 };
    const { container } = render(<ContourBands {...base} picture={closed} />);
    const canvas = canvasOf(container);
    expect(ctx.count('drawImage')).toBe(0);
    expect(ctx.count('fill')).toBe(bands.length);
    expect(canvas.dataset.painter).toBe('page');
    expect([canvas.width, canvas.height]).toEqual([400, 300]);
  });

  it('takes a gesture’s half-density picture pixel for pixel: the canvas has its pixels, CSS its size', () => {
    const half: BandPicture = { bitmap: bitmap('half', 200, 150), width: 400, height: 300, ratio: 0.5 };
    const { container, rerender } = render(<ContourBands {...base} picture={half} />);
    const canvas = canvasOf(container);
    expect([canvas.width, canvas.height]).toEqual([200, 150]);
    expect([canvas.style.width, canvas.style.height]).toEqual(['400px', '300px']);
    expect(ctx.named('drawImage').map((call) => call.args)).toEqual([[half.bitmap, 0, 0]]);
    expect(canvas.dataset.pictureRatio).toBe('0.5');
    // The full grid's picture, at the screen's density, gets the canvas back at full size.
    const full: BandPicture = { bitmap: bitmap('full'), width: 400, height: 300, ratio: 1 };
    rerender(<ContourBands {...base} picture={full} bands={[...bands]} />);
    expect([canvas.width, canvas.height]).toEqual([400, 300]);
    // Painted by the page (no picture), the canvas is sized for the screen again.
    rerender(<ContourBands {...base} picture={half} bands={[...bands]} width={800} height={600} />);
    expect(canvas.dataset.painter).toBe('page');
    expect([canvas.width, canvas.height]).toEqual([800, 600]);
  });

  it('paints the paths itself without a picture, with one painted far from its size, or one it cannot draw', () => {
    const far: BandPicture = { bitmap: bitmap(), width: 800, height: 300, ratio: 1 };
    const first = render(<ContourBands {...base} picture={far} />);
    expect(ctx.count('drawImage')).toBe(0);
    expect(ctx.named('fill').map((call) => (call.args[0] as { d: string }).d)).toEqual(bands);
    expect(canvasOf(first.container).dataset.painter).toBe('page');
    first.unmount();

    // A detached bitmap throws when drawn: the bands still show, painted from their paths.
    ctx = createRecordingContext();
    ctx.drawImage = () => {
      throw new DOMException('The image source is detached', 'InvalidStateError');
    };
    const closed: BandPicture = { bitmap: bitmap(), width: 400, height: 300, ratio: 1 };
    const second = render(<ContourBands {...base} picture={closed} />);
    expect(ctx.count('fill')).toBe(bands.length);
    expect(canvasOf(second.container).dataset.painter).toBe('page');
  });

  it('stretches the picture during a gesture instead of repainting, and copies the next grid’s', () => {
    const picture: BandPicture = { bitmap: bitmap('first'), width: 400, height: 300, ratio: 1 };
    const { container, rerender } = render(<ContourBands {...base} picture={picture} />);
    const zoomed: ViewBox = { x: [-1, 1], y: [-0.5, 0.5] };
    rerender(<ContourBands {...base} picture={picture} displayView={zoomed} />);
    expect(ctx.count('drawImage')).toBe(1);
    expect(canvasOf(container).style.transform).toMatch(/^matrix\(2, 0, 0, 2,/);
    const next: BandPicture = { bitmap: bitmap('second'), width: 400, height: 300, ratio: 1 };
    rerender(<ContourBands {...base} picture={next} view={zoomed} displayView={zoomed} />);
    expect(ctx.named('drawImage').map((call) => call.args[0])).toEqual([picture.bitmap, next.bitmap]);
    expect(canvasOf(container).style.transform).toBe('');
  });
});

describe('ContourBands and a tidied view', () => {
  it('takes a view a millionth of its span away (a gesture end\'s tidying) as the same picture: no transform, no repaint', () => {
    const picture: BandPicture = { bitmap: bitmap('first'), width: 400, height: 300, ratio: 1 };
    const { container, rerender } = render(<ContourBands {...base} picture={picture} />);
    const [x0, x1] = base.view.x;
    const tidied: ViewBox = { x: [x0 + (x1 - x0) * 1e-6, x1], y: base.view.y };
    rerender(<ContourBands {...base} picture={picture} displayView={tidied} />);
    expect(canvasOf(container).style.transform).toBe('');
    expect(canvasOf(container).dataset.stretched).toBe('false');
    expect(ctx.count('drawImage')).toBe(1);
  });
});

describe('fitsCanvas', () => {
  it('accepts a picture within a third of the canvas each way, no further', () => {
    expect(fitsCanvas({ width: 400, height: 300 }, 400, 300)).toBe(true);
    expect(fitsCanvas({ width: 400, height: 300 }, 520, 230)).toBe(true);
    expect(fitsCanvas({ width: 400, height: 300 }, 540, 300)).toBe(false);
    expect(fitsCanvas({ width: 400, height: 300 }, 400, 200)).toBe(false);
    expect(fitsCanvas({ width: 400, height: 300 }, 0, 300)).toBe(false);
  });
});
