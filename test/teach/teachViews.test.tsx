// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Profiler } from 'react';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { RunSpec } from '../../src/state/scene';
import { createTrajectoryStore } from '../../src/state/trajectories';
import { LossChart } from '../../src/plot/LossChart';
import { DataInset } from '../../src/teach/DataInset';
import { SchedulePlot, hasVaryingSchedule } from '../../src/teach/SchedulePlot';
import { SmoothingControls } from '../../src/teach/SmoothingControls';
import { defaultSmoothing, useTeachStore } from '../../src/teach/teachStore';
import { createRecordingContext } from '../plot/fakeContext';

let frames: FrameRequestCallback[] = [];
let frameClock = 0;
let ctx: ReturnType<typeof createRecordingContext>;

beforeEach(() => {
  frames = [];
  ctx = createRecordingContext();
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
  vi.stubGlobal('cancelAnimationFrame', () => {});
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => ctx as never);
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  useTeachStore.setState({ layout: 'single', smoothing: defaultSmoothing });
});

function flushFrames() {
  const pending = frames;
  frames = [];
  // Each frame its own timestamp, as in a browser: canvases share paint time per frame (useCanvasPaint).
  const frameTime = (frameClock += 16);
  act(() => pending.forEach((callback) => callback(frameTime)));
}

function spec(key: string, color: number, schedule: RunSpec['schedule'], hidden = false): RunSpec {
  return {
    key, label: key, color, hidden, optimizer: { id: 'gd', learningRate: 0.1 }, schedule, gradient: { kind: 'analytic' }, batchSize: 32,
  };
}

/** Colours of stroked paths whose colour is a run's. */
function strokedRunColors(colors: string[]): string[] {
  return ctx.named('stroke').map((c) => c.strokeStyle as string).filter((s) => colors.includes(s));
}

describe('DataInset', () => {
  const runs = [{ key: 'a', color: 0, hidden: false }, { key: 'b', color: 1, hidden: false }];

  it('draws nothing off the regression surfaces', () => {
    const { container } = render(<DataInset surfaceId="ellipse" runs={runs} step={3} />);
    expect(container.innerHTML).toBe('');
  });

  it('repaints the models when a chunk arrives, without rendering React again', () => {
    const store = createTrajectoryStore();
    store.reset(['a', 'b']);
    let renders = 0;
    render(
      <Profiler id="inset" onRender={() => renders++}>
        <DataInset surfaceId="linreg" runs={runs} step={Infinity} store={store} />
      </Profiler>,
    );
    flushFrames();
    const before = renders;
    expect(strokedRunColors(['#0072B2', '#D55E00'])).toEqual([]);
    store.append('a', new Float64Array([-1, 2, 9, 1, 0, 3]));
    store.append('b', new Float64Array([-1, 2, 9]));
    // Finished runs: the canvas hook holds back paints that only add points while runs still stream.
    store.finish('a', 'budget', 1, '');
    store.finish('b', 'budget', 0, '');
    flushFrames();
    expect(renders).toBe(before);
    expect(strokedRunColors(['#0072B2', '#D55E00'])).toEqual(['#0072B2', '#D55E00']);
    expect(screen.getByTestId('data-inset').textContent).toMatch(/line y = w·x \+ b.*last step/);
  });

  it('names the step it shows, and follows the loss chart’s hover', () => {
    const { rerender } = render(<DataInset surfaceId="logreg" runs={runs} step={12} />);
    expect(screen.getByTestId('data-inset').textContent).toMatch(/sigmoid.*at step 12/);
    rerender(<DataInset surfaceId="logreg" runs={runs} step={12} hoverStep={4} />);
    expect(screen.getByTestId('data-inset').textContent).toMatch(/at step 4/);
    expect(screen.getByRole('img').getAttribute('aria-label')).toMatch(/256 samples/);
  });
});

describe('SchedulePlot', () => {
  it('draws one line per visible run with a learning rate, constants flat, and a marker at the step', () => {
    const runs = [
      spec('flat', 0, { kind: 'constant' }),
      spec('decay', 1, { kind: 'exponential', gamma: 0.95 }),
      spec('hidden', 2, { kind: 'inverse-sqrt' }, true),
    ];
    const { container } = render(<SchedulePlot runs={runs} steps={50} isData={false} step={10} />);
    const lines = screen.getAllByTestId('schedule-line');
    expect(lines.map((l) => l.getAttribute('stroke'))).toEqual(['#0072B2', '#D55E00']);
    const marker = screen.getByTestId('schedule-marker');
    expect(marker.querySelectorAll('circle')).toHaveLength(2);
    expect(container.querySelector('svg')?.getAttribute('aria-label')).toBe('Learning rate η against step for 2 runs');
  });

  it('stays out of the way while every schedule is constant, unless asked', () => {
    const runs = [spec('a', 0, { kind: 'constant' }), spec('b', 1, { kind: 'constant' })];
    expect(hasVaryingSchedule(runs)).toBe(false);
    const { container, rerender } = render(<SchedulePlot runs={runs} steps={50} isData={false} />);
    expect(container.innerHTML).toBe('');
    rerender(<SchedulePlot runs={runs} steps={50} isData={false} showConstant />);
    expect(screen.getAllByTestId('schedule-line')).toHaveLength(2);
    expect(hasVaryingSchedule([spec('w', 0, { kind: 'constant', warmup: 5 })])).toBe(true);
  });

  it('notes a log scale when the rate falls by decades', () => {
    render(<SchedulePlot runs={[spec('a', 0, { kind: 'exponential', gamma: 0.8 })]} steps={100} isData={false} />);
    expect(screen.getByTestId('schedule-plot').textContent).toMatch(/log scale/);
  });
});

describe('SmoothingControls and the teaching store', () => {
  it('turns smoothing on, sets β with the window it averages, and toggles bias correction', () => {
    render(<SmoothingControls />);
    const beta = screen.getByTestId('smoothing-beta') as HTMLInputElement;
    expect(beta.disabled).toBe(true);
    fireEvent.click(screen.getByTestId('smoothing-on'));
    expect(useTeachStore.getState().smoothing.on).toBe(true);
    expect(beta.disabled).toBe(false);
    expect(screen.getByTestId('smoothing-controls').textContent).toMatch(/≈ last 10 steps/);
    fireEvent.change(beta, { target: { value: '0.5' } });
    expect(useTeachStore.getState().smoothing.beta).toBe(0.5);
    expect(screen.getByTestId('smoothing-controls').textContent).toMatch(/≈ last 2 steps/);
    fireEvent.click(screen.getByTestId('smoothing-bias'));
    expect(useTeachStore.getState().smoothing.biasCorrection).toBe(false);
  });

  it('clamps β to [0, 0.99] and ignores a non-number', () => {
    const { setSmoothing } = useTeachStore.getState();
    setSmoothing({ beta: 1.5 });
    expect(useTeachStore.getState().smoothing.beta).toBe(0.99);
    setSmoothing({ beta: -1 });
    expect(useTeachStore.getState().smoothing.beta).toBe(0);
    setSmoothing({ beta: NaN });
    expect(useTeachStore.getState().smoothing.beta).toBe(0);
  });
});

describe('LossChart smoothing', () => {
  it('repaints with the smoothed curve when smoothing is passed, and not for an equal object', () => {
    const store = createTrajectoryStore();
    store.reset(['a']);
    store.append('a', new Float64Array([0, 0, 10, 0, 0, 4, 0, 0, 6, 0, 0, 2, 0, 0, 3]));
    const runs = [{ key: 'a', color: 0, hidden: false }];
    const { rerender } = render(<LossChart width={300} runs={runs} upTo={Infinity} store={store} />);
    flushFrames();
    expect(strokedRunColors(['#0072B2'])).toHaveLength(1);
    const clears = ctx.count('clearRect');
    rerender(<LossChart width={300} runs={runs} upTo={Infinity} store={store} smoothing={{ beta: 0.9, biasCorrection: true }} />);
    flushFrames();
    expect(ctx.count('clearRect')).toBe(clears + 1);
    expect(ctx.named('stroke').map((c) => c.strokeStyle).slice(-2)).toEqual(['rgba(0, 114, 178, 0.3)', '#0072B2']);
    rerender(<LossChart width={300} runs={runs} upTo={Infinity} store={store} smoothing={{ beta: 0.9, biasCorrection: true }} />);
    flushFrames();
    expect(ctx.count('clearRect')).toBe(clears + 1);
  });
});
