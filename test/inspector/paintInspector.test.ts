import { describe, expect, it } from 'vitest';
import type { SimulationConfig, Vec2, ViewBox } from '../../src/core/types';
import { simulate } from '../../src/core';
import { surfaceToPixel } from '../../src/plot/scales';
import {
  arrowStyles, ellipseRadius, layoutInspector, niceFloor, paintInspector, type InspectedRun,
} from '../../src/inspector/paintInspector';
import { stepVectors, type StepVectors } from '../../src/inspector/stepVectors';
import { createRecordingContext, inspectAt } from './helpers';

const view: ViewBox = { x: [-10, 10], y: [-5, 5] };
const width = 400;
const height = 200; // 20 px per unit on both axes

const momentum: SimulationConfig = {
  surface: 'ellipse', optimizer: { id: 'momentum', learningRate: 0.1, beta: 0.9 }, steps: 30, start: [-7, 2],
};

function runOf(config: SimulationConfig, step: number, color = '#0072B2'): InspectedRun {
  const vectors = stepVectors(inspectAt(config, step), config.optimizer);
  if (!vectors) throw new Error('no step');
  return { key: 'run', color, vectors };
}

const angle = (v: Vec2) => Math.atan2(v[1], v[0]);
const near = (a: Vec2, b: Vec2, tolerance = 1e-9) => expect(Math.hypot(a[0] - b[0], a[1] - b[1])).toBeLessThan(tolerance);

describe('layoutInspector', () => {
  it('draws heavy-ball momentum at step 3 on the ellipse from x₂, in surface units, Δx landing on x₃', () => {
    // By hand (f = x²/20 + y², ∇f = (x/10, 2y), η = 0.1, β = 0.9, from (−7, 2)):
    // x₂ = (−6.7977, 0.92), g₃ = (−0.67977, 1.84), v₂ = (−1.323, 6.8), x₃ = (−6.610653, 0.124).
    const [layout] = layoutInspector({ runs: [runOf(momentum, 3)], view, width, height });
    expect(layout.scale).toBe(1);
    near(layout.origin, surfaceToPixel(view, width, height, -6.7977, 0.92), 1e-9);
    const arrow = (kind: string) => layout.arrows.find((a) => a.kind === kind)!;
    const px = (v: Vec2): Vec2 => [20 * v[0], -20 * v[1]];
    // −η∇f = (0.067977, −0.184): right and down on screen, towards the valley floor y = 0.
    const gradient = arrow('gradient');
    near([gradient.to[0] - gradient.from[0], gradient.to[1] - gradient.from[1]], px([0.067977, -0.184]), 1e-9);
    // −ηv₂ = (0.1323, −0.68): the velocity carried in points the same way, longer.
    const carried = arrow('momentum');
    near([carried.to[0] - carried.from[0], carried.to[1] - carried.from[1]], px([0.1323, -0.68]), 1e-9);
    // Δx = −ηg₃ + β·(−ηv₂): the heavy ball's parallelogram, and its tip is x₃.
    const step = arrow('delta');
    const sum: Vec2 = [
      gradient.to[0] - gradient.from[0] + 0.9 * (carried.to[0] - carried.from[0]),
      gradient.to[1] - gradient.from[1] + 0.9 * (carried.to[1] - carried.from[1]),
    ];
    near([step.to[0] - step.from[0], step.to[1] - step.from[1]], sum, 1e-9);
    near(step.to, surfaceToPixel(view, width, height, -6.610653, 0.124), 1e-9);
    expect(layout.ellipse).toBeNull();
  });

  it('draws no velocity arrow at step 1, where the velocity carried in is zero', () => {
    const [layout] = layoutInspector({ runs: [runOf(momentum, 1)], view, width, height });
    expect(layout.arrows.map((a) => a.kind).sort()).toEqual(['delta', 'gradient']);
  });

  it('multiplies arrows too short to see by one 1-2-5 factor, keeping their directions and ratios', () => {
    const vectors: StepVectors = { origin: [0, 0], gradient: [0.001, 0], momentum: null, delta: [0, 0.0005], rates: null };
    const [layout] = layoutInspector({ runs: [{ key: 'k', color: '#000000', vectors }], view, width, height });
    // Longest 0.02 px; 48 px / 0.02 px = 2400 → 2000.
    expect(layout.scale).toBe(2000);
    const [g, d] = layout.arrows;
    expect(g.to[0] - g.from[0]).toBeCloseTo(40, 9);
    expect(d.to[1] - d.from[1]).toBeCloseTo(-20, 9);
  });

  it('shrinks arrows longer than the plot allows, by a 1-2-5 factor', () => {
    const vectors: StepVectors = { origin: [0, 0], gradient: [-40, 30], momentum: null, delta: [4, 3], rates: null };
    const [layout] = layoutInspector({ runs: [{ key: 'k', color: '#000000', vectors }], view, width, height });
    // Longest 1000 px, limit 60 px (0.3 × 200): × 0.05.
    expect(layout.scale).toBe(0.05);
    const g = layout.arrows.find((a) => a.kind === 'gradient')!;
    expect(angle([g.to[0] - g.from[0], g.to[1] - g.from[1]])).toBeCloseTo(angle([-40 * 20, -30 * 20]), 12);
  });

  it('shapes the ellipse by AdaGrad’s per-axis rates: the steep axis gets the short side', () => {
    const adagrad: SimulationConfig = { surface: 'ellipse', optimizer: { id: 'adagrad', learningRate: 1.5 }, steps: 30, start: [-7, 2] };
    const run = runOf(adagrad, 1);
    const [layout] = layoutInspector({ runs: [run], view, width, height });
    // Step 1: s = g² = (0.49, 16), so the rates are 1.5/0.7 and 1.5/4: x wide, y narrow.
    const [rx, ry] = run.vectors.rates!;
    expect(rx).toBeCloseTo(1.5 / 0.7, 9);
    expect(ry).toBeCloseTo(1.5 / 4, 9);
    expect(layout.ellipse!.rx).toBeCloseTo(ellipseRadius, 12);
    expect(layout.ellipse!.ry).toBeCloseTo((ellipseRadius * 0.7) / 4, 9);
  });

  it('skips a run whose point is not finite', () => {
    const vectors: StepVectors = { origin: [NaN, 0], gradient: [1, 0], momentum: null, delta: [1, 0], rates: null };
    expect(layoutInspector({ runs: [{ key: 'k', color: '#000000', vectors }], view, width, height })).toEqual([]);
  });

  it('rounds factors down to 1, 2 or 5 times a power of ten', () => {
    expect([2400, 0.06, 1, 4.99, 5, 0.0123].map(niceFloor)).toEqual([2000, 0.05, 1, 2, 5, 0.01]);
  });
});

describe('paintInspector', () => {
  it('clears, then strokes each arrow from its origin with its kind’s width and dash and fills a head at its tip', () => {
    const ctx = createRecordingContext();
    const layouts = paintInspector(ctx, { runs: [runOf(momentum, 3, '#D55E00')], view, width, height });
    expect(ctx.calls[0]).toMatchObject({ name: 'clearRect', args: [0, 0, width, height] });
    const [layout] = layouts;
    expect(layout.arrows).toHaveLength(3);
    for (const arrow of layout.arrows) {
      const style = arrowStyles[arrow.kind];
      // The shaft: moveTo(origin), lineTo towards the tip, stroked in the run's colour at the kind's width and dash.
      const strokes = ctx.calls.filter((c) => c.name === 'stroke' && c.strokeStyle === '#D55E00' && c.lineWidth === style.width);
      expect(strokes.length, arrow.kind).toBeGreaterThan(0);
      expect(strokes[0].dash, arrow.kind).toEqual(style.dash);
      // The head starts at the tip and is filled in the run's colour.
      const tipAt = ctx.calls.findIndex((c) => c.name === 'moveTo' && Math.abs(c.args[0] - arrow.to[0]) < 1e-9 && Math.abs(c.args[1] - arrow.to[1]) < 1e-9);
      expect(tipAt, arrow.kind).toBeGreaterThan(0);
      const fill = ctx.calls.slice(tipAt).find((c) => c.name === 'fill');
      expect(fill?.fillStyle).toBe('#D55E00');
    }
    // Every shaft leaves from x₂, and heads towards its tip.
    const shafts = ctx.calls.flatMap((c, i) => (c.name === 'moveTo' && ctx.calls[i + 1]?.name === 'lineTo' && ctx.calls[i + 2]?.name === 'setLineDash' ? [[c, ctx.calls[i + 1]]] : []));
    expect(shafts.length).toBe(6); // halo and colour for each of three arrows
    for (const [from, to] of shafts) {
      near(from.args as unknown as Vec2, layout.origin, 1e-9);
      const direction = angle([to.args[0] - from.args[0], to.args[1] - from.args[1]]);
      expect(layout.arrows.some((a) => Math.abs(angle([a.to[0] - a.from[0], a.to[1] - a.from[1]]) - direction) < 1e-9)).toBe(true);
    }
    expect(ctx.calls.filter((c) => c.name === 'ellipse')).toHaveLength(0);
  });

  it('draws the effective-rate ellipse around an Adam run’s point', () => {
    const adam: SimulationConfig = { surface: 'ellipse', optimizer: { id: 'adam', learningRate: 0.3 }, steps: 30, start: [-7, 2] };
    const ctx = createRecordingContext();
    const [layout] = paintInspector(ctx, { runs: [runOf(adam, 4)], view, width, height });
    const at = ctx.calls.findIndex((c) => c.name === 'ellipse');
    expect(ctx.calls.filter((c) => c.name === 'ellipse')).toHaveLength(1);
    expect(ctx.calls[at].args.slice(0, 4)).toEqual([layout.origin[0], layout.origin[1], layout.ellipse!.rx, layout.ellipse!.ry]);
    // One path, stroked twice: a halo, then the run's colour, both dashed.
    const strokes = ctx.calls.slice(at, at + 6).filter((c) => c.name === 'stroke');
    expect(strokes.map((c) => [c.strokeStyle, c.dash])).toEqual([['#ffffff', [3, 3]], ['#0072B2', [3, 3]]]);
    expect(layout.arrows.map((a) => a.kind).sort()).toEqual(['delta', 'gradient', 'momentum']);
  });

  it('paints nothing but the clear for a run that diverged at the inspected step', () => {
    const config: SimulationConfig = { surface: 'bowl', optimizer: { id: 'gd', learningRate: 50 }, steps: 60 };
    const stoppedAt = simulate(config).stoppedAt;
    expect(stepVectors(inspectAt(config, stoppedAt), config.optimizer)).toBeNull();
  });
});
