// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useRef } from 'react';
import { act, cleanup, render } from '@testing-library/react';
import { createTrajectoryStore, type TrajectoryStore } from '../../src/state/trajectories';
import { useCanvasPaint, type CanvasPainter } from '../../src/plot/useCanvasPaint';
import { createRecordingContext } from './fakeContext';

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

function Canvas({ store, painter, onPaint }: { store: TrajectoryStore; painter: CanvasPainter; onPaint?: (complete: boolean) => void }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useCanvasPaint(ref, store, 100, 50, painter, onPaint);
  return <canvas ref={ref} />;
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
    render(<Canvas store={store} painter={painter} />);
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
    render(<Canvas store={store} painter={painter} />);
    flushFrames();
    for (let k = 0; k < 5; k++) {
      store.append('a', new Float64Array([k, k, k]));
      clock += 16;
      flushFrames();
    }
    expect(painter).toHaveBeenCalledTimes(6);
  });

  it('holds streamed points back until an expensive paint has used no more than a quarter of the time', () => {
    const store = createTrajectoryStore();
    store.reset(['a']);
    const painter = slowPainter(20);
    render(<Canvas store={store} painter={painter} />);
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
    const paths = slowPainter(12);
    const loss = slowPainter(3);
    // Neither canvas is watched (no onPaint), so every paint, the final one too, comes in an animation frame.
    render(
      <>
        <Canvas store={store} painter={paths} />
        <Canvas store={store} painter={loss} />
      </>,
    );
    flushFrames(); // first paints: new painters, never deferred
    expect([paths.mock.calls.length, loss.mock.calls.length]).toEqual([1, 1]);
    // A stream begins: the paths use 12 ms of the frame, so the loss chart waits a frame.
    store.append('a', new Float64Array([0, 0, 0]));
    clock += 100;
    flushFrames();
    expect([paths.mock.calls.length, loss.mock.calls.length]).toEqual([2, 1]);
    clock += 16;
    flushFrames(); // nothing new for the paths; the loss chart paints now
    expect([paths.mock.calls.length, loss.mock.calls.length]).toEqual([2, 2]);
    // The generation's last chunk: the paths spend 12 ms of the frame, and the loss chart still paints in it.
    store.append('a', new Float64Array([1, 1, 1]));
    clock += 100;
    act(() => store.finish('a', 'budget', 1, 'ran all steps'));
    flushFrames();
    expect([paths.mock.calls.length, loss.mock.calls.length]).toEqual([3, 3]);
  });
});
