// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { scaleLinear } from 'd3';
import { Axis } from '../../src/plot/Axis';
import { plotMargins } from '../../src/plot/scales';

afterEach(cleanup);

function ticks(container: HTMLElement) {
  return [...container.querySelectorAll('.tick')].map((tick) => ({
    label: tick.querySelector('text')?.textContent,
    text: tick.querySelector('text')?.firstChild,
    transform: tick.getAttribute('transform'),
  }));
}

describe('Axis', () => {
  it("draws d3's ticks for the scale, one label each, at the scale's pixels", () => {
    const { container } = render(<svg><Axis orient="bottom" scale={scaleLinear([0, 1], [0, 700])} length={700} label="x" /></svg>);
    const drawn = ticks(container);
    // 700 px at one tick per ~70 px: d3's ten ticks 0, 0.1, … 1.
    expect(drawn.map((t) => t.label)).toEqual(['0', '0.1', '0.2', '0.3', '0.4', '0.5', '0.6', '0.7', '0.8', '0.9', '1']);
    expect(drawn[5].transform).toBe('translate(350.5,0)');
    expect(container.querySelector('.domain')?.getAttribute('d')).toBe('M0.5,0.5H700.5');
    expect(container.querySelector('.plot-axis-label')?.textContent).toBe('x');
  });

  it('keeps the end ticks of a view that rounding moved a hair inside them (zoomed in and back out)', () => {
    const { container } = render(<svg><Axis orient="bottom" scale={scaleLinear([-1.9999999999999991, 2.000000000000001], [0, 280])} length={280} /></svg>);
    expect(ticks(container).map((t) => t.label)).toEqual(['−2', '−1', '0', '1', '2']);
    // A view that really stops short of a tick does not get it.
    const { container: short } = render(<svg><Axis orient="bottom" scale={scaleLinear([-1.99, 1.99], [0, 280])} length={280} /></svg>);
    expect(ticks(short).map((t) => t.label)).toEqual(['−1', '0', '1']);
  });

  it('a left axis puts labels left of the line, the top of the range first', () => {
    const { container } = render(<svg><Axis orient="left" scale={scaleLinear([-1, 1], [200, 0])} length={200} /></svg>);
    const drawn = ticks(container);
    expect(drawn.map((t) => t.label)).toEqual(['−1', '−0.5', '0', '0.5', '1']);
    expect(drawn[2].transform).toBe('translate(0,100.5)');
    expect(container.querySelector('.tick text')?.getAttribute('x')).toBe('-9');
  });

  it('on a pan, moves the ticks it keeps without rewriting their labels, and adds the new ones', () => {
    const { container, rerender } = render(<svg><Axis orient="bottom" scale={scaleLinear([0, 1], [0, 700])} length={700} /></svg>);
    const before = ticks(container);
    rerender(<svg><Axis orient="bottom" scale={scaleLinear([0.1, 1.1], [0, 700])} length={700} /></svg>);
    const after = ticks(container);
    expect(after.map((t) => t.label)).toEqual(['0.1', '0.2', '0.3', '0.4', '0.5', '0.6', '0.7', '0.8', '0.9', '1', '1.1']);
    const half = (list: typeof before) => list.find((t) => t.label === '0.5')!;
    // The same text node: no text was written for it, so the browser lays out no text for it.
    expect(half(after).text).toBe(half(before).text);
    expect(half(after).transform).toBe('translate(280.5,0)');
  });

  it('reads the surfaces\' own views as it always has', () => {
    const labels = (orient: 'bottom' | 'left', domain: [number, number], length: number) =>
      drawnLabels(orient, domain, length).labels;
    // The ellipse's view, x ∈ [−10, 10] and y ∈ [−5, 5]; the bumpy surface's −1 … 2.
    expect(labels('bottom', [-10, 10], 280)).toEqual(['−10', '−5', '0', '5', '10']);
    expect(labels('left', [-5, 5], 400)).toEqual(['−5', '−4', '−3', '−2', '−1', '0', '1', '2', '3', '4', '5']);
    expect(labels('bottom', [-1, 2], 700)).toEqual(
      ['−1', '−0.8', '−0.6', '−0.4', '−0.2', '0', '0.2', '0.4', '0.6', '0.8', '1', '1.2', '1.4', '1.6', '1.8', '2'],
    );
    expect(labels('left', [-0.1, 0.1], 400)).toEqual(['−0.1', '−0.08', '−0.06', '−0.04', '−0.02', '0', '0.02', '0.04', '0.06', '0.08', '0.1']);
    expect(drawnLabels('left', [-1, 3], 400).title).toBe('y');
  });

  // Views deep in a zoom (the app zooms in up to 1e6×): the ellipse's link view=0.0672,0.06741,-0.0089,-0.00875, a
  // view far from the origin, and a millionth of the bumpy surface's.
  const deepViews: [number, number][] = [[0.0672, 0.06741], [-0.0089, -0.00875], [1e6, 1e6 + 1e-3], [1.2345, 1.2345 + 3e-6]];

  it('labels every tick differently however deep the zoom', () => {
    for (const domain of deepViews) {
      for (const orient of ['bottom', 'left'] as const) {
        for (const length of [150, 300, 450, 700, 1000]) {
          const { labels } = drawnLabels(orient, domain, length);
          expect(new Set(labels).size, `${orient} ${domain} over ${length} px: ${labels.join(' ')}`).toBe(labels.length);
        }
      }
    }
  });

  it('gives a deep x view the digits its step needs', () => {
    expect(drawnLabels('bottom', [0.0672, 0.06741], 700)).toEqual({
      labels: ['0.0672', '0.06722', '0.06724', '0.06726', '0.06728', '0.0673', '0.06732', '0.06734', '0.06736', '0.06738', '0.0674'],
      title: 'x',
    });
  });

  it('takes half as many bottom ticks when their values are wider than the space between them', () => {
    // 480 px asks for 7 ticks: eleven 0.0672, 0.06722 … would be 46 px apart, each ~42 px wide.
    expect(drawnLabels('bottom', [0.0672, 0.06741], 480)).toEqual({
      labels: ['0.0672', '0.06725', '0.0673', '0.06735', '0.0674'],
      title: 'x',
    });
  });

  it('offsets values that would need a long exponent, even where they fit', () => {
    // Not 1e+6, 1.0000000001e+6, 1.0000000002e+6 …
    expect(drawnLabels('bottom', [1e6, 1e6 + 1e-3], 700)).toEqual({
      labels: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
      title: '(x − 1e+6) × 10⁴',
    });
  });

  /**
   * The bound: a left label ends at the tick's padding, 6 + 3 px left of the
   * axis, and must start inside the left margin, so it may be 44 − 9 = 35 px
   * wide. Widths are DejaVu Sans's advances at the labels' 10 px (what
   * system-ui often is on Linux, the widest of the usual faces): "−0.05" is 30.8 px,
   * "−0.00875" ~50 px.
   */
  const leftRoom = plotMargins.left - 6 - 3;
  const dejaVu: Record<string, number> = { '.': 0.318, '−': 0.838, '+': 0.838 };
  const width = (label: string) => [...label].reduce((sum, c) => sum + (dejaVu[c] ?? 0.636) * 10, 0);

  it('keeps every left label inside the left margin, deep in a zoom too', () => {
    expect(width('−0.00875')).toBeGreaterThan(leftRoom);
    for (const domain of [...deepViews, [-10, 10], [-0.1, 0.1], [-1e5, 1e5]] as [number, number][]) {
      for (const length of [150, 300, 450, 700, 1000]) {
        const { labels } = drawnLabels('left', domain, length);
        for (const label of labels) expect(width(label), `${label} on y ∈ [${domain}] over ${length} px`).toBeLessThanOrEqual(leftRoom);
      }
    }
  });

  it('writes labels too long for the margin over an offset and a power of ten that the axis name states', () => {
    const { container } = render(<svg><Axis orient="left" scale={scaleLinear([-0.0089, -0.00875], [400, 0])} length={400} label="y" /></svg>);
    const labels = ticks(container).map((t) => t.label);
    expect(labels).toEqual(['10', '12', '14', '16', '18', '20', '22', '24']);
    const title = container.querySelector('.plot-axis-label');
    // Label n at y = −0.009 + n × 1e−5: 12 is −0.00888.
    expect(title?.textContent).toBe('(y + 0.009) × 10⁵');
    // Anchored at the axis, so the long name runs right above the plot instead of out of the margin.
    expect(title?.getAttribute('text-anchor')).toBe('start');
    expect(drawnLabels('bottom', [1e6, 1e6 + 1e-3], 420)).toEqual({ labels: ['0', '2', '4', '6', '8', '10'], title: '(x − 1e+6) × 10⁴' });
  });
});

/** The tick labels and the axis name an axis over `domain`, `length` px long, draws. */
function drawnLabels(orient: 'bottom' | 'left', domain: [number, number], length: number) {
  const range: [number, number] = orient === 'bottom' ? [0, length] : [length, 0];
  const { container, unmount } = render(
    <svg><Axis orient={orient} scale={scaleLinear(domain, range)} length={length} label={orient === 'bottom' ? 'x' : 'y'} /></svg>,
  );
  const drawn = {
    labels: ticks(container).map((t) => t.label ?? ''),
    title: container.querySelector('.plot-axis-label')?.textContent,
  };
  unmount();
  return drawn;
}
