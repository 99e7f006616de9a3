// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useRef } from 'react';
import { act, cleanup, render } from '@testing-library/react';
import { createTrajectoryStore, type TrajectoryStore } from '../../src/state/trajectories';
import { resetFrameSpend, useCanvasPaint, type CanvasPainter } from '../../src/plot/useCanvasPaint';
import { createRecordingContext } from './fakeContext';
import { fakeScreen } from './fakeScreen';
import type { ViewBox } from '../../src/core/types';

let frames: FrameRequestCallback[] = [];
let clock = 1000;

/** One animation frame: every callback gets the frame's timestamp, as in a browser. */
function flushFrames() {
  const pending = frames;
  frames = [];
  const frameTime = clock;
  act(() => pending.forEach((callback) => callback(frameTime)));
}

beforeEach(() => {
  frames = [];
  clock = 1000;
  resetFrameSpend();
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
  vi.stubGlobal('cancelAnimationFrame', () => {});
  vi.spyOn(performance, 'now').mockImplementation(() => clock);
  const ctx = createRecordingContext();
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => ctx as never);
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function Canvas({ store, painter, onPaint, view, hold }: {
  store: TrajectoryStore; painter: CanvasPainter; onPaint?: (complete: boolean) => void; view?: ViewBox; hold?: boolean;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useCanvasPaint(ref, store, 100, 50, painter, onPaint, view, hold);
  return <canvas ref={ref} data-testid="canvas" />;
}

/** A painter that takes `ms` of the fake clock. */
function slowPainter(ms: number) {
  return vi.fn<CanvasPainter>(() => {
    clock += ms;
  });
}

describe('useCanvasPaint', () => {
  it('keeps the old picture after new runs are asked for, until their first data or 150 ms', () => {
    const store = createTrajectoryStore();
    store.reset(['a']);
    store.append('a', new Float64Array([0, 0, 1]));
    store.finish('a', 'budget', 0, '');
    const painter = slowPainter(1);
    render(<Canvas store={store} painter={painter} onPaint={() => {}} />);
    flushFrames();
    expect(painter).toHaveBeenCalledTimes(1);
    // A slider step: new runs, nothing computed yet. No empty frame.
    store.reset(['a']);
    for (let k = 0; k < 3; k++) {
      clock += 16;
      flushFrames();
    }
    expect(painter).toHaveBeenCalledTimes(1);
    store.append('a', new Float64Array([1, 1, 2]));
    clock += 16;
    flushFrames();
    expect(painter).toHaveBeenCalledTimes(2);
    // A worker that takes long: after 150 ms the (empty) new state is shown anyway.
    store.reset(['a']);
    clock += 100;
    flushFrames();
    expect(painter).toHaveBeenCalledTimes(2);
    clock += 60;
    flushFrames();
    expect(painter).toHaveBeenCalledTimes(3);
  });

  it('paints streamed points every frame while a paint is cheap', () => {
    const store = createTrajectoryStore();
    store.reset(['a']);
    const painter = slowPainter(2);
    render(<Canvas store={store} painter={painter} onPaint={() => {}} />);
    flushFrames();
    for (let k = 0; k < 5; k++) {
      store.append('a', new Float64Array([k, k, k]));
      clock += 16;
      flushFrames();
    }
    expect(painter).toHaveBeenCalledTimes(6);
  });

  it('lets a canvas no measure waits on (the loss chart) add streamed points ten times a second, and end at once', () => {
    const store = createTrajectoryStore();
    store.reset(['a']);
    const painter = slowPainter(2);
    render(<Canvas store={store} painter={painter} />);
    flushFrames();
    // Twelve frames of streamed points, 16 ms apart: painted once, ~112 ms after the last paint.
    for (let k = 0; k < 12; k++) {
      store.append('a', new Float64Array([k, k, k]));
      clock += 16;
      flushFrames();
    }
    expect(painter).toHaveBeenCalledTimes(2);
    // The generation's last chunk: painted in the next frame, held back by nothing.
    store.append('a', new Float64Array([12, 12, 12]));
    store.finish('a', 'budget', 12, '');
    clock += 16;
    flushFrames();
    expect(painter).toHaveBeenCalledTimes(3);
  });

  it('holds streamed points back until an expensive paint has used no more than a quarter of the time', () => {
    const store = createTrajectoryStore();
    store.reset(['a']);
    const painter = slowPainter(20);
    render(<Canvas store={store} painter={painter} onPaint={() => {}} />);
    flushFrames(); // painted from 1000 to 1020: the next paint of new points waits until 1080
    expect(painter).toHaveBeenCalledTimes(1);
    store.append('a', new Float64Array([0, 0, 0]));
    clock = 1036;
    flushFrames();
    expect(painter).toHaveBeenCalledTimes(1);
    // The held-back paint keeps asking for frames, so nothing is lost.
    expect(frames).toHaveLength(1);
    clock = 1080;
    flushFrames();
    expect(painter).toHaveBeenCalledTimes(2);
  });

  it('paints the chunk that completes a generation at once on a watched canvas, on the next frame otherwise', () => {
    const store = createTrajectoryStore();
    store.reset(['a']);
    const watched = slowPainter(20);
    const other = slowPainter(20);
    const onPaint = vi.fn();
    render(
      <>
        <Canvas store={store} painter={watched} onPaint={onPaint} />
        <Canvas store={store} painter={other} />
      </>,
    );
    flushFrames();
    flushFrames(); // the other canvas's first paint lets the watched one's frame go by
    store.append('a', new Float64Array([0, 0, 0, 1, 1, 1]));
    act(() => store.finish('a', 'budget', 2, 'ran all steps'));
    // Within the throttle window, yet painted at once: the final paths are never held back.
    expect(watched).toHaveBeenCalledTimes(2);
    expect(onPaint).toHaveBeenLastCalledWith(true);
    expect(other).toHaveBeenCalledTimes(1);
    flushFrames();
    expect(other).toHaveBeenCalledTimes(2);
  });

  it('defers a paint of streamed points to the next frame once this frame spent 10 ms painting, never a final one', () => {
    const store = createTrajectoryStore();
    store.reset(['a']);
    const first = slowPainter(12);
    const second = slowPainter(12);
    // Neither canvas is watched (no onPaint), so every paint, the final one too, comes in an animation frame.
    render(
      <>
        <Canvas store={store} painter={first} />
        <Canvas store={store} painter={second} />
      </>,
    );
    flushFrames(); // first paints: the second lets a busy frame go by (below)
    flushFrames();
    expect([first.mock.calls.length, second.mock.calls.length]).toEqual([1, 1]);
    resetFrameSpend();
    // A stream begins: the first canvas uses 12 ms of the frame, so the second waits a frame.
    store.append('a', new Float64Array([0, 0, 0]));
    clock += 100;
    flushFrames();
    expect([first.mock.calls.length, second.mock.calls.length]).toEqual([2, 1]);
    clock += 16;
    flushFrames(); // nothing new for the first; the second paints now
    expect([first.mock.calls.length, second.mock.calls.length]).toEqual([2, 2]);
  });

  it('lets the loss chart paint a frame after the paths once they took 4 ms of it, whatever its paint', () => {
    const store = createTrajectoryStore();
    store.reset(['a']);
    store.append('a', new Float64Array([0, 0, 0]));
    // Still streaming: the paths paint in animation frames too.
    const loss = slowPainter(30);
    const Both = ({ paths }: { paths: CanvasPainter }) => (
      <>
        <Canvas store={store} painter={paths} onPaint={() => {}} />
        <Canvas store={store} painter={loss} />
      </>
    );
    render(<Both paths={slowPainter(5)} />);
    flushFrames();
    // The paths' first paint (5 ms) came first: the loss chart's, however new, waits.
    expect(loss).toHaveBeenCalledTimes(0);
    clock += 16;
    flushFrames();
    expect(loss).toHaveBeenCalledTimes(1);
  });

  describe('a canvas drawn for a view (zoom and pan)', () => {
    const before: ViewBox = { x: [0, 10], y: [0, 5] };
    // Zoomed in twice about the middle: (2.5, 1.25) of the old view is now the top-left corner… of y's bottom.
    const zoomed: ViewBox = { x: [2.5, 7.5], y: [1.25, 3.75] };

    /** A canvas for `before`, painted once; `step` moves its view by input `late` ms into a new frame and returns that frame's start. */
    function paintedAt(store: TrajectoryStore, painter: CanvasPainter) {
      const mounted = render(<Canvas store={store} painter={painter} onPaint={() => {}} view={before} />);
      flushFrames();
      const step = (view: ViewBox, late = 2) => {
        const frameStart = clock + 16;
        clock = frameStart + late;
        mounted.rerender(<Canvas store={store} painter={painter} onPaint={() => {}} view={view} />);
        return frameStart;
      };
      /** That frame's animation callbacks, at its start time (as a browser passes them). */
      const runFrame = (frameStart: number) => act(() => frames.splice(0).forEach((callback) => callback(frameStart)));
      return { ...mounted, step, runFrame };
    }

    function finished() {
      const store = createTrajectoryStore();
      store.reset(['a']);
      store.append('a', new Float64Array([0, 0, 0, 1, 1, 1]));
      store.finish('a', 'budget', 1, 'ran all steps');
      return store;
    }

    it('moves the last picture at once and repaints in the next frame when a step moved the view within a frame', () => {
      const store = finished();
      const painter = vi.fn<CanvasPainter>();
      const { rerender, getByTestId } = render(<Canvas store={store} painter={painter} onPaint={() => {}} view={before} />);
      flushFrames();
      expect(painter).toHaveBeenCalledTimes(1);
      expect(painter.mock.calls[0][2]).toEqual(before);
      // A wheel handled inside a frame: the frame began at `frameStart`, the input came 2 ms later.
      const frameStart = clock + 16;
      clock = frameStart + 2;
      rerender(<Canvas store={store} painter={painter} onPaint={() => {}} view={zoomed} />);
      const canvas = getByTestId('canvas');
      // Pixels drawn for `before` are scaled twice and moved so (2.5, 3.75) lands on the corner.
      expect(canvas.style.transform).toBe('matrix(2, 0, 0, 2, -50, -25)');
      expect(painter).toHaveBeenCalledTimes(1);
      // That frame's animation callbacks: not painted in the frame that handled the input…
      act(() => frames.splice(0).forEach((callback) => callback(frameStart)));
      expect(painter).toHaveBeenCalledTimes(1);
      // …but in the next one, for the new view, and the picture stands where it was painted.
      clock = frameStart + 16.7;
      flushFrames();
      expect(painter).toHaveBeenCalledTimes(2);
      expect(painter.mock.calls[1][2]).toEqual(zoomed);
      expect(canvas.style.transform).toBe('');
    });

    it('drops the move when the view comes back to the painted one before the repaint', () => {
      const painter = vi.fn<CanvasPainter>();
      const { step, runFrame, getByTestId } = paintedAt(finished(), painter);
      runFrame(step(zoomed));
      expect(getByTestId('canvas').style.transform).not.toBe('');
      // The next frame's input zooms back out to exactly the painted view: the picture is right as it stands.
      step({ ...before });
      expect(getByTestId('canvas').style.transform).toBe('');
      clock += 16;
      flushFrames();
      flushFrames();
      expect(painter).toHaveBeenCalledTimes(1);
      expect(getByTestId('canvas').style.transform).toBe('');
    });

    it('paints in the first frame after a view change made outside a frame (a button)', () => {
      const store = finished();
      const painter = vi.fn<CanvasPainter>();
      const { rerender } = render(<Canvas store={store} painter={painter} onPaint={() => {}} view={before} />);
      flushFrames();
      rerender(<Canvas store={store} painter={painter} onPaint={() => {}} view={zoomed} />);
      clock += 5;
      flushFrames();
      expect(painter).toHaveBeenCalledTimes(2);
    });

    it('under input in every frame, paints every other frame', () => {
      const painter = vi.fn<CanvasPainter>();
      const { step, runFrame } = paintedAt(finished(), painter);
      for (let k = 1; k <= 6; k++) runFrame(step({ x: [k, 10 + k], y: [0, 5] }, 1));
      expect(painter).toHaveBeenCalledTimes(1 + 3);
    });

    it('while held (mid-gesture), only moves the picture; repaints once released', () => {
      const store = finished();
      const painter = vi.fn<CanvasPainter>();
      const { rerender, getByTestId } = render(<Canvas store={store} painter={painter} onPaint={() => {}} view={before} />);
      flushFrames();
      for (let k = 0; k < 4; k++) {
        clock += 16.7;
        rerender(<Canvas store={store} painter={painter} onPaint={() => {}} view={zoomed} hold />);
        flushFrames();
      }
      expect(painter).toHaveBeenCalledTimes(1);
      expect(getByTestId('canvas').style.transform).toBe('matrix(2, 0, 0, 2, -50, -25)');
      // Moved mid-gesture: sampled nearest-neighbour meanwhile (plot.css).
      expect(getByTestId('canvas').classList.contains('is-moving')).toBe(true);
      // New pictures are due for this view: painted in the next frame, and the move is dropped.
      rerender(<Canvas store={store} painter={painter} onPaint={() => {}} view={zoomed} hold={false} />);
      clock += 16.7;
      flushFrames();
      expect(painter).toHaveBeenCalledTimes(2);
      expect(painter.mock.calls[1][2]).toEqual(zoomed);
      expect(getByTestId('canvas').style.transform).toBe('');
      expect(getByTestId('canvas').classList.contains('is-moving')).toBe(false);
    });

    it('keeps smooth sampling for a move outside a gesture (a button\'s step)', () => {
      const store = finished();
      const painter = vi.fn<CanvasPainter>();
      const { rerender, getByTestId } = render(<Canvas store={store} painter={painter} onPaint={() => {}} view={before} />);
      flushFrames();
      rerender(<Canvas store={store} painter={painter} onPaint={() => {}} view={zoomed} />);
      expect(getByTestId('canvas').style.transform).not.toBe('');
      expect(getByTestId('canvas').classList.contains('is-moving')).toBe(false);
    });

    it('repaints for a release even when the next step holds again before the frame (a trackpad)', () => {
      const store = finished();
      const painter = vi.fn<CanvasPainter>();
      const { rerender } = render(<Canvas store={store} painter={painter} onPaint={() => {}} view={before} />);
      flushFrames();
      const further: ViewBox = { x: [3, 7], y: [1.5, 3.5] };
      // New pictures due for `zoomed` (rendered without hold), then the next step moves on, held again.
      rerender(<Canvas store={store} painter={painter} onPaint={() => {}} view={zoomed} hold={false} />);
      rerender(<Canvas store={store} painter={painter} onPaint={() => {}} view={further} hold />);
      clock += 16.7;
      flushFrames();
      expect(painter).toHaveBeenCalledTimes(2);
      expect(painter.mock.calls[1][2]).toEqual(further);
      // Held steps after that paint only move it.
      rerender(<Canvas store={store} painter={painter} onPaint={() => {}} view={zoomed} hold />);
      clock += 16.7;
      flushFrames();
      flushFrames();
      expect(painter).toHaveBeenCalledTimes(2);
    });

    it('paints new data at once, with the view it has now', () => {
      const store = finished();
      const painter = vi.fn<CanvasPainter>();
      const { step, runFrame, getByTestId } = paintedAt(store, painter);
      const frameStart = step(zoomed);
      // New runs' data in the same frame: the moved picture would be wrong, so the paint is not held back.
      store.reset(['a']);
      store.append('a', new Float64Array([5, 5, 5]));
      runFrame(frameStart);
      expect(painter).toHaveBeenCalledTimes(2);
      expect(painter.mock.calls[1][2]).toEqual(zoomed);
      expect(getByTestId('canvas').style.transform).toBe('');
    });
  });

  it('repaints at the new pixel ratio when the window moves to another screen', () => {
    const screen = fakeScreen(1);
    const store = createTrajectoryStore();
    store.reset(['a']);
    store.append('a', new Float64Array([0, 0, 0]));
    store.finish('a', 'budget', 0, '');
    const painter = vi.fn<CanvasPainter>();
    const { getByTestId } = render(<Canvas store={store} painter={painter} />);
    flushFrames();
    expect(painter).toHaveBeenCalledTimes(1);
    expect((getByTestId('canvas') as HTMLCanvasElement).width).toBe(100);
    // The query that watches 1 dppx fires as the window lands on a 2× screen.
    expect(screen.moveTo(2)).toBeGreaterThan(0);
    flushFrames();
    expect(painter).toHaveBeenCalledTimes(2);
    expect((getByTestId('canvas') as HTMLCanvasElement).width).toBe(200);
    // Re-armed for the new ratio, so a move back is seen too.
    expect(screen.watching(2)).toBe(true);
  });
});
