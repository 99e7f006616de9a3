// @vitest-environment happy-dom
/** The loss chart's readout: every visible run's f at the hovered step. */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { compact, LossReadout, readoutAt } from '../../src/plot/LossReadout';
import { createTrajectoryStore } from '../../src/state/trajectories';
import { runColor } from '../../src/plot/colors';

afterEach(cleanup);

const runs = [
  { key: 'a', color: 0, hidden: false, label: 'GD / SGD · lr 0.1' },
  { key: 'b', color: 1, hidden: false, label: 'Adam · lr 0.01' },
  { key: 'c', color: 2, hidden: true, label: 'Hidden' },
  { key: 'd', color: 3, hidden: false, label: 'Streaming' },
];

/** a: 4 points, ran all steps; b: 2 points, diverged at step 1; c: hidden; d: 1 point so far, still running. */
function store() {
  const s = createTrajectoryStore();
  s.reset(['a', 'b', 'c', 'd']);
  s.append('a', new Float64Array([0, 0, 5, 0, 0, 4, 0, 0, 3.25, 0, 0, 0.000012345]));
  s.finish('a', 'budget', 3, 'ran all steps');
  s.append('b', new Float64Array([0, 0, 7, 0, 0, 1e9]));
  s.finish('b', 'diverged', 1, 'diverged');
  s.append('c', new Float64Array([0, 0, 1]));
  s.finish('c', 'budget', 0, '');
  s.append('d', new Float64Array([0, 0, 2]));
  return s;
}

describe('readoutAt', () => {
  it('gives f at the step for each visible run, the last f and its step for one that stopped before', () => {
    expect(readoutAt(store(), runs, 2)).toEqual([
      { key: 'a', label: 'GD / SGD · lr 0.1', color: runColor(0), f: 3.25, stoppedAt: null },
      { key: 'b', label: 'Adam · lr 0.01', color: runColor(1), f: 1e9, stoppedAt: 1 },
    ]);
    // At a step every run has reached, the streaming one too.
    expect(readoutAt(store(), runs, 0).map((e) => [e.key, e.f, e.stoppedAt])).toEqual([['a', 5, null], ['b', 7, null], ['d', 2, null]]);
  });
});

describe('compact', () => {
  it('writes four significant digits, exponents outside 0.001 … 100000', () => {
    expect([0, 0.292202, 1234.5678, -0.5, 0.000123, 123456, 1e9, -2.5e-7].map(compact))
      .toEqual(['0', '0.2922', '1235', '-0.5', '1.23e-4', '1.23e+5', '1e+9', '-2.5e-7']);
  });
});

describe('LossReadout', () => {
  it('says how to get the numbers when nothing is hovered, and shows them, in the page language, when a step is', () => {
    const s = store();
    const { rerender } = render(<LossReadout runs={runs} step={null} lang="en" store={s} />);
    expect(screen.getByTestId('loss-readout').textContent).toBe('Point at the chart to read every run’s f at that step.');
    rerender(<LossReadout runs={runs} step={3} lang="en" store={s} />);
    expect(screen.getByTestId('loss-readout').textContent).toBe('step 3:GD / SGD · lr 0.1 1.23e-5Adam · lr 0.01 1e+9 (stopped at step 1)');
    rerender(<LossReadout runs={runs} step={3} lang="ko" store={s} />);
    expect(screen.getByTestId('loss-readout').textContent).toContain('스텝 1에서 멈춤');
  });

  it('follows runs that reach the hovered step while it is hovered', () => {
    const s = store();
    render(<LossReadout runs={runs} step={1} lang="en" store={s} />);
    expect(screen.getByTestId('loss-readout').textContent).not.toContain('Streaming');
    act(() => s.append('d', new Float64Array([0, 0, 1.5])));
    expect(screen.getByTestId('loss-readout').textContent).toContain('Streaming 1.5');
  });
});
