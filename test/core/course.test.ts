/**
 * The course notes' own experiments (see /work/shared/seeds), checked against
 * numbers worked out by hand or with python3. Each script is pasted next to
 * the numbers it produced so anyone can rerun it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { learningRateAt, simulate } from '../../src/core/index';
import type { OptimizerConfig, ScheduleConfig } from '../../src/core/index';
import { largestRelativeError, referenceLearningRate, referenceSurfaces, runReference, type Pair } from './reference';

const point = (points: Float64Array, k: number): Pair => [points[3 * k], points[3 * k + 1]];
const xs = (points: Float64Array) => Array.from({ length: points.length / 3 }, (_, k) => points[3 * k]);

describe("the notes' hand-worked steps on f = x² (bowl along y = 0)", () => {
  it('one gd step from 2 at η = 0.01 lands on 1.96', () => {
    // 2 − 0.01·(2·2) = 1.96
    const run = simulate({ surface: 'bowl', optimizer: { id: 'gd', learningRate: 0.01 }, start: [2, 0], steps: 1 });
    expect(run.points[3]).toBeCloseTo(1.96, 15);
    expect(run.points[4]).toBe(0);
    expect(run.points[5]).toBeCloseTo(1.96 ** 2, 14);
  });

  it('one gd step from −3 at η = 0.1 lands on −2.4', () => {
    // −3 − 0.1·(2·(−3)) = −2.4
    const run = simulate({ surface: 'bowl', optimizer: { id: 'gd', learningRate: 0.1 }, start: [-3, 0], steps: 1 });
    expect(run.points[3]).toBeCloseTo(-2.4, 15);
    expect(run.points[5]).toBeCloseTo(5.76, 14);
  });
});

/*
 * python3: GD on x² + y² from (−1, 1), 100 steps, stop when |x| or |y| passes 1e6.
 *   for lr in [10, 1.1, 1, 0.1, 0.01]:
 *       x, y = -1.0, 1.0
 *       for t in range(1, 101):
 *           x, y = x - lr * (2 * x), y - lr * (2 * y)
 *           if abs(x) > 1e6 or abs(y) > 1e6: print(lr, 'stops at', t); break
 *       print(lr, repr(x), repr(x * x + y * y))
 * → 10 stops at 5; 1.1 stops at 76; 1: x = −1.0, f = 2.0;
 *   0.1: x = −2.0370359763344877e-10, f = 8.299031137761999e-20; 0.01: x = −0.13261955589475316, f = 0.03517589321144311
 */
describe("the notes' learning-rate experiment on bowl from (−1, 1), 100 steps", () => {
  const run = (learningRate: number) =>
    simulate({ surface: 'bowl', optimizer: { id: 'gd', learningRate }, start: [-1, 1], steps: 100 });

  it('η = 10 multiplies x by −19 each step and diverges at step 5', () => {
    const r = run(10);
    expect(r.status).toBe('diverged');
    expect(r.stoppedAt).toBe(5);
    expect(r.steps).toBe(4);
    // x_t = −(−19)^t exactly: 19⁵ = 2 476 099 is the first past 1e6.
    expect(xs(r.points)).toEqual([-1, 19, -361, 6859, -130321]);
    expect(r.message).toMatch(/5/);
  });

  it('η = 1.1 multiplies x by −1.2 each step and diverges at step 76', () => {
    const r = run(1.1);
    expect(r.status).toBe('diverged');
    expect(r.stoppedAt).toBe(76);
    expect(r.steps).toBe(75);
    // x75 = 1.2^75 = 868147.369…, still inside the bound; x76 would be −1.04e6.
    const [x75, y75] = point(r.points, 75);
    expect(x75).toBeCloseTo(868147.3693135647, 6);
    expect(y75).toBe(-x75);
    expect(Array.from(r.points).every(Number.isFinite)).toBe(true);
  });

  it('η = 1 oscillates between −1 and 1 exactly', () => {
    const r = run(1);
    expect(r.status).toBe('budget');
    expect(r.stoppedAt).toBe(100);
    expect(r.steps).toBe(100);
    for (let k = 0; k <= 100; k++) {
      const sign = k % 2 === 0 ? 1 : -1;
      expect(point(r.points, k)).toEqual([-sign, sign]);
      expect(r.points[3 * k + 2]).toBe(2);
    }
  });

  it('η = 0.1 shrinks x by 0.8 each step and converges to f ≈ 8.3e-20', () => {
    const r = run(0.1);
    expect(r.status).toBe('budget');
    const [x, y] = point(r.points, 100);
    expect(x).toBeCloseTo(-2.0370359763344877e-10, 22);
    expect(y).toBe(-x);
    expect(r.points[3 * 100 + 2] / 8.299031137761999e-20).toBeCloseTo(1, 10);
  });

  it('η = 0.01 shrinks x by only 0.98 each step and is still far after 100 steps (f ≈ 0.0352)', () => {
    const r = run(0.01);
    expect(r.status).toBe('budget');
    expect(point(r.points, 100)[0]).toBeCloseTo(-0.13261955589475316, 13);
    expect(r.points[302]).toBeCloseTo(0.03517589321144311, 13);
  });

  it("a tolerance of 1e-7 on ‖Δx‖ (the notes' gradient_descent) stops η = 0.1 at step 68", () => {
    // ‖Δx_t‖ = 0.2·0.8^(t−1)·√2 first falls below 1e-7 at t = 68 (python3 loop as above).
    const r = simulate({ surface: 'bowl', optimizer: { id: 'gd', learningRate: 0.1 }, start: [-1, 1], steps: 1000, tolerance: 1e-7 });
    expect(r.status).toBe('converged');
    expect(r.stoppedAt).toBe(68);
    expect(r.steps).toBe(68);
  });
});

/*
 * Saito, "Deep Learning from Scratch" ch. 6 (optimizer_compare_naive.py), with Optiscope's PyTorch defaults.
 * python3, with run() and ellipse_g() from the header of optimizers.reference.test.ts:
 *   for opt, lr, h in [('gd', 0.95, {}), ('momentum', 0.1, {'beta': 0.9}),
 *                      ('adagrad', 1.5, {'eps': 1e-10}), ('adam', 0.3, {'b1': 0.9, 'b2': 0.999, 'eps': 1e-8})]:
 *       print(opt, run(opt, ellipse_g, (-7, 2), 30, lr, **h)[-1])
 * Saito's own classes (ε = 1e-7, Adam via lr_t = lr·√(1 − β2ᵗ)/(1 − β1ᵗ)) end at
 *   sgd (−0.3503929957523197, 0.0847823165504322), momentum (0.896413858493733, 0.08808560171506971),
 *   adagrad (−0.12016232231416045, 2.486389893984459e-17), adam (0.13600685239498186, 0.31824537553721943).
 */
describe("Saito's ch. 6 figure on ellipse from (−7, 2), 30 steps", () => {
  const panels: Array<[string, OptimizerConfig, Pair, Pair]> = [
    ['SGD at η = 0.95', { id: 'gd', learningRate: 0.95 }, [-0.3503929957523197, 0.0847823165504322], [-0.3503929957523197, 0.0847823165504322]],
    ['Momentum at η = 0.1', { id: 'momentum', learningRate: 0.1 }, [0.8964138584937322, 0.08808560171506963], [0.896413858493733, 0.08808560171506971]],
    ['AdaGrad at η = 1.5', { id: 'adagrad', learningRate: 1.5 }, [-0.12016224724728575, 2.4863841159975314e-17], [-0.12016232231416045, 2.486389893984459e-17]],
    ['Adam at η = 0.3', { id: 'adam', learningRate: 0.3 }, [0.1360146173262318, 0.31824538889630966], [0.13600685239498186, 0.31824537553721943]],
  ];

  it.each(panels)('%s ends where python3 says', (_name, optimizer, expected) => {
    const r = simulate({ surface: 'ellipse', optimizer, start: [-7, 2], steps: 30 });
    expect(r.steps).toBe(30);
    const end = point(r.points, 30);
    expect(end[0]).toBeCloseTo(expected[0], 12);
    expect(end[1] / expected[1]).toBeCloseTo(1, 10);
  });

  it.each(panels)('%s follows the reference at every step', (_name, optimizer) => {
    const r = simulate({ surface: 'ellipse', optimizer, start: [-7, 2], steps: 30 });
    const ref = runReference({ surface: referenceSurfaces.ellipse, optimizer, start: [-7, 2], steps: 30 });
    expect(largestRelativeError(r.points, ref.points)).toBeLessThanOrEqual(1e-12);
  });

  it.each(panels)("%s stays within 1e-4 of Saito's own code (only ε differs)", (_name, optimizer, _expected, saito) => {
    const end = point(simulate({ surface: 'ellipse', optimizer, start: [-7, 2], steps: 30 }).points, 30);
    expect(Math.abs(end[0] - saito[0])).toBeLessThan(1e-4);
    expect(Math.abs(end[1] - saito[1])).toBeLessThan(1e-4);
  });

  it('SGD at η = 0.95 zig-zags: y changes sign at every step (factor 1 − 2·0.95 = −0.9)', () => {
    const r = simulate({ surface: 'ellipse', optimizer: { id: 'gd', learningRate: 0.95 }, start: [-7, 2], steps: 30 });
    for (let k = 1; k <= 30; k++) expect(r.points[3 * k + 1] / r.points[3 * k - 2]).toBeCloseTo(-0.9, 12);
  });
});

describe('learning-rate schedules', () => {
  const cases: Array<[string, ScheduleConfig, number, Array<[number, number]>]> = [
    ['constant', { kind: 'constant' }, 0.3, [[0, 0.3], [7, 0.3], [1000, 0.3]]],
    ['inverse-time η0/(1 + k·n), k = 0.5', { kind: 'inverse-time', k: 0.5 }, 0.5, [[0, 0.5], [1, 1 / 3], [4, 1 / 6], [98, 0.01]]],
    ['exponential η0·γⁿ, γ = 0.95', { kind: 'exponential', gamma: 0.95 }, 0.2, [[0, 0.2], [1, 0.19], [2, 0.1805], [10, 0.11974738784767575]]],
    ['inverse-sqrt η0/√(n + 1)', { kind: 'inverse-sqrt' }, 0.3, [[0, 0.3], [3, 0.15], [8, 0.1], [99, 0.03]]],
    ['step η0·γ^⌊n/s⌋, γ = 0.5, s = 25', { kind: 'step', gamma: 0.5, every: 25 }, 1, [[0, 1], [24, 1], [25, 0.5], [49, 0.5], [50, 0.25], [99, 0.125]]],
    ['constant with a 4-step linear warm-up ((n + 1)/w while n < w)', { kind: 'constant', warmup: 4 }, 0.4,
      [[0, 0.1], [1, 0.2], [2, 0.3], [3, 0.4], [4, 0.4], [100, 0.4]]],
    ['step decay under a 4-step warm-up (the two multiply)', { kind: 'step', gamma: 0.5, every: 2, warmup: 4 }, 1,
      [[0, 0.25], [1, 0.5], [2, 0.375], [3, 0.5], [4, 0.25], [6, 0.125]]],
  ];

  it.each(cases)('%s gives the hand-computed rates', (_name, schedule, base, table) => {
    for (const [n, expected] of table) expect(learningRateAt(schedule, base, n), `n = ${n}`).toBeCloseTo(expected, 15);
  });

  it('every schedule without warm-up agrees with the reference formula for n up to 500', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<ScheduleConfig>(
          { kind: 'inverse-time', k: 0.3 }, { kind: 'exponential', gamma: 0.99 }, { kind: 'inverse-sqrt' },
          { kind: 'step', gamma: 0.7, every: 7 },
        ),
        fc.double({ min: 1e-4, max: 10, noNaN: true }),
        fc.integer({ min: 0, max: 500 }),
        (schedule, base, n) => {
          const expected = referenceLearningRate(schedule as Parameters<typeof referenceLearningRate>[0], base, n);
          expect(Math.abs(learningRateAt(schedule, base, n) - expected)).toBeLessThanOrEqual(1e-14 * expected);
        },
      ),
    );
  });

  it('simulate uses the scheduled rate at every step and reports it when explaining', () => {
    const schedule: ScheduleConfig = { kind: 'step', gamma: 0.5, every: 2 };
    const r = simulate({ surface: 'ellipse', optimizer: { id: 'gd', learningRate: 0.8 }, start: [-7, 2], steps: 6, schedule, explain: true });
    expect(Array.from(r.explain!.learningRates)).toEqual([0.8, 0.8, 0.4, 0.4, 0.2, 0.2]);
    // y_{t} = y_{t−1}·(1 − 2η_t): 2 → −1.2 → 0.72 → 0.144 → 0.0288 → 0.01728 → 0.010368
    const ys = Array.from({ length: 7 }, (_, k) => r.points[3 * k + 1]);
    expect(largestRelativeError(ys, [2, -1.2, 0.72, 0.144, 0.0288, 0.01728, 0.010368])).toBeLessThan(1e-14);
  });

  it('warm-up reaches the optimizer: the first gd step on bowl is a quarter of the full one', () => {
    const r = simulate({ surface: 'bowl', optimizer: { id: 'gd', learningRate: 0.4 }, start: [-1, 1], steps: 5, schedule: { kind: 'constant', warmup: 4 }, explain: true });
    expect(Array.from(r.explain!.learningRates).map((v) => +v.toFixed(15))).toEqual([0.1, 0.2, 0.3, 0.4, 0.4]);
    // x1 = −1·(1 − 2·0.1) = −0.8, x2 = −0.8·(1 − 0.4) = −0.48
    expect(r.points[3]).toBeCloseTo(-0.8, 15);
    expect(r.points[6]).toBeCloseTo(-0.48, 15);
  });
});

describe('newton', () => {
  it('lands on the minimum of the ellipse in one step from anywhere at η = 1', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.double({ min: -1e3, max: 1e3, noNaN: true }), (x, y) => {
        const r = simulate({ surface: 'ellipse', optimizer: { id: 'newton' }, start: [x, y], steps: 1 });
        const scale = Math.max(1, Math.abs(x), Math.abs(y));
        expect(Math.abs(r.points[3])).toBeLessThanOrEqual(1e-15 * scale);
        expect(Math.abs(r.points[4])).toBeLessThanOrEqual(1e-15 * scale);
      }),
    );
  });

  it('walks into the saddle point (0, 0) of x² − y² in one step and stays there', () => {
    // H = diag(2, −2), g = (2x, −2y), so H⁻¹g = (x, y): Newton seeks any critical point, a saddle included.
    const r = simulate({ surface: 'saddle', optimizer: { id: 'newton' }, start: [-0.9, 0.01], steps: 5, tolerance: 1e-12 });
    expect(point(r.points, 1)).toEqual([0, 0]);
    expect(r.status).toBe('converged');
    expect(r.stoppedAt).toBe(2);
  });

  it('is never singular on bowl (det H = 4)', () => {
    const r = simulate({ surface: 'bowl', optimizer: { id: 'newton', learningRate: 0.5 }, start: [2.5, -1], steps: 50 });
    expect(r.status).toBe('budget');
    expect(r.steps).toBe(50);
  });

  it('stops as singular at once on bumpy where x = 0, since f_xx(0, y) = −2π·sin 0 − 0 = 0', () => {
    const r = simulate({ surface: 'bumpy', optimizer: { id: 'newton' }, start: [0, 1], steps: 10 });
    expect(r.status).toBe('singular');
    expect(r.stoppedAt).toBe(1);
    expect(r.steps).toBe(0);
    expect(Array.from(r.points.slice(0, 2))).toEqual([0, 1]);
    expect(r.points.length).toBe(3);
  });

  it('stops as singular on rosenbrock at (0, 0.005), where det H = 400 − 80000·y + 80000·x² = 0', () => {
    const r = simulate({ surface: 'rosenbrock', optimizer: { id: 'newton' }, start: [0, 0.005], steps: 10 });
    expect(r.status).toBe('singular');
    expect(r.stoppedAt).toBe(1);
  });

  /*
   * python3: plateau tanh(u), u = x² + y², s = 1 − tanh²u, t = tanh u;
   *   H = [2s − 8x²st, −8xyst, 2s − 8y²st], det = 4s²(1 − 4tu).
   *   From (2, 1.5) Newton walks outward (H is indefinite there); det at the iterates:
   *   −2.1e-8, −2.8e-9, −3.6e-10, −4.7e-11, −6.2e-12, then −8.09e-13 at (2.3847466899411125, 1.7885600174558343).
   */
  it('climbs off the plateau from its default start and stops as singular at step 6', () => {
    const r = simulate({ surface: 'plateau', optimizer: { id: 'newton' }, start: [2, 1.5], steps: 100 });
    expect(r.status).toBe('singular');
    expect(r.stoppedAt).toBe(6);
    expect(r.steps).toBe(5);
    expect(point(r.points, 5)[0]).toBeCloseTo(2.3847466899411125, 9);
    expect(point(r.points, 5)[1]).toBeCloseTo(1.7885600174558343, 9);
    const ref = runReference({ surface: referenceSurfaces.plateau, optimizer: { id: 'newton' }, start: [2, 1.5], steps: 100 });
    expect(ref.status).toBe('singular');
    expect(largestRelativeError(r.points, ref.points)).toBeLessThanOrEqual(1e-10);
  });

  it('stops as singular far out on the plateau at (3, 3), where |det H| ≈ 2e-28', () => {
    const r = simulate({ surface: 'plateau', optimizer: { id: 'newton' }, start: [3, 3], steps: 10 });
    expect(r.status).toBe('singular');
    expect(r.stoppedAt).toBe(1);
  });
});

describe('maximize (gradient ascent, the notes\' maximize_batch)', () => {
  it('climbs the saddle along x and flattens y: x_t = −0.9·1.2^t, y_t = 0.01·0.8^t', () => {
    const r = simulate({ surface: 'saddle', optimizer: { id: 'gd', learningRate: 0.1 }, start: [-0.9, 0.01], steps: 10, maximize: true });
    const [x, y] = point(r.points, 10);
    expect(x).toBeCloseTo(-5.57256278016, 12);
    expect(y).toBeCloseTo(0.001073741824, 15);
    // f is the surface's own value and rises at every step.
    for (let k = 1; k <= 10; k++) expect(r.points[3 * k + 2]).toBeGreaterThan(r.points[3 * k - 1]);
    expect(r.points[32]).toBeCloseTo(x * x - y * y, 12);
  });

  it('runs away from the minimum of bowl, which has no maximum, and diverges at step 76', () => {
    // x_t = −1.2^t; 1.2^76 ≈ 1.04e6 is the first past 1e6.
    const r = simulate({ surface: 'bowl', optimizer: { id: 'gd', learningRate: 0.1 }, start: [-1, 1], steps: 200, maximize: true });
    expect(r.status).toBe('diverged');
    expect(r.stoppedAt).toBe(76);
  });

  it('reaches a local maximum of bumpy, where the gradient vanishes and both curvatures are negative', () => {
    const r = simulate({ surface: 'bumpy', optimizer: { id: 'gd', learningRate: 0.02 }, start: [-0.8, 1.6], steps: 2000, maximize: true });
    const [x, y] = point(r.points, r.steps);
    const [gx, gy] = referenceSurfaces.bumpy.gradient(x, y);
    const [hxx, , hyy] = referenceSurfaces.bumpy.hessian(x, y);
    expect(Math.hypot(gx, gy)).toBeLessThan(1e-9);
    expect(hxx).toBeLessThan(0);
    expect(hyy).toBeLessThan(0);
  });

  it('newton takes the same steps whether maximizing or not, since (−H)⁻¹(−g) = H⁻¹g', () => {
    const config = { surface: 'bumpy' as const, optimizer: { id: 'newton' as const, learningRate: 0.8 }, start: [-0.8, 1.6] as Pair, steps: 40 };
    expect(simulate({ ...config, maximize: true }).points).toEqual(simulate(config).points);
  });

  it.each<OptimizerConfig>([
    { id: 'gd', learningRate: 0.02 }, { id: 'momentum', learningRate: 0.01 }, { id: 'nesterov', learningRate: 0.01 },
    { id: 'adagrad', learningRate: 0.1 }, { id: 'rmsprop', learningRate: 0.01 }, { id: 'adadelta' },
    { id: 'adam', learningRate: 0.05 }, { id: 'adamw', learningRate: 0.05 }, { id: 'newton' }, { id: 'linesearch' },
  ])('$id maximizing bumpy follows the reference run on −f', (optimizer) => {
    const r = simulate({ surface: 'bumpy', optimizer, start: [-0.8, 1.6], steps: 100, maximize: true });
    const ref = runReference({ surface: referenceSurfaces.bumpy, optimizer, start: [-0.8, 1.6], steps: 100, maximize: true });
    expect(r.status).toBe(ref.status);
    expect(largestRelativeError(r.points, ref.points)).toBeLessThanOrEqual(1e-12);
  });
});

describe("line search, the notes' minimize_batch", () => {
  it('picks the step 0.1 on bowl from (−1, 1): the step 1 only mirrors the point and does not lower f', () => {
    // Candidates x(1 − 2s): s = 1 gives (1, −1) with f = 2 = f0; s = 0.1 gives (−0.8, 0.8) with f = 1.28, the lowest.
    const r = simulate({ surface: 'bowl', optimizer: { id: 'linesearch' }, start: [-1, 1], steps: 3 });
    expect(point(r.points, 1)).toEqual([-0.8, 0.8]);
    expect(point(r.points, 3)[0]).toBeCloseTo(-0.512, 15);
  });

  it('stalls at step 1 when started at the bottom of bowl, where no step lowers f', () => {
    const r = simulate({ surface: 'bowl', optimizer: { id: 'linesearch' }, start: [0, 0], steps: 10 });
    expect(r.status).toBe('stalled');
    expect(r.stoppedAt).toBe(1);
    expect(r.steps).toBe(0);
    expect(Array.from(r.points)).toEqual([0, 0, 0]);
  });
});

describe("the notes' numerical gradient", () => {
  it('a forward difference with h = 10 leads gd on bowl to (−5, −5) instead of the minimum', () => {
    // (f(x + h) − f(x))/h = 2x + h on x², so x ← x − 0.1(2x + 10) = 0.8x − 1, whose fixed point is −5.
    const r = simulate({ surface: 'bowl', optimizer: { id: 'gd', learningRate: 0.1 }, start: [-1, 1], steps: 200, gradient: { kind: 'forward', h: 10 } });
    const [x, y] = point(r.points, 200);
    expect(x).toBeCloseTo(-5, 9);
    expect(y).toBeCloseTo(-5, 9);
    expect(r.points[3]).toBeCloseTo(-1.8, 12);
  });

  it('a central difference is exact on a quadratic, so the path matches the analytic one', () => {
    const base = { surface: 'ellipse' as const, optimizer: { id: 'gd' as const, learningRate: 0.5 }, start: [-7, 2] as Pair, steps: 50 };
    const analytic = simulate(base).points;
    const central = simulate({ ...base, gradient: { kind: 'central', h: 0.5 } }).points;
    expect(largestRelativeError(central, analytic)).toBeLessThan(1e-9);
  });
});
