import { describe, expect, it } from 'vitest';
import {
  createSurface, optimizerIds, sampleGrid, simulate, type SurfaceId, type SurfaceSpec, type ViewBox,
} from '../../../src/core';
import { createCustomSurface, prepareCustomSurface } from '../../../src/core/expression';
import { statusLabel } from '../../../src/controls/useRunStatus';

const square: ViewBox = { x: [-2, 2], y: [-2, 2] };

/** The custom spec of a built-in surface typed out, with the same view and start. */
function typedOut(id: SurfaceId, expression: string): SurfaceSpec {
  const builtin = createSurface(id);
  return { id: 'custom', expression, view: builtin.view, start: builtin.start };
}

function built(expression: string, view = square, start?: [number, number]) {
  const result = createCustomSurface({ expression, view, start });
  if (!result.ok) throw new Error(result.message);
  return result.surface;
}

describe('a typed-out surface behaves like the hand-written one', () => {
  it("finds Himmelblau's nine critical points where the built-in surface has them, with the same kinds", () => {
    const builtin = createSurface('himmelblau');
    const custom = createSurface(typedOut('himmelblau', '(x^2 + y - 11)^2 + (x + y^2 - 7)^2'));
    expect(custom.criticalPoints).toHaveLength(9);
    expect(custom.criticalPoints.map((p) => p.kind).sort()).toEqual(builtin.criticalPoints.map((p) => p.kind).sort());
    for (const p of builtin.criticalPoints) {
      const q = custom.criticalPoints.find((c) => Math.hypot(c.x - p.x, c.y - p.y) < 1e-9);
      expect(q, `no match for (${p.x}, ${p.y})`).toBeDefined();
      expect(q!.kind).toBe(p.kind);
      expect(q!.f).toBeCloseTo(p.f, 9);
      expect(q!.eigenvalues[0]).toBeCloseTo(p.eigenvalues[0], 9);
      expect(q!.eigenvalues[1]).toBeCloseTo(p.eigenvalues[1], 9);
    }
  });

  it("finds bumpy's critical points, which the built-in finds by a different (1D) method", () => {
    const builtin = createSurface('bumpy');
    const custom = createSurface(typedOut('bumpy', 'x*cos(pi*x) + y*cos(pi*y)'));
    expect(custom.criticalPoints).toHaveLength(builtin.criticalPoints.length);
    for (const p of builtin.criticalPoints) {
      expect(custom.criticalPoints.some((c) => Math.hypot(c.x - p.x, c.y - p.y) < 1e-9 && c.kind === p.kind)).toBe(true);
    }
  });

  it('x^2/20 + y^2 runs like the ellipse: 100 steps of adam within 1e-12', () => {
    const a = simulate({ surface: 'ellipse', optimizer: { id: 'adam', learningRate: 0.3 }, steps: 100 });
    const b = simulate({ surface: typedOut('ellipse', 'x^2/20 + y^2'), optimizer: { id: 'adam', learningRate: 0.3 }, steps: 100 });
    expect(b.steps).toBe(100);
    expect(b.points.length).toBe(a.points.length);
    for (let k = 0; k < a.points.length; k++) expect(Math.abs(b.points[k] - a.points[k])).toBeLessThanOrEqual(1e-12);
  });

  it.each(optimizerIds)('%s walks the same path on the typed-out ellipse and Rosenbrock', (id) => {
    for (const [surface, expression] of [['ellipse', 'x^2/20 + y^2'], ['rosenbrock', '(1 - x)^2 + 100*(y - x^2)^2']] as const) {
      const a = simulate({ surface, optimizer: { id }, steps: 100 });
      const b = simulate({ surface: typedOut(surface, expression), optimizer: { id }, steps: 100 });
      expect(b.status).toBe(a.status);
      expect(b.steps).toBe(a.steps);
      for (let k = 0; k < a.points.length; k++) {
        expect(Math.abs(b.points[k] - a.points[k])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a.points[k])));
      }
    }
  });
});

describe('createSurface with a custom spec', () => {
  it('builds each expression and view once', () => {
    const spec = { id: 'custom', expression: 'x^2 + 3*y^2', view: square } as const;
    expect(createSurface(spec)).toBe(createSurface({ ...spec }));
    expect(createSurface(spec)).not.toBe(createSurface({ ...spec, view: { x: [-1, 1], y: [-1, 1] } }));
    expect(createSurface(spec)).toMatchObject({ id: 'custom', formula: 'x^2 + 3*y^2', view: square });
  });

  it('throws, like an unknown id, when the expression is missing or broken', () => {
    expect(() => createSurface('custom')).toThrow('needs an expression');
    expect(() => createSurface({ id: 'custom', expression: '2x', view: square })).toThrow(
      "Custom surface: expected an operator between '2' and 'x' (column 2).",
    );
  });
});

describe('createCustomSurface', () => {
  it('passes a parse error through with its column', () => {
    expect(createCustomSurface({ expression: '-cos(x', view: square })).toEqual({
      ok: false, message: "expected ')' after 'cos(x'", column: 7, length: 0,
    });
  });

  it.each([
    [{ x: [1, -1], y: [0, 1] }, 'the view box is empty'],
    [{ x: [0, 1], y: [0, NaN] }, 'the view box needs four finite numbers'],
    [{ x: [0, 1] }, 'the view box needs four finite numbers'],
  ])('refuses the view %j', (view, message) => {
    expect(createCustomSurface({ expression: 'x', view: view as ViewBox })).toMatchObject({
      ok: false, message: expect.stringContaining(message), column: 0,
    });
  });

  it('refuses a function defined nowhere in the view, and a start that is not a point', () => {
    expect(createCustomSurface({ expression: 'log(-1 - x^2)', view: square })).toMatchObject({
      ok: false, message: 'f has no finite value anywhere in the view',
    });
    expect(createCustomSurface({ expression: 'x', view: square, start: [NaN, 0] })).toMatchObject({
      ok: false, message: 'the start point needs two finite numbers',
    });
  });

  it('starts where f is finite, inside the view, unless told otherwise', () => {
    const s = built('log(x) + y^2', { x: [-3, 3], y: [-3, 3] });
    expect(Number.isFinite(s.f(...s.start))).toBe(true);
    expect(s.start[0]).toBeGreaterThan(0);
    expect(built('x', square, [0.5, -1]).start).toEqual([0.5, -1]);
  });

  it('starts where the gradient is finite too: not on the edge of sqrt(x), where every run would diverge at once', () => {
    // Over [−3, 3]² the preferred point is (−1.5, 1.5); f is finite from x = 0 on, its slope only for x > 0.
    const s = built('sqrt(x) + y^2', { x: [-3, 3], y: [-3, 3] });
    expect(s.start).toEqual([0.75, 1.5]);
    // Where no grid point has a finite slope, a finite f is enough.
    expect(built('sqrt(abs(x)) * 0 + sqrt(-abs(y))', square).start[1]).toBe(0);
  });

  it('keeps an isolated critical point but not the hundreds Newton finds along a ring of minima', () => {
    const ring = built('(x^2 + y^2 - 1)^2');
    expect(ring.criticalPoints.map((p) => [p.x, p.y, p.kind])).toEqual([[0, 0, 'max']]);
    expect(built('x*y').criticalPoints).toMatchObject([{ x: 0, y: 0, kind: 'saddle' }]);
  });

  it('samples NaN outside the domain (the plot hatches it) and ±∞ where f is infinite, finite values inside', () => {
    const values = sampleGrid(built('sqrt(x) + y'), square, 5, 3);
    expect(Array.from(values.slice(0, 5))).toEqual([NaN, NaN, 0 - 2, 1 - 2, Math.SQRT2 - 2]);
    // A pole is a value, too large to write: not undefined.
    expect(Array.from(sampleGrid(built('1/x^2'), square, 5, 1))).toEqual([0.25, 1, Infinity, 1, 0.25]);
    // Runs still read +∞ there, as the course's safe(f) does.
    expect(built('sqrt(x) + y').f(-1, 0)).toBe(Infinity);
  });
});

describe('runs on a custom surface', () => {
  it('stop with the reason when a step leaves the domain', () => {
    const run = simulate({
      surface: { id: 'custom', expression: 'log(x) + y^2', view: square, start: [0.5, 1] },
      optimizer: { id: 'gd', learningRate: 1 },
      steps: 50,
    });
    // Step 1: x = 0.5 − 1·(1/0.5) = −1.5, where log is undefined.
    expect(run).toMatchObject({ status: 'diverged', stoppedAt: 1, steps: 0 });
    expect(run.message).toBe("Stopped at step 1: (−1.5, −1) is outside the function's domain (f has no finite value there).");
    expect(Array.from(run.points)).toEqual([0.5, 1, Math.log(0.5) + 1]);
  });

  it('tells an overflow or a pole from a point outside the domain', () => {
    // exp(x² + y²) is defined everywhere; from (3, 0) GD's first step lands at x = 3 − 6·e⁹·0.1 ≈ −4,862, where it overflows.
    const overflow = simulate({
      surface: { id: 'custom', expression: 'exp(x^2 + y^2)', view: square }, optimizer: { id: 'gd', learningRate: 0.1 }, start: [3, 0], steps: 5,
    });
    expect(overflow).toMatchObject({ status: 'diverged', stoppedAt: 1 });
    expect(overflow.message).toBe('Stopped at step 1: f is +∞ at (−4859, 0) (a pole, or a value past the largest number).');
    // 1/x² at x = 0 is a pole: the run cannot begin there, and the message does not call it undefined.
    const pole = simulate({ surface: { id: 'custom', expression: '1/x^2 + y', view: square }, optimizer: { id: 'gd' }, start: [0, 1], steps: 5 });
    expect(pole.message).toBe('The run could not begin: f is +∞ at (0, 1) (a pole, or a value past the largest number).');
    const below = simulate({ surface: { id: 'custom', expression: 'log(x^2) + y', view: square }, optimizer: { id: 'gd' }, start: [0, 1], steps: 5 });
    expect(below.message).toContain('f is −∞ at (0, 1)');
    // The run's badge: an infinite f diverged; an undefined one left the domain.
    const badge = (run: typeof overflow) => statusLabel({ status: run.status, stoppedAt: run.stoppedAt, message: run.message, steps: run.steps }, (key, vars) => `${key} ${vars?.step}`);
    expect(badge(overflow)).toBe('status.diverged 1');
    const outside = simulate({ surface: { id: 'custom', expression: 'log(x) + y^2', view: square }, optimizer: { id: 'gd', learningRate: 1 }, start: [0.5, 1], steps: 5 });
    expect(badge(outside)).toBe('status.outsideDomain 1');
  });

  it('cannot begin outside the domain, and says so', () => {
    const run = simulate({ surface: { id: 'custom', expression: 'sqrt(x)', view: square }, optimizer: { id: 'gd' }, start: [-1, 0], steps: 5 });
    expect(run).toMatchObject({ status: 'diverged', stoppedAt: 0, points: new Float64Array(0) });
    expect(run.message).toContain("(−1, 0) is outside the function's domain");
  });

  it("line search treats the undefined side as +∞ and carries on, like the course's safe(f)", () => {
    const run = simulate({
      surface: { id: 'custom', expression: 'x - log(x) + y^2', view: { x: [0, 4], y: [-2, 2] } },
      optimizer: { id: 'linesearch' },
      start: [3, 1],
      steps: 200,
    });
    expect(run.status).toBe('stalled');
    const last = run.points.slice(-3);
    expect(last[0]).toBeCloseTo(1, 4);
    expect(last[1]).toBeCloseTo(0, 4);
  });

  it('can use a finite-difference gradient instead of the exact one, to compare', () => {
    const surface: SurfaceSpec = { id: 'custom', expression: 'x^2 + 10*y^2', view: square, start: [1.5, 1] };
    const exact = simulate({ surface, optimizer: { id: 'gd', learningRate: 0.05 }, steps: 20 });
    const central = simulate({ surface, optimizer: { id: 'gd', learningRate: 0.05 }, gradient: { kind: 'central', h: 1e-4 }, steps: 20 });
    const forward = simulate({ surface, optimizer: { id: 'gd', learningRate: 0.05 }, gradient: { kind: 'forward', h: 0.5 }, steps: 20 });
    for (let k = 0; k < exact.points.length; k++) expect(central.points[k]).toBeCloseTo(exact.points[k], 6);
    expect(Math.abs(forward.points[3] - exact.points[3])).toBeGreaterThan(1e-3);
  });

  it('climbs when asked to maximise', () => {
    const run = simulate({
      surface: { id: 'custom', expression: '-(x - 1)^2 - (y + 0.5)^2', view: square, start: [0, 0] },
      optimizer: { id: 'gd', learningRate: 0.1 },
      maximize: true,
      steps: 200,
    });
    expect(run.points[run.points.length - 3]).toBeCloseTo(1, 9);
    expect(run.points[run.points.length - 2]).toBeCloseTo(-0.5, 9);
  });
});

describe('prepareCustomSurface', () => {
  it('gives the evaluator and default start of createCustomSurface without searching critical points', () => {
    const options = { expression: '(x + 2*y - 7)^2 + (2*x + y - 5)^2', view: { x: [-10, 10] as [number, number], y: [-10, 10] as [number, number] } };
    const prepared = prepareCustomSurface(options);
    const built = createCustomSurface(options);
    if (!prepared.ok || !built.ok) throw new Error('expected both to succeed');
    expect(prepared.start).toEqual(built.surface.start);
    expect(prepared.evaluator.value(1, 3)).toBe(0);
  });

  it('reports the same problems as createCustomSurface', () => {
    const view = { x: [-1, 1] as [number, number], y: [-1, 1] as [number, number] };
    for (const options of [{ expression: 'cos(x', view }, { expression: 'log(-1 - x^2)', view }, { expression: 'x', view: { x: [1, 1] as [number, number], y: [0, 1] as [number, number] } }]) {
      expect(prepareCustomSurface(options)).toEqual(createCustomSurface(options));
    }
  });
});
