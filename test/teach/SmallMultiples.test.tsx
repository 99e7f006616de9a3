// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ViewBox } from '../../src/core/types';
import type { RunSpec } from '../../src/state/scene';
import { createTrajectoryStore } from '../../src/state/trajectories';
import { plotInnerSize } from '../../src/plot/scales';
import { SmallMultiples, type SmallMultiplesProps } from '../../src/teach/SmallMultiples';
import { createContourSet } from '../../src/plot/contours';
import { multiplesLayout } from '../../src/teach/multiplesLayout';
import { LayoutToggle } from '../../src/teach/LayoutToggle';
import { useTeachStore } from '../../src/teach/teachStore';
import { createRecordingContext } from '../plot/fakeContext';

const view: ViewBox = { x: [-4, 4], y: [-3, 3] };
const nx = 24;
const ny = 20;
const grid = new Float64Array(nx * ny);
for (let j = 0; j < ny; j++) {
  for (let i = 0; i < nx; i++) {
    const x = view.x[0] + (i * 8) / (nx - 1);
    const y = view.y[0] + (j * 6) / (ny - 1);
    grid[j * nx + i] = x * x + 4 * y * y;
  }
}

function spec(key: string, color: number, hidden = false): RunSpec {
  return {
    key, label: `Run ${key}`, color, hidden, optimizer: { id: 'gd', learningRate: 0.1 },
    schedule: { kind: 'constant' }, gradient: { kind: 'analytic' }, batchSize: 256,
  };
}

let frames: FrameRequestCallback[] = [];
let frameClock = 0;
let contexts: Array<ReturnType<typeof createRecordingContext>> = [];

beforeEach(() => {
  frames = [];
  contexts = [];
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
  vi.stubGlobal('cancelAnimationFrame', () => {});
  // One recording context per canvas, so each panel's paint can be checked on its own.
  const byCanvas = new WeakMap<HTMLCanvasElement, ReturnType<typeof createRecordingContext>>();
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
    // Only the paths' canvases: the bands' canvases are painted by paintBands, tested on its own.
    if (this.dataset.testid !== 'trajectory-canvas') return null;
    let ctx = byCanvas.get(this);
    if (!ctx) {
      ctx = createRecordingContext();
      byCanvas.set(this, ctx);
      contexts.push(ctx);
    }
    return ctx as never;
  });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  useTeachStore.setState({ layout: 'single' });
});

function flushFrames() {
  const pending = frames;
  frames = [];
  // Each frame its own timestamp, as in a browser: canvases share paint time per frame (useCanvasPaint).
  const frameTime = (frameClock += 16);
  act(() => pending.forEach((callback) => callback(frameTime)));
}

function renderMultiples(runs: RunSpec[], overrides: Partial<SmallMultiplesProps> = {}) {
  const store = createTrajectoryStore();
  store.reset(runs.map((r) => r.key));
  runs.forEach((r, k) => store.append(r.key, new Float64Array([-3, 2, 25, -2 + k * 0.1, 1, 8, -1, 0.5, 2])));
  const onPick = vi.fn<(x: number, y: number) => void>();
  const props: SmallMultiplesProps = {
    width: 900, runs, contours: createContourSet(grid, nx, ny), view, displayView: view, criticalPoints: [],
    upTo: Infinity, onPick, start: [-3, 2], store, ...overrides,
  };
  return { onPick, store, ...render(<SmallMultiples {...props} />) };
}

describe('SmallMultiples', () => {
  it('renders one labelled panel per visible run, hidden runs left out', () => {
    const runs = [spec('a', 0), spec('b', 1), spec('c', 2, true), spec('d', 3), spec('e', 4)];
    const { container } = renderMultiples(runs);
    const panels = screen.getAllByTestId('small-multiple');
    expect(panels).toHaveLength(4);
    expect(panels.map((p) => p.querySelector('figcaption')?.textContent)).toEqual(['Run a', 'Run b', 'Run d', 'Run e']);
    expect(screen.getByTestId('small-multiples').getAttribute('data-columns')).toBe('2');
    expect(container.querySelectorAll('[data-testid="contour-plot"]')).toHaveLength(4);
    // Every panel contours the same shared grid.
    const bandCounts = [...container.querySelectorAll('[data-testid="contour-bands"]')].map((canvas) => Number(canvas.getAttribute('data-bands')));
    expect(bandCounts).toHaveLength(4);
    expect(new Set(bandCounts).size).toBe(1);
    expect(bandCounts[0]).toBeGreaterThan(3);
  });

  it('shows the zoom buttons once, on the first panel: the panels share one view', () => {
    renderMultiples([spec('a', 0), spec('b', 1), spec('c', 2)], { onResetView: () => {} });
    const panels = screen.getAllByTestId('small-multiple');
    expect(panels.map((panel) => panel.querySelectorAll('.plot-button').length)).toEqual([3, 0, 0]);
  });

  it('sizes each panel from the layout and names it after its run', () => {
    renderMultiples([spec('a', 0), spec('b', 1)]);
    const layout = multiplesLayout(2, 900);
    const svgs = screen.getAllByTestId('contour-plot');
    expect(svgs).toHaveLength(2);
    for (const svg of svgs) {
      expect(svg.getAttribute('width')).toBe(String(layout.panelWidth));
      expect(svg.getAttribute('height')).toBe(String(layout.panelHeight));
    }
    expect(svgs[1].getAttribute('aria-label')).toMatch(/^Run b: contour plot of the loss surface: x from −4 to 4/);
  });

  it('paints only its own run on each panel’s canvas, up to the shared step', () => {
    renderMultiples([spec('a', 0), spec('b', 1), spec('c', 2)], { upTo: 1 });
    flushFrames();
    expect(contexts).toHaveLength(3);
    const colors = ['#0072B2', '#D55E00', '#009E73'];
    contexts.forEach((ctx, k) => {
      const styles = new Set(ctx.named('stroke').map((c) => c.strokeStyle).filter((s) => colors.includes(s as string)));
      expect([...styles]).toEqual([colors[k]]);
      // upTo = 1: the start and one step, a single segment.
      const line = ctx.named('stroke').find((c) => c.strokeStyle === colors[k])!;
      const calls = ctx.calls.slice(0, ctx.calls.indexOf(line));
      const lastBegin = calls.map((c) => c.name).lastIndexOf('beginPath');
      expect(calls.slice(lastBegin).filter((c) => c.name === 'lineTo')).toHaveLength(1);
    });
  });

  it('moves the start for every run when any panel is clicked', () => {
    const { onPick, container } = renderMultiples([spec('a', 0), spec('b', 1)]);
    const hits = container.querySelectorAll('.plot-hit');
    expect(hits).toHaveLength(2);
    const inner = plotInnerSize(multiplesLayout(2, 900).panelWidth, multiplesLayout(2, 900).panelHeight);
    vi.spyOn(hits[1], 'getBoundingClientRect').mockReturnValue({
      left: 0, top: 0, width: inner.width, height: inner.height, right: inner.width, bottom: inner.height, x: 0, y: 0, toJSON: () => ({}),
    });
    fireEvent.click(hits[1], { clientX: inner.width / 2, clientY: inner.height / 2 });
    expect(onPick).toHaveBeenCalledTimes(1);
    const [x, y] = onPick.mock.calls[0];
    expect(x).toBeCloseTo(0, 6);
    expect(y).toBeCloseTo(0, 6);
  });

  it('says so when every run is hidden', () => {
    renderMultiples([spec('a', 0, true)]);
    expect(screen.queryByTestId('small-multiple')).toBeNull();
    expect(screen.getByTestId('small-multiples-empty').textContent).toMatch(/No visible runs/);
  });
});

describe('LayoutToggle', () => {
  it('switches the layout in the teaching store and shows which one is on', () => {
    render(<LayoutToggle />);
    const single = screen.getByTestId('layout-single');
    const multiples = screen.getByTestId('layout-multiples');
    expect(single.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(multiples);
    expect(useTeachStore.getState().layout).toBe('multiples');
    expect(multiples.getAttribute('aria-pressed')).toBe('true');
    expect(single.getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByRole('group', { name: 'Plot layout' })).toBeTruthy();
  });
});
