import { describe, expect, it } from 'vitest';
import { createContourSet } from '../../src/plot/contours';
import { bandRamp, bandColors } from '../../src/plot/colors';
import { outlineColor } from '../../src/plot/paintBands';
import { paintPicture, type PictureCanvas, type PicturePainter } from '../../src/worker/bandPicture';
import { createDispatcher } from '../../src/worker/dispatcher';
import type { FromWorker, PictureRequest } from '../../src/worker/protocol';
import { createRecordingContext } from '../plot/fakeContext';
import { createManualScheduler, createRecorder } from './harness';

/** Canvases that record what is painted on them; their "bitmap" names the canvas. */
function recordingCanvases() {
  const made: Array<{ width: number; height: number; ctx: ReturnType<typeof createRecordingContext>; bitmap: ImageBitmap }> = [];
  const painter: PicturePainter = {
    createCanvas(width, height) {
      const ctx = createRecordingContext();
      const bitmap = { width, height, close() {} } as unknown as ImageBitmap;
      made.push({ width, height, ctx, bitmap });
      const canvas: PictureCanvas = { getContext: () => ctx, transferToImageBitmap: () => bitmap };
      return canvas;
    },
    // Node has no Path2D: the recording context keeps the path's string.
    createPath: (d) => d as unknown as Path2D,
  };
  return { made, painter };
}

// f = x² + y² on a 9 × 7 grid over [−1, 1]²: a bowl, so several nested bands.
const nx = 9;
const ny = 7;
const values = Float64Array.from({ length: nx * ny }, (_, k) => {
  const x = -1 + (2 * (k % nx)) / (nx - 1);
  const y = -1 + (2 * Math.floor(k / nx)) / (ny - 1);
  return x * x + y * y;
});
const contours = createContourSet(values, nx, ny, 6);
const request: PictureRequest = { width: 300.4, height: 200, ratio: 1.5, ramp: bandRamp() };

describe('paintPicture', () => {
  it('paints every band in the legend’s colours on a canvas of the device size, and hands over its bitmap', () => {
    const { made, painter } = recordingCanvases();
    const picture = paintPicture(contours, request, painter);
    expect(made).toHaveLength(1);
    const [{ width, height, ctx, bitmap }] = made;
    // round(300.4 × 1.5) × round(200 × 1.5) device pixels, as the page sizes its canvas.
    expect([width, height]).toEqual([451, 300]);
    expect(picture).toEqual({ bitmap, width: 300.4, height: 200, ratio: 1.5 });
    const fills = ctx.named('fill');
    expect(fills.map((call) => call.args[0])).toEqual(contours.bands);
    expect(fills.map((call) => call.fillStyle)).toEqual(bandColors(contours.levels.length));
    expect(ctx.named('stroke').every((call) => call.strokeStyle === outlineColor)).toBe(true);
    // Grid units stretched over the whole canvas: sample (nx − 1, ny − 1) lands on the far corner.
    const transform = ctx.named('setTransform').at(-1)!.args as number[];
    expect(transform[0] * (nx - 1) + transform[4]).toBeCloseTo(300.4 * 1.5, 9);
    expect(transform[3] * (ny - 1) + transform[5]).toBeCloseTo(300, 9);
  });

  it('paints nothing, and says so with null, when it cannot or should not', () => {
    const { made, painter } = recordingCanvases();
    expect(paintPicture(contours, undefined, painter)).toBeNull();
    expect(paintPicture(contours, request, null)).toBeNull();
    for (const bad of [
      { ...request, ramp: new Uint8Array(12) },
      { ...request, ratio: Number.NaN },
      { ...request, ratio: 0 },
      { ...request, width: 0 },
      { ...request, height: -5 },
      { ...request, width: 1e6 },
      { ...request, height: Number.POSITIVE_INFINITY },
    ]) {
      expect(paintPicture(contours, bad, painter), JSON.stringify({ ...bad, ramp: bad.ramp.length })).toBeNull();
    }
    expect(made).toHaveLength(0);
    const failing: PicturePainter = { ...painter, createCanvas: () => { throw new Error('out of memory'); } };
    expect(paintPicture(contours, request, failing)).toBeNull();
    expect(paintPicture(contours, request, { ...painter, createCanvas: () => null })).toBeNull();
  });
});

describe('dispatcher pictures', () => {
  function setup(painter: PicturePainter | null) {
    const recorder = createRecorder();
    const scheduler = createManualScheduler();
    const dispatcher = createDispatcher(recorder.post, scheduler.schedule, { painter });
    return { ...recorder, scheduler, dispatcher };
  }
  const grids = (posted: Array<{ message: FromWorker; transfer: Transferable[] }>) =>
    posted.filter((entry): entry is { message: Extract<FromWorker, { type: 'grid' }>; transfer: Transferable[] } => entry.message.type === 'grid');
  const view = { x: [-2, 2] as [number, number], y: [-2, 2] as [number, number] };

  it('sends the full grid with a picture of the size asked, transferred; the preview without one', () => {
    const { made, painter } = recordingCanvases();
    const { dispatcher, scheduler, posted } = setup(painter);
    dispatcher.handle({ type: 'grid', generation: 1, surface: 'bowl', view, nx: 30, ny: 20, preview: { nx: 10, ny: 7 }, picture: request });
    scheduler.drain();
    const [preview, full] = grids(posted);
    expect([preview.message.final, full.message.final]).toEqual([false, true]);
    // The preview is the first contours on opening: it must not wait for the worker's first canvas.
    expect(preview.message.picture).toBeUndefined();
    expect(made).toHaveLength(1);
    expect(full.message.picture?.bitmap).toBe(made[0].bitmap);
    expect(full.transfer).toContain(made[0].bitmap);
    expect(full.transfer).toContain(full.message.values.buffer);
    // The picture shows this reply's own bands.
    expect(made[0].ctx.named('fill').length).toBe(full.message.contours.bands.length);
  });

  it('sends the grid without its picture when the picture cannot be posted', () => {
    const { made, painter } = recordingCanvases();
    const posted: FromWorker[] = [];
    const scheduler = createManualScheduler();
    const post = (message: FromWorker) => {
      if (message.type === 'grid' && message.picture) throw new DOMException('ImageBitmap could not be cloned', 'DataCloneError');
      posted.push(message);
    };
    const dispatcher = createDispatcher(post, scheduler.schedule, { painter });
    dispatcher.handle({ type: 'grid', generation: 1, surface: 'bowl', view, nx: 30, ny: 20, picture: request });
    scheduler.drain();
    expect(posted.map((m) => m.type)).toEqual(['grid']);
    expect(made).toHaveLength(1);
  });

  it('paints nothing for a request without a picture, or where there is no canvas', () => {
    const { made, painter } = recordingCanvases();
    const plain = setup(painter);
    plain.dispatcher.handle({ type: 'grid', generation: 1, surface: 'bowl', view, nx: 12, ny: 9 });
    plain.scheduler.drain();
    expect(made).toHaveLength(0);
    expect(grids(plain.posted)[0].message.picture).toBeUndefined();

    const bare = setup(null);
    bare.dispatcher.handle({ type: 'grid', generation: 1, surface: 'bowl', view, nx: 12, ny: 9, picture: request });
    bare.scheduler.drain();
    const [grid] = grids(bare.posted);
    expect(grid.message.picture).toBeUndefined();
    expect(grid.message.contours.bands.length).toBeGreaterThan(2);
  });
});
