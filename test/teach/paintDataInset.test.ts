import { describe, expect, it } from 'vitest';
import { createLinearData, createLogisticData } from '../../src/core/data';
import { createTrajectoryStore } from '../../src/state/trajectories';
import { dataInsetLayout, jitter, modelsAt, paintDataInset, sigmoid, sigmoidSamples } from '../../src/teach/paintDataInset';
import { createRecordingContext } from '../plot/fakeContext';

const linear = createLinearData();
const logistic = createLogisticData();

/** Vertices of every stroked path drawn in `color`. */
function pathsIn(ctx: ReturnType<typeof createRecordingContext>, color: string): Array<Array<[number, number]>> {
  const out: Array<Array<[number, number]>> = [];
  let vertices: Array<[number, number]> = [];
  for (const call of ctx.calls) {
    if (call.name === 'beginPath') vertices = [];
    if (call.name === 'moveTo' || call.name === 'lineTo') vertices.push(call.args as [number, number]);
    if (call.name === 'stroke' && call.strokeStyle === color) out.push(vertices);
  }
  return out;
}

describe('paintDataInset', () => {
  it('draws every sample as a dot at (xᵢ, yᵢ)', () => {
    const ctx = createRecordingContext();
    const layout = paintDataInset(ctx, { kind: 'linreg', data: linear, models: [], width: 280, height: 180 });
    const dots = ctx.named('arc');
    expect(dots).toHaveLength(256);
    for (const i of [0, 17, 255]) {
      expect(dots[i].args[0]).toBeCloseTo(layout.x(linear.xs[i]), 9);
      expect(dots[i].args[1]).toBeCloseTo(layout.y(linear.ys[i]), 9);
    }
  });

  it('draws a run’s line y = w·x + b across the frame in the run colour', () => {
    const ctx = createRecordingContext();
    const layout = paintDataInset(ctx, {
      kind: 'linreg', data: linear, models: [{ w: 2, b: -3, color: '#0072B2' }], width: 280, height: 180,
    });
    const [line] = pathsIn(ctx, '#0072B2');
    expect(line).toHaveLength(2);
    const [d0, d1] = layout.x.domain();
    expect(line[0][0]).toBeCloseTo(layout.x(d0), 9);
    expect(layout.y.invert(line[0][1])).toBeCloseTo(2 * d0 - 3, 9);
    expect(layout.y.invert(line[1][1])).toBeCloseTo(2 * d1 - 3, 9);
  });

  it('fits the frame to the data, not to a wild early model', () => {
    const calm = dataInsetLayout('linreg', linear, 280, 180);
    const ctx = createRecordingContext();
    const layout = paintDataInset(ctx, {
      kind: 'linreg', data: linear, models: [{ w: 1e7, b: 5e6, color: '#D55E00' }], width: 280, height: 180,
    });
    expect(layout.y.domain()).toEqual(calm.y.domain());
    const [line] = pathsIn(ctx, '#D55E00');
    for (const [, py] of line) expect(Math.abs(py)).toBeLessThan(5 * 180 + 1);
    // The frame is clipped, so the steep line cannot paint outside it.
    expect(ctx.count('clip')).toBe(1);
  });

  it('spreads logistic labels a little around 0 and 1 and draws the sigmoid through ½ at x = −b/w', () => {
    const ctx = createRecordingContext();
    const w = 2;
    const b = -3;
    const layout = paintDataInset(ctx, { kind: 'logreg', data: logistic, models: [{ w, b, color: '#009E73' }], width: 280, height: 180 });
    const dots = ctx.named('arc');
    expect(dots).toHaveLength(256);
    for (let i = 0; i < 256; i++) {
      const shown = layout.y.invert(dots[i].args[1] as number);
      expect(Math.abs(shown - logistic.ys[i])).toBeLessThanOrEqual(0.06 + 1e-9);
    }
    expect(Math.abs(jitter(1) - jitter(2))).toBeGreaterThan(0.01);
    const [curve] = pathsIn(ctx, '#009E73');
    expect(curve).toHaveLength(sigmoidSamples + 1);
    for (const [px, py] of curve) expect(layout.y.invert(py)).toBeCloseTo(sigmoid(w * layout.x.invert(px) + b), 9);
    // Where the curve crosses ½ lies within one sample of −b/w = 1.5.
    const crossing = curve.findIndex(([, py]) => layout.y.invert(py) >= 0.5);
    const [d0, d1] = layout.x.domain();
    expect(Math.abs(layout.x.invert(curve[crossing][0]) - 1.5)).toBeLessThanOrEqual((d1 - d0) / sigmoidSamples);
  });

  it('skips a model that left the finite numbers', () => {
    const ctx = createRecordingContext();
    paintDataInset(ctx, { kind: 'linreg', data: linear, models: [{ w: NaN, b: 1, color: '#CC79A7' }], width: 280, height: 180 });
    expect(pathsIn(ctx, '#CC79A7')).toHaveLength(0);
  });
});

describe('modelsAt', () => {
  it('takes each visible run’s (w, b) at the step, its last point past its end, and skips hidden runs', () => {
    const store = createTrajectoryStore();
    store.reset(['a', 'b', 'c']);
    store.append('a', new Float64Array([-1, 2, 9, 0, 1, 5, 1, 0, 2]));
    store.append('b', new Float64Array([-1, 2, 9, 3, -2, 1]));
    store.append('c', new Float64Array([7, 7, 7]));
    const runs = [{ key: 'a', color: 0, hidden: false }, { key: 'b', color: 1, hidden: false }, { key: 'c', color: 2, hidden: true }];
    expect(modelsAt(store, runs, 1)).toEqual([
      { w: 0, b: 1, color: '#0072B2' }, { w: 3, b: -2, color: '#D55E00' },
    ]);
    expect(modelsAt(store, runs, Infinity).map((m) => [m.w, m.b])).toEqual([[1, 0], [3, -2]]);
    expect(modelsAt(store, runs, 0).map((m) => [m.w, m.b])).toEqual([[-1, 2], [-1, 2]]);
    expect(modelsAt(store, runs, NaN).map((m) => [m.w, m.b])).toEqual([[-1, 2], [-1, 2]]);
  });
});
