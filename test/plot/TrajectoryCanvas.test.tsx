// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Profiler } from 'react';
import { act, cleanup, fireEvent, render } from '@testing-library/react';
import type { ViewBox } from '../../src/core/types';
import { createTrajectoryStore } from '../../src/state/trajectories';
import { TrajectoryCanvas } from '../../src/plot/TrajectoryCanvas';
import { LossChart } from '../../src/plot/LossChart';
import { createRecordingContext } from './fakeContext';
import { createLiveView } from '../../src/plot/liveView';

const view: ViewBox = { x: [-10, 10], y: [-5, 5] };
let frames: FrameRequestCallback[] = [];
let frameClock = 0;
let ctx: ReturnType<typeof createRecordingContext>;
/** The context of the canvas the paths are kept on while runs stream in (not in the document). */
let layerCtx: ReturnType<typeof createRecordingContext>;

function flushFrames() {
  const pending = frames;
  frames = [];
  // Each frame its own timestamp, as in a browser: canvases share paint time per frame (useCanvasPaint).
  const frameTime = (frameClock += 16);
  act(() => pending.forEach((callback) => callback(frameTime)));
}

beforeEach(() => {
  frames = [];
  ctx = createRecordingContext();
  layerCtx = createRecordingContext();
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
  vi.stubGlobal('cancelAnimationFrame', () => {});
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
    return (this.isConnected ? ctx : layerCtx) as never;
  });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const runs = [{ key: 'a', color: 0, hidden: false }, { key: 'b', color: 1, hidden: true }];

/** Calls of `name` made with the line's colour of run a (palette 0), not its casing. */
function onLine(context: ReturnType<typeof createRecordingContext>, name: string) {
  return context.named(name).filter((c) => c.strokeStyle === '#0072B2');
}

describe('TrajectoryCanvas', () => {
  it('repaints on the next frame when a chunk arrives, without rendering React again', () => {
    const store = createTrajectoryStore();
    store.reset(['a', 'b']);
    let renders = 0;
    const { container } = render(
      <Profiler id="canvas" onRender={() => renders++}>
        <TrajectoryCanvas width={200} height={100} view={view} runs={runs} upTo={Infinity} store={store} />
      </Profiler>,
    );
    const canvas = container.querySelector('canvas')!;
    expect(canvas.getAttribute('aria-hidden')).toBe('true');
    flushFrames();
    const rendersAfterMount = renders;
    const clearsBefore = ctx.count('clearRect');

    store.append('a', new Float64Array([0, 0, 0, 1, 1, 2]));
    store.append('a', new Float64Array([2, 1, 5]));
    store.append('b', new Float64Array([3, 3, 18, 4, 4, 32]));
    // Three chunks, one frame, one paint.
    expect(frames.length).toBe(1);
    flushFrames();
    expect(ctx.count('clearRect')).toBe(clearsBefore + 1);
    expect(renders).toBe(rendersAfterMount);
    // Run a is drawn (start ring + head); hidden run b is not.
    expect(ctx.named('arc').map((c) => c.args.slice(0, 2))).toEqual([[100, 50], [120, 40]]);
  });

  it('while runs stream, strokes only the new part of each path on its layer; the completing paint strokes every path', () => {
    const store = createTrajectoryStore();
    store.reset(['a']);
    render(<TrajectoryCanvas width={200} height={100} view={view} runs={runs} upTo={Infinity} store={store} />);
    flushFrames();
    // A zig-zag across the view, 10 points a chunk: every point is a vertex.
    const chunk = (from: number) => {
      const points: number[] = [];
      for (let k = from; k < from + 10; k++) points.push(-9 + k * 0.3, k % 2 ? 2 : -2, 1);
      return new Float64Array(points);
    };
    const clears = layerCtx.count('clearRect');
    const copies = ctx.count('drawImage');
    // The first paint of a stream strokes on the page's canvas (a slider step's runs often
    // arrive in two messages: a fresh layer would cost its whole raster at once).
    store.append('a', chunk(0));
    flushFrames();
    expect(layerCtx.calls).toHaveLength(0);
    expect(onLine(ctx, 'lineTo')).toHaveLength(9);
    // The second is the layer's first: cleared, the whole path (casing + line) stroked.
    store.append('a', chunk(10));
    flushFrames();
    const lineTos = () => layerCtx.count('lineTo');
    expect(layerCtx.count('clearRect')).toBe(clears + 1);
    expect(lineTos()).toBe(2 * 19);
    expect(ctx.count('drawImage')).toBe(copies + 1);
    expect(onLine(ctx, 'lineTo')).toHaveLength(9);

    const layerCallsBefore = layerCtx.calls.length;
    store.append('a', chunk(20));
    flushFrames();
    // Only the ten new segments, from the last vertex the layer held: the casing under what is
    // there (its round cap would otherwise cover the line's old end), the line over it.
    expect(layerCtx.count('clearRect')).toBe(clears + 1);
    expect(lineTos() - 2 * 19).toBe(2 * 10);
    const added = layerCtx.calls.slice(layerCallsBefore).filter((c) => c.name === 'moveTo');
    const joint = [(-9 + 19 * 0.3 + 10) * 10, 30];
    expect(added.map((c) => [c.args, c.globalCompositeOperation])).toEqual([[joint, 'destination-over'], [joint, 'source-over']]);
    expect(ctx.count('drawImage')).toBe(copies + 2);
    // Copied pixel for pixel: at the identity transform, to the canvas's corner.
    const names = ctx.calls.map((c) => c.name);
    const copy = names.lastIndexOf('drawImage');
    expect(ctx.calls[copy].args.slice(1)).toEqual([0, 0]);
    expect(ctx.calls[names.lastIndexOf('setTransform', copy)].args).toEqual([1, 0, 0, 1, 0, 0]);
    // The heads are drawn on the page's canvas every paint, over the layer: the new head only.
    expect(ctx.named('arc').slice(-1)[0].args.slice(0, 2)).toEqual([(-9 + 29 * 0.3 + 10) * 10, 30]);

    // The last chunk completes the run: every path is stroked on the page's canvas, the layer is left alone.
    const layerCalls = layerCtx.calls.length;
    const linesBefore = onLine(ctx, 'lineTo').length;
    store.append('a', chunk(30));
    store.finish('a', 'budget', 39, '');
    flushFrames();
    expect(layerCtx.calls.length).toBe(layerCalls);
    expect(onLine(ctx, 'lineTo').length - linesBefore).toBe(39);
  });

  it('follows a gesture\'s live view: moves the picture until the paths are made for it, then paints them', () => {
    const store = createTrajectoryStore();
    store.reset(['a']);
    store.append('a', new Float64Array([0, 0, 0, 1, 1, 2]));
    store.finish('a', 'budget', 1, '');
    const live = createLiveView();
    const { container } = render(<TrajectoryCanvas width={200} height={100} view={view} live={live} runs={runs} upTo={Infinity} store={store} />);
    const canvas = container.querySelector('canvas')!;
    flushFrames();
    const paints = ctx.count('clearRect');
    // Zoomed in by 2 about the centre, mid-gesture: the picture is moved, not painted.
    const zoomed: ViewBox = { x: [-5, 5], y: [-2.5, 2.5] };
    act(() => live.set({ view: zoomed, pathsMade: null }));
    flushFrames();
    flushFrames();
    expect(ctx.count('clearRect')).toBe(paints);
    expect(canvas.style.transform).toBe('matrix(2, 0, 0, 2, -100, -50)');
    // Their pictures are due for this view: painted for it, unmoved.
    act(() => live.set({ view: zoomed, pathsMade: zoomed }));
    // In the frame after the step's (useCanvasPaint).
    flushFrames();
    flushFrames();
    expect(ctx.count('clearRect')).toBe(paints + 1);
    expect(canvas.style.transform).toBe('');
    // The head at (1, 1), where the zoomed view puts it (it was at (110, 40)).
    expect(ctx.named('arc')[ctx.named('arc').length - 1].args.slice(0, 2)).toEqual([120, 30]);
  });

  it('asks for no frame when re-rendered with the same props', () => {
    const store = createTrajectoryStore();
    store.reset(['a']);
    const element = <TrajectoryCanvas width={200} height={100} view={view} runs={runs} upTo={Infinity} store={store} />;
    const { rerender } = render(element);
    flushFrames();
    rerender(<TrajectoryCanvas width={200} height={100} view={view} runs={runs} upTo={Infinity} store={store} />);
    expect(frames).toHaveLength(0);
    rerender(<TrajectoryCanvas width={200} height={100} view={view} runs={runs} upTo={3} store={store} />);
    expect(frames).toHaveLength(1);
  });

  it('sizes the backing store for the device pixel ratio', () => {
    vi.stubGlobal('devicePixelRatio', 2);
    const store = createTrajectoryStore();
    const { container } = render(<TrajectoryCanvas width={150} height={80} view={view} runs={[]} upTo={Infinity} store={store} />);
    flushFrames();
    const canvas = container.querySelector('canvas')!;
    expect([canvas.width, canvas.height]).toEqual([300, 160]);
    expect(canvas.style.width).toBe('150px');
    expect(ctx.named('setTransform')[0].args).toEqual([2, 0, 0, 2, 0, 0]);
  });
});

describe('LossChart', () => {
  it('reports the hovered step and clears it when the pointer leaves', () => {
    const store = createTrajectoryStore();
    store.reset(['a']);
    store.append('a', new Float64Array([0, 0, 4, 1, 0, 2, 2, 0, 1, 3, 0, 0.5]));
    const onHover = vi.fn();
    const { container } = render(
      <LossChart width={300} height={150} runs={runs} upTo={Infinity} steps={3} onHover={onHover} store={store} />,
    );
    flushFrames();
    const canvas = container.querySelector('canvas')!;
    // Plotting area: 54 px margin, 234 px wide, 3 steps: step 2 sits at 54 + 156 = 210.
    fireEvent.pointerMove(canvas, { clientX: 211, clientY: 50 });
    expect(onHover).toHaveBeenLastCalledWith(2);
    fireEvent.pointerLeave(canvas);
    expect(onHover).toHaveBeenLastCalledWith(null);
    expect(container.firstElementChild!.getAttribute('aria-label')).toBe('Loss f against step for 1 run');
  });
});
