// @vitest-environment happy-dom
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { CriticalPoint, ViewBox } from '../../src/core/types';
import { ContourPlot } from '../../src/plot/ContourPlot';
import { createContourSet } from '../../src/plot/contours';
import { plotInnerSize, plotMargins } from '../../src/plot/scales';
import { createRecordingContext } from './fakeContext';
import { act } from 'react';
import { createLiveView } from '../../src/plot/liveView';

afterEach(cleanup);

const view: ViewBox = { x: [-2, 2], y: [-1, 3] };
const nx = 30;
const ny = 30;

function rosenbrockGrid(): Float64Array {
  const values = new Float64Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const x = view.x[0] + (i * 4) / (nx - 1);
      const y = view.y[0] + (j * 4) / (ny - 1);
      values[j * nx + i] = (1 - x) ** 2 + 100 * (y - x * x) ** 2;
    }
  }
  return values;
}

const minimum: CriticalPoint = { x: 1, y: 1, f: 0, kind: 'min', eigenvalues: [0.4, 1001.6] };

function renderPlot(overrides: Partial<Parameters<typeof ContourPlot>[0]> = {}) {
  const onPick = vi.fn<(x: number, y: number) => void>();
  const props = {
    contours: createContourSet(rosenbrockGrid(), nx, ny), view, displayView: view, width: 400, height: 300,
    criticalPoints: [minimum], onPick, onViewChange: vi.fn(), onResetView: vi.fn(),
    ...overrides,
  };
  return { props, onPick, ...render(<ContourPlot {...props} />) };
}

describe('ContourPlot', () => {
  it('describes the surface to assistive technology, log-spaced levels included', () => {
    renderPlot();
    const svg = screen.getByRole('img');
    const label = svg.getAttribute('aria-label') ?? '';
    expect(label).toMatch(/x from −2 to 2, y from −1 to 3/);
    expect(label).toMatch(/log-spaced levels/);
    expect(label).toMatch(/Minimum at \(1, 1\)/);
  });

  it('draws one filled band per level and a legend swatch for each', () => {
    const { container } = renderPlot();
    const canvas = screen.getByTestId('contour-bands');
    const count = Number(canvas.getAttribute('data-bands'));
    expect(count).toBeGreaterThan(5);
    expect(canvas.getAttribute('data-levels')!.split(' ')).toHaveLength(count);
    expect(container.querySelectorAll('.plot-legend rect:not(.plot-legend-frame)')).toHaveLength(count);
  });

  it('marks the minimum with a tooltip giving f and the Hessian eigenvalues', () => {
    const { container } = renderPlot();
    const title = container.querySelector('.plot-critical-min title');
    expect(title?.textContent).toBe('Minimum: f = 0 at (1, 1); Hessian eigenvalues 0.4, 1000');
  });

  it('draws no bands while the contours are missing or malformed', () => {
    renderPlot({ contours: null });
    expect(screen.getByTestId('contour-bands').getAttribute('data-bands')).toBe('0');
    cleanup();
    const good = createContourSet(rosenbrockGrid(), nx, ny);
    renderPlot({ contours: { ...good, bands: good.bands.slice(1) } });
    expect(screen.getByTestId('contour-bands').getAttribute('data-bands')).toBe('0');
  });

  it('lays the bands canvas exactly under the plotting area', () => {
    renderPlot();
    const canvas = screen.getByTestId('contour-bands');
    const inner = plotInnerSize(400, 300);
    expect(canvas.style.width).toBe(`${inner.width}px`);
    expect(canvas.style.height).toBe(`${inner.height}px`);
    const box = canvas.parentElement as HTMLElement;
    expect(box.style.left).toBe(`${plotMargins.left}px`);
    expect(box.style.top).toBe(`${plotMargins.top}px`);
  });

  it('turns a click into surface coordinates for onPick', () => {
    const { container, onPick } = renderPlot();
    const inner = plotInnerSize(400, 300);
    const hit = container.querySelector('.plot-hit')!;
    // happy-dom lays nothing out: the hit area's box is at (0, 0), so client pixels are plot pixels.
    vi.spyOn(hit, 'getBoundingClientRect').mockReturnValue({
      left: 0, top: 0, width: inner.width, height: inner.height, right: inner.width, bottom: inner.height, x: 0, y: 0, toJSON: () => ({}),
    });
    fireEvent.click(hit, { clientX: inner.width / 2, clientY: inner.height / 4 });
    expect(onPick).toHaveBeenCalledTimes(1);
    const [x, y] = onPick.mock.calls[0];
    expect(x).toBeCloseTo(0, 9);
    expect(y).toBeCloseTo(2, 9);
  });

  it('offers reset and zoom as labelled buttons', () => {
    const { props } = renderPlot();
    fireEvent.click(screen.getByRole('button', { name: 'Reset view' }));
    expect(props.onResetView).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Zoom in' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Zoom out' })).toBeTruthy();
  });

  it('moves the start with the arrow keys through its handle', () => {
    const { onPick } = renderPlot({ start: [-1, 2] });
    const handle = screen.getByRole('button', { name: /Start point.*\(−1, 2\)/ });
    fireEvent.keyDown(handle, { key: 'ArrowRight' });
    fireEvent.keyDown(handle, { key: 'ArrowDown', shiftKey: true });
    const [[x1, y1], [x2, y2]] = onPick.mock.calls;
    expect(x1).toBeCloseTo(-1 + 0.04, 12);
    expect(y1).toBeCloseTo(2, 12);
    expect(x2).toBeCloseTo(-1, 12);
    expect(y2).toBeCloseTo(2 - 0.4, 12);
  });

  it('marks the bands as stretched while the display view differs from the grid\'s view', () => {
    // A context that records, so the canvas counts its paints (happy-dom has no 2D canvas).
    const getContext = vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => createRecordingContext() as never);
    // Painted on the canvas's own 2D context, as without OffscreenCanvas.
    vi.stubGlobal('OffscreenCanvas', undefined);
    onTestFinished(() => {
      getContext.mockRestore();
      vi.unstubAllGlobals();
    });
    const { rerender, props } = renderPlot({ moving: true });
    const canvas = screen.getByTestId('contour-bands');
    expect(canvas.getAttribute('data-stretched')).toBe('false');
    expect(canvas.classList.contains('is-moving')).toBe(false);
    const levels = canvas.getAttribute('data-levels');
    const paints = canvas.getAttribute('data-paints');
    expect(Number(paints)).toBeGreaterThan(0);
    // Panned right by half the view: the picture moves left by half the plotting area, without a repaint.
    rerender(<ContourPlot {...props} displayView={{ x: [0, 4], y: [-1, 3] }} />);
    expect(canvas.getAttribute('data-stretched')).toBe('true');
    expect(canvas.getAttribute('data-levels')).toBe(levels);
    expect(canvas.getAttribute('data-paints')).toBe(paints);
    const inner = plotInnerSize(400, 300);
    expect(canvas.style.transform).toBe(`matrix(1, 0, 0, 1, ${-inner.width / 2}, 0)`);
    // Moved by the compositor, sampled nearest-neighbour while a gesture moves it (cheaper to draw every frame)…
    expect(canvas.classList.contains('is-moving')).toBe(true);
    // …and smoothly when no gesture does (a zoom button's step waiting for its grid).
    rerender(<ContourPlot {...props} moving={false} displayView={{ x: [0, 4], y: [-1, 3] }} />);
    expect(canvas.style.transform).toBe(`matrix(1, 0, 0, 1, ${-inner.width / 2}, 0)`);
    expect(canvas.classList.contains('is-moving')).toBe(false);
    // Zoomed in twice about the centre: scaled by 2 and moved by a quarter of the area up and left.
    rerender(<ContourPlot {...props} displayView={{ x: [-1, 1], y: [0, 2] }} />);
    expect(canvas.style.transform).toBe(`matrix(2, 0, 0, 2, ${-inner.width / 2}, ${-inner.height / 2})`);
    // Zoomed in a hundred times: a stretched picture would be a blur, so the bands are painted for that view.
    const beforeDeep = Number(canvas.getAttribute('data-paints'));
    rerender(<ContourPlot {...props} displayView={{ x: [-0.02, 0.02], y: [0.98, 1.02] }} />);
    expect(canvas.getAttribute('data-stretched')).toBe('true');
    expect(canvas.style.transform).toBe('');
    expect(canvas.classList.contains('is-moving')).toBe(false);
    expect(Number(canvas.getAttribute('data-paints'))).toBe(beforeDeep + 1);
    // The grid for the view on screen: painted again, and no transform.
    rerender(<ContourPlot {...props} displayView={view} />);
    expect(canvas.getAttribute('data-stretched')).toBe('false');
    expect(canvas.style.transform).toBe('');
    expect(canvas.classList.contains('is-moving')).toBe(false);
    expect(Number(canvas.getAttribute('data-paints'))).toBe(beforeDeep + 2);
  });

  it('follows a gesture\'s live view in the layers that move, without rendering the plot again', () => {
    const live = createLiveView();
    const { container, onPick } = renderPlot({ live, moving: true, start: [0, 1] });
    const svg = screen.getByRole('img');
    const description = svg.getAttribute('aria-label');
    const canvas = screen.getByTestId('contour-bands');
    const xTicks = () => [...container.querySelectorAll('.plot-axis-bottom .tick text')].map((t) => t.textContent);
    const ticksBefore = xTicks();
    const handle = screen.getByRole('button', { name: /Start point/ });
    const handleLeft = handle.style.left;
    const marker = container.querySelector('.plot-critical-min')!;
    const markerAt = marker.getAttribute('transform');
    // Panned right by half the view, as a gesture's step sets it.
    act(() => live.set({ view: { x: [0, 4], y: [-1, 3] }, pathsMade: null }));
    const inner = plotInnerSize(400, 300);
    expect(canvas.getAttribute('data-stretched')).toBe('true');
    expect(canvas.style.transform).toBe(`matrix(1, 0, 0, 1, ${-inner.width / 2}, 0)`);
    expect(xTicks()).not.toEqual(ticksBefore);
    expect(handle.style.left).not.toBe(handleLeft);
    expect(marker.getAttribute('transform')).not.toBe(markerAt);
    // The description is the plot's, rendered with the view it is given: it waits for the gesture's end.
    expect(svg.getAttribute('aria-label')).toBe(description);
    // A click lands where the picture shows it.
    const hit = container.querySelector('.plot-hit')!;
    vi.spyOn(hit, 'getBoundingClientRect').mockReturnValue({
      left: 0, top: 0, width: inner.width, height: inner.height, right: inner.width, bottom: inner.height, x: 0, y: 0, toJSON: () => ({}),
    });
    fireEvent.click(hit, { clientX: inner.width / 2, clientY: inner.height / 4 });
    expect(onPick.mock.calls[0][0]).toBeCloseTo(2, 9);
    // The gesture over: everything shows the view the plot is given again.
    act(() => live.set(null));
    expect(canvas.getAttribute('data-stretched')).toBe('false');
    expect(xTicks()).toEqual(ticksBefore);
    expect(handle.style.left).toBe(handleLeft);
  });

  it('lays the overlay exactly over the plotting area', () => {
    const { container } = renderPlot({ children: <span data-testid="overlay-child" /> });
    const overlay = screen.getByTestId('overlay-child').parentElement as HTMLElement;
    const inner = plotInnerSize(400, 300);
    expect(overlay.style.left).toBe(`${plotMargins.left}px`);
    expect(overlay.style.top).toBe(`${plotMargins.top}px`);
    expect(overlay.style.width).toBe(`${inner.width}px`);
    expect(container.querySelector('.plot-overlay')).toBe(overlay);
  });
});
