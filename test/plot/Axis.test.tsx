// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { scaleLinear } from 'd3';
import { Axis } from '../../src/plot/Axis';

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
});
