// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { Legend } from '../../src/plot/Legend';

afterEach(cleanup);

const colors = ['#111111', '#222222', '#333333', '#444444'];

function swatches(container: HTMLElement) {
  return [...container.querySelectorAll('.plot-legend > rect:not(.plot-legend-frame)')];
}

describe('Legend', () => {
  it('draws a swatch per band, bottom band lowest, and labels the edges with their levels', () => {
    const { container } = render(<svg><Legend levels={[0, 1, 2, 3]} colors={colors} max={4} spacing="linear" x={0} y={0} height={200} /></svg>);
    const rects = swatches(container);
    expect(rects.map((r) => r.getAttribute('fill'))).toEqual(colors);
    expect(rects.map((r) => Number(r.getAttribute('y')))).toEqual([150, 100, 50, 0]);
    expect([...container.querySelectorAll('.plot-legend-label')].map((t) => t.textContent)).toEqual(['0', '1', '2', '3', '4']);
    expect(container.querySelector('.plot-legend-title')?.textContent).toBe('f');
  });

  it('keeps its swatch elements when a new grid brings new levels, and only changes what differs', () => {
    const { container, rerender } = render(<svg><Legend levels={[0, 1, 2, 3]} colors={colors} max={4} spacing="linear" x={0} y={0} height={200} /></svg>);
    const before = swatches(container);
    const next = ['#aa0000', '#bb0000', '#cc0000', '#dd0000'];
    rerender(<svg><Legend levels={[0.5, 1.5, 2.5, 3.5]} colors={next} max={4.5} spacing="log" x={0} y={0} height={200} /></svg>);
    const after = swatches(container);
    // The same nodes (a zoom's grid updates twenty fills, not twenty elements).
    expect(after).toHaveLength(4);
    after.forEach((rect, k) => expect(rect).toBe(before[k]));
    expect(after.map((r) => r.getAttribute('fill'))).toEqual(next);
    expect(container.querySelector('.plot-legend-title')?.textContent).toBe('f (log)');
    expect([...container.querySelectorAll('.plot-legend-label')].map((t) => t.textContent)).toEqual(['0.5', '1.5', '2.5', '3.5', '4.5']);
  });

  it('makes room under the bar for a hatched key when f is undefined somewhere', () => {
    const { container } = render(
      <svg><Legend levels={[0, 1, 2, 3]} colors={colors} max={4} spacing="linear" x={0} y={0} height={222} undefinedLabel="no value" /></svg>,
    );
    // The bar is 22 px shorter: four swatches of 50 px, as without the key at 200 px.
    expect(swatches(container).map((r) => Number(r.getAttribute('y')))).toEqual([150, 100, 50, 0]);
    const key = container.querySelector('.plot-legend-undefined')!;
    expect(key.querySelector('text')?.textContent).toBe('no value');
    const fill = key.querySelector(':scope > rect')?.getAttribute('fill');
    const pattern = key.querySelector('pattern');
    expect(fill).toBe(`url(#${pattern?.id})`);
    expect(pattern?.querySelector('.plot-legend-hatch')).not.toBeNull();
    const plain = render(<svg><Legend levels={[0, 1]} colors={colors} max={2} spacing="linear" x={0} y={0} height={200} /></svg>);
    expect(plain.container.querySelector('.plot-legend-undefined')).toBeNull();
  });

  it('shows the key alone when nothing in view is defined', () => {
    const { container } = render(<svg><Legend levels={[]} colors={[]} max={0} spacing="linear" x={0} y={0} height={200} undefinedLabel="no value" /></svg>);
    expect(swatches(container)).toEqual([]);
    expect(container.querySelector('.plot-legend-undefined text')?.textContent).toBe('no value');
  });

  it('keeps its labels at least 14 px apart (10 px text), the top one (the maximum) always shown', () => {
    // Twenty bands of 13 px: 12 px apart would label every edge.
    const levels = Array.from({ length: 20 }, (_, k) => k);
    const ramp = levels.map(() => '#777777');
    const { container } = render(<svg><Legend levels={levels} colors={ramp} max={20} spacing="linear" x={0} y={0} height={260} /></svg>);
    const labels = [...container.querySelectorAll('.plot-legend-label')];
    expect(labels.at(-1)?.textContent).toBe('20');
    const ys = labels.map((t) => Number(/translate\([^,]+,([^)]+)\)/.exec(t.parentElement!.getAttribute('transform')!)![1]));
    const gaps = ys.slice(1).map((y, i) => ys[i] - y);
    expect(gaps.length).toBeGreaterThan(4);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(14);
  });

  it('draws nothing without levels or height', () => {
    const { container } = render(<svg><Legend levels={[]} colors={[]} max={0} spacing="linear" x={0} y={0} height={200} /></svg>);
    expect(container.querySelector('.plot-legend')).toBeNull();
  });
});
