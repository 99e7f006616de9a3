/**
 * Every optimizer of issue 2 against two independent oracles:
 * literal numbers computed with python3 (script below), and the scalar
 * reference in ./reference.ts (PyTorch's torch.optim pseudo-code). The literal
 * numbers guard against a misunderstanding shared by the core and the reference.
 *
 * The literal first iterates come from this script (python3, no numpy); the
 * copy used to write this file is reproduced here so anyone can rerun it:
 *
 *   import math
 *   def ellipse_g(x, y): return (x / 10, 2 * y)
 *   def run(opt, g, start, n, lr, **h):
 *       p = list(start); st = {}; out = []
 *       for t in range(1, n + 1):
 *           gr = g(*p)
 *           for i in range(2):
 *               gi = gr[i]; k = lambda name: name + str(i)
 *               if opt == 'gd': p[i] -= lr * gi
 *               elif opt == 'momentum':
 *                   v = h['beta'] * st.get(k('v'), 0) + ((1 - h['beta']) * gi if h.get('ema') else gi)
 *                   st[k('v')] = v; p[i] -= lr * v
 *               elif opt == 'nesterov':
 *                   v = h['beta'] * st.get(k('v'), 0) + gi; st[k('v')] = v; p[i] -= lr * (gi + h['beta'] * v)
 *               elif opt == 'adagrad':
 *                   s = st.get(k('s'), 0) + gi * gi; st[k('s')] = s; p[i] -= lr * gi / (math.sqrt(s) + h['eps'])
 *               elif opt == 'rmsprop':
 *                   s = h['beta'] * st.get(k('s'), 0) + (1 - h['beta']) * gi * gi; st[k('s')] = s
 *                   p[i] -= lr * gi / (math.sqrt(s) + h['eps'])
 *               elif opt == 'adadelta':
 *                   s = h['beta'] * st.get(k('s'), 0) + (1 - h['beta']) * gi * gi; st[k('s')] = s
 *                   u = st.get(k('u'), 0)
 *                   d = math.sqrt(u + h['eps']) / math.sqrt(s + h['eps']) * gi
 *                   st[k('u')] = h['beta'] * u + (1 - h['beta']) * d * d; p[i] -= lr * d
 *               elif opt in ('adam', 'adamw'):
 *                   if opt == 'adamw': p[i] *= 1 - lr * h['wd']
 *                   b1, b2, eps = h['b1'], h['b2'], h['eps']
 *                   m = b1 * st.get(k('m'), 0) + (1 - b1) * gi; st[k('m')] = m
 *                   s = b2 * st.get(k('s'), 0) + (1 - b2) * gi * gi; st[k('s')] = s
 *                   if h.get('ams'): s = max(st.get(k('smax'), 0), s); st[k('smax')] = s
 *                   if h.get('bc', True):
 *                       p[i] -= lr * (m / (1 - b1 ** t)) / (math.sqrt(s) / math.sqrt(1 - b2 ** t) + eps)
 *                   else: p[i] -= lr * m / (math.sqrt(s) + eps)
 *           out.append(tuple(p))
 *       return out
 *   print(run('adam', ellipse_g, (-7, 2), 3, 0.3, b1=0.9, b2=0.999, eps=1e-8))   # etc., one call per row below
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, optimizerDefaults, simulate } from '../../src/core/index';
import type { OptimizerConfig, SurfaceSpec } from '../../src/core/index';
import { largestRelativeError, referenceSurfaces, runReference, type Pair, type ReferenceSurface } from './reference';

const ellipseStart: Pair = [-7, 2];

function firstIterates(optimizer: OptimizerConfig, count = 3): Pair[] {
  const { points } = simulate({ surface: 'ellipse', optimizer, start: ellipseStart, steps: count });
  const out: Pair[] = [];
  for (let k = 1; k <= count; k++) out.push([points[3 * k], points[3 * k + 1]]);
  return out;
}

function referenceIterates(optimizer: OptimizerConfig, count = 3): Pair[] {
  const { points } = runReference({ surface: referenceSurfaces.ellipse, optimizer, start: ellipseStart, steps: count });
  const out: Pair[] = [];
  for (let k = 1; k <= count; k++) out.push([points[3 * k], points[3 * k + 1]]);
  return out;
}

const adamHyper = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };

/** (name, config with every hyperparameter spelled out, python3's first three iterates on the ellipse from (−7, 2)). */
const literalCases: Array<[string, OptimizerConfig, Pair[]]> = [
  ['gd at η = 0.1', { id: 'gd', learningRate: 0.1 }, [[-6.93, 1.6], [-6.8607, 1.28], [-6.7920929999999995, 1.024]]],
  ['heavy-ball momentum at η = 0.1, β = 0.9', { id: 'momentum', learningRate: 0.1, beta: 0.9, form: 'heavy-ball' },
    [[-6.93, 1.6], [-6.7977, 0.9199999999999999], [-6.610653, 0.12399999999999978]]],
  ["Ng's EMA momentum at η = 0.1, β = 0.9 (v starts at 0, so v1 = (1 − β)g)", { id: 'momentum', learningRate: 0.1, beta: 0.9, form: 'ema' },
    [[-6.993, 1.96], [-6.979707, 1.8848], [-6.960763593, 1.7794240000000001]]],
  ['nesterov at η = 0.1, β = 0.9', { id: 'nesterov', learningRate: 0.1, beta: 0.9 },
    [[-6.867, 1.24], [-6.679827, 0.4448], [-6.446257587000001, -0.216704]]],
  ['adagrad at η = 1.5, ε = 1e-10', { id: 'adagrad', learningRate: 1.5, epsilon: 1e-10 },
    [[-5.5000000002142855, 0.5000000000375], [-4.573267672398207, 0.1361965624661438], [-3.88784200180284, 0.0373145619568057]]],
  ['adagrad with a large ε = 0.5 (ε outside the square root)', { id: 'adagrad', learningRate: 1.5, epsilon: 0.5 },
    [[-6.125, 0.6666666666666667], [-5.482579369913138, 0.24261174530982932], [-4.961981096050696, 0.0891958923870099]]],
  ['rmsprop at η = 0.1, β = 0.99, ε = 1e-8', { id: 'rmsprop', learningRate: 0.1, beta: 0.99, epsilon: 1e-8 },
    [[-6.000000142857123, 1.0000000249999998], [-5.347324871769667, 0.5509867710515483], [-4.842632941838202, 0.3096873875871078]]],
  ['rmsprop with a large ε = 0.5 (ε outside the square root)', { id: 'rmsprop', learningRate: 0.1, beta: 0.99, epsilon: 0.5 },
    [[-6.87719298245614, 1.5555555555555556], [-6.762166755609024, 1.246042602850079], [-6.652846379799512, 1.0111661726668142]]],
  ['adadelta at η = 1, β = 0.9, ε = 1e-6', { id: 'adadelta', learningRate: 1, beta: 0.9, epsilon: 1e-6 },
    [[-6.996837754607477, 1.996837723328043], [-6.993594054674631, 1.993595728929903], [-6.990294947326747, 1.9903007524197172]]],
  ['adadelta with ε = 0.01 (ε inside both square roots)', { id: 'adadelta', learningRate: 1, beta: 0.9, epsilon: 0.01 },
    [[-6.711814560642583, 1.6847558375043596], [-6.423422801621802, 1.3888551623576821], [-6.138942388136485, 1.126259736710491]]],
  ['adam at η = 0.3 with bias correction', { id: 'adam', learningRate: 0.3, ...adamHyper, biasCorrection: true, amsgrad: false },
    [[-6.700000004285714, 1.70000000075], [-6.40041430171718, 1.4022453286049847], [-6.101545880214859, 1.1089114798306547]]],
  ['adam with a large ε = 0.5 (ε added after the bias-corrected square root)', { id: 'adam', learningRate: 0.3, ...adamHyper, epsilon: 0.5 },
    [[-6.825, 1.7333333333333334], [-6.65104157808352, 1.4703436504350207], [-6.478218095808159, 1.2126623516540143]]],
  ['adam without bias correction', { id: 'adam', learningRate: 0.3, ...adamHyper, biasCorrection: false },
    [[-6.051317130520721, 1.051316776949481], [-4.784613437866051, -0.1463270151476037], [-3.3355989905178838, -1.1611234104968555]]],
  ['adam at η = 1, β2 = 0.5 (no amsgrad; s shrinks at step 2)', { id: 'adam', learningRate: 1, beta1: 0.9, beta2: 0.5, epsilon: 1e-8 },
    [[-6.000000014285714, 1.0000000025], [-4.980659124706616, -0.042052092468518154], [-3.924725882336075, -1.0291049851923935]]],
  ['amsgrad at η = 1, β2 = 0.5 (the running max of s is used)', { id: 'adam', learningRate: 1, beta1: 0.9, beta2: 0.5, epsilon: 1e-8, amsgrad: true },
    [[-6.000000014285714, 1.0000000025], [-4.980659124706616, 0.09755641501097068], [-3.973345031815552, -0.5413184281486353]]],
  ['adamw at η = 0.3, λ = 0.5 (decay first, gradient from before the decay)', { id: 'adamw', learningRate: 0.3, ...adamHyper, weightDecay: 0.5 },
    [[-5.650000004285714, 1.40000000075], [-4.505853775968898, 0.8972838513179571], [-3.5390991983682962, 0.4841707942135639]]],
  ['newton at η = 0.5 (halfway to the minimum each step)', { id: 'newton', learningRate: 0.5 },
    [[-3.5, 1], [-1.75, 0.5], [-0.875, 0.25]]],
  ["linesearch (the course's minimize_batch picks the step 0.1 here)", { id: 'linesearch' },
    [[-6.93, 1.6], [-6.8607, 1.28], [-6.7920929999999995, 1.024]]],
];

function expectPairsClose(actual: Pair[], expected: Pair[], relative: number) {
  expect(actual.length).toBe(expected.length);
  const error = largestRelativeError(actual.flat(), expected.flat());
  if (!(error <= relative)) {
    // Show both sequences in the failure message, not only the size of the error.
    expect(actual).toEqual(expected);
  }
  expect(error).toBeLessThanOrEqual(relative);
}

describe('the first three iterates on the ellipse from (−7, 2)', () => {
  it.each(literalCases)('the reference reproduces the python3 numbers for %s', (_name, optimizer, expected) => {
    expectPairsClose(referenceIterates(optimizer), expected, 1e-14);
  });

  it.each(literalCases)('the core reproduces the python3 numbers for %s', (_name, optimizer, expected) => {
    expectPairsClose(firstIterates(optimizer), expected, 1e-13);
  });

  it('amsgrad and plain adam part ways once the second moment shrinks', () => {
    const plain = firstIterates({ id: 'adam', learningRate: 1, beta2: 0.5 });
    const ams = firstIterates({ id: 'adam', learningRate: 1, beta2: 0.5, amsgrad: true });
    expect(ams[0]).toEqual(plain[0]);
    expect(Math.abs(ams[1][1] - plain[1][1])).toBeGreaterThan(0.1);
  });

  it('newton at η = 1 on the ellipse lands on the minimum in one step', () => {
    const [first, second] = firstIterates({ id: 'newton', learningRate: 1 }, 2);
    for (const value of [...first, ...second]) expect(Math.abs(value)).toBeLessThan(1e-14);
  });
});

/** Every variant, with hyperparameters that make each term of its rule matter. */
const variants: Array<[string, OptimizerConfig]> = [
  ['gd', { id: 'gd', learningRate: 0.15 }],
  ['heavy-ball momentum', { id: 'momentum', learningRate: 0.05, beta: 0.9 }],
  ['EMA momentum', { id: 'momentum', learningRate: 0.3, beta: 0.8, form: 'ema' }],
  ['nesterov', { id: 'nesterov', learningRate: 0.05, beta: 0.85 }],
  ['adagrad', { id: 'adagrad', learningRate: 0.7, epsilon: 1e-3 }],
  ['rmsprop', { id: 'rmsprop', learningRate: 0.05, beta: 0.95, epsilon: 1e-3 }],
  ['adadelta', { id: 'adadelta', learningRate: 1, beta: 0.9, epsilon: 1e-4 }],
  ['adam', { id: 'adam', learningRate: 0.1, beta1: 0.8, beta2: 0.99, epsilon: 1e-3 }],
  ['adam without bias correction', { id: 'adam', learningRate: 0.05, beta1: 0.8, beta2: 0.99, epsilon: 1e-3, biasCorrection: false }],
  ['amsgrad', { id: 'adam', learningRate: 0.2, beta1: 0.7, beta2: 0.6, epsilon: 1e-3, amsgrad: true }],
  // A large step with a short β2 memory makes s fall and rise again, so the running max matters late in the run too.
  ['amsgrad with a short memory', { id: 'adam', learningRate: 0.2, beta1: 0.5, beta2: 0.3, epsilon: 1e-6, amsgrad: true }],
  ['amsgrad without bias correction', { id: 'adam', learningRate: 0.05, beta2: 0.6, biasCorrection: false, amsgrad: true }],
  ['adamw', { id: 'adamw', learningRate: 0.1, beta1: 0.8, beta2: 0.99, epsilon: 1e-3, weightDecay: 0.3 }],
  ['newton', { id: 'newton', learningRate: 0.7 }],
  ['linesearch', { id: 'linesearch' }],
];

const surfaces: Array<[string, SurfaceSpec, ReferenceSurface, Pair]> = [
  ['ellipse', 'ellipse', referenceSurfaces.ellipse, [-7, 2]],
  ['bumpy', 'bumpy', referenceSurfaces.bumpy, [-0.8, 1.6]],
  ['bumpy with the ripple 0.2', { id: 'bumpy', ripple: 0.2 }, referenceSurfaces.bumpyRipple, [-0.8, 1.6]],
];

describe('the core against the reference for 200 steps', () => {
  for (const [label, surface, reference, start] of surfaces) {
    it.each(variants)(`%s on ${label} agrees with the reference to a relative 1e-12`, (_name, optimizer) => {
      const core = simulate({ surface, optimizer, start, steps: 200 });
      const ref = runReference({ surface: reference, optimizer, start, steps: 200 });
      expect(core.status).toBe(ref.status);
      expect(core.stoppedAt).toBe(ref.stoppedAt);
      expect(core.steps).toBe(ref.points.length / 3 - 1);
      expect(largestRelativeError(core.points, ref.points)).toBeLessThanOrEqual(1e-12);
    });
  }

  it('linesearch on bumpy jumps to ever lower valleys and is stopped as diverged at step 5', () => {
    // The 100- and 10-sized steps find far, deep valleys of x·cos(πx); by step 5 |x| passes 1e6.
    const core = simulate({ surface: 'bumpy', optimizer: { id: 'linesearch' }, start: [-0.8, 1.6], steps: 200 });
    expect(core.status).toBe('diverged');
    expect(core.stoppedAt).toBe(5);
    expect(core.steps).toBe(4);
    expect(Array.from(core.points).every(Number.isFinite)).toBe(true);
  });

  it('a time-varying learning rate reaches every optimizer as η at step t (inverse-sqrt schedule)', () => {
    for (const [, optimizer] of variants) {
      if (optimizer.id === 'linesearch') continue;
      const core = simulate({ surface: 'ellipse', optimizer, start: [-7, 2], steps: 60, schedule: { kind: 'inverse-sqrt' } });
      const ref = runReference({
        surface: referenceSurfaces.ellipse, optimizer, start: [-7, 2], steps: 60,
        learningRate: (base, n) => base / Math.sqrt(n + 1),
      });
      expect(largestRelativeError(core.points, ref.points), optimizer.id).toBeLessThanOrEqual(1e-12);
    }
  });
});

describe('a run advanced in slices', () => {
  it.each<[string, SurfaceSpec, OptimizerConfig]>([
    ['adam on bumpy', 'bumpy', { id: 'adam', learningRate: 0.1, beta2: 0.9 }],
    ['linesearch on bumpy, which diverges at step 5', 'bumpy', { id: 'linesearch' }],
    ['newton on plateau, which turns singular', 'plateau', { id: 'newton' }],
  ])('%s yields the same iterates, status and stop as simulate', (_name, surface, optimizer) => {
    const config = { surface, optimizer, steps: 100 };
    const whole = simulate(config);
    const run = createSimulation(config);
    const chunks: number[] = Array.from(run.start);
    for (let guard = 0; !run.done && guard < 100; guard++) chunks.push(...run.advance(7));
    expect(run.advance(7)).toHaveLength(0);
    expect(chunks).toEqual(Array.from(whole.points));
    expect([run.status, run.stoppedAt, run.steps]).toEqual([whole.status, whole.stoppedAt, whole.steps]);
  });
});

describe("the defaults are PyTorch's, as the issue's table lists them", () => {
  it.each([
    ['gd', { learningRate: 0.1 }],
    ['momentum', { beta: 0.9 }],
    ['nesterov', { beta: 0.9 }],
    ['adagrad', { epsilon: 1e-10 }],
    ['rmsprop', { beta: 0.99, epsilon: 1e-8 }],
    ['adadelta', { learningRate: 1, beta: 0.9, epsilon: 1e-6 }],
    ['adam', { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }],
    ['adamw', { beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0.01 }],
    ['newton', { learningRate: 1 }],
  ] as const)('optimizerDefaults(%s) holds %o', (id, expected) => {
    expect(optimizerDefaults(id)).toMatchObject(expected);
  });

  it('momentum defaults to the heavy-ball form and adam to bias correction without amsgrad', () => {
    const ellipse = (optimizer: OptimizerConfig) => simulate({ surface: 'ellipse', optimizer, start: [-7, 2], steps: 50 }).points;
    expect(ellipse({ id: 'momentum', learningRate: 0.1 })).toEqual(ellipse({ id: 'momentum', learningRate: 0.1, form: 'heavy-ball' }));
    expect(ellipse({ id: 'adam', learningRate: 0.3 })).toEqual(ellipse({ id: 'adam', learningRate: 0.3, biasCorrection: true, amsgrad: false }));
  });

  it.each(['momentum', 'nesterov', 'adagrad', 'rmsprop', 'adadelta', 'adam', 'adamw'] as const)(
    '%s with only a learning rate set runs with the default β, ε and λ',
    (id) => {
      const learningRate = id === 'adadelta' ? 1 : 0.05;
      const optimizer: OptimizerConfig = { id, learningRate };
      const core = simulate({ surface: 'bumpy', optimizer, start: [-0.8, 1.6], steps: 100 });
      const ref = runReference({ surface: referenceSurfaces.bumpy, optimizer, start: [-0.8, 1.6], steps: 100 });
      expect(largestRelativeError(core.points, ref.points)).toBeLessThanOrEqual(1e-12);
    },
  );
});

describe('the explanation of a step', () => {
  it('records the gradient each gd step used, at the point it started from', () => {
    const run = simulate({ surface: 'ellipse', optimizer: { id: 'gd', learningRate: 0.1 }, start: [-7, 2], steps: 3, explain: true });
    const gradients = Array.from(run.explain!.gradients);
    expect(gradients).toHaveLength(6);
    for (let k = 0; k < 3; k++) {
      expect(gradients[2 * k]).toBeCloseTo(run.points[3 * k] / 10, 15);
      expect(gradients[2 * k + 1]).toBeCloseTo(2 * run.points[3 * k + 1], 15);
    }
    expect(gradients.slice(0, 2)).toEqual([-0.7, 4]);
  });

  it('records the gradient of −f when maximizing', () => {
    const run = simulate({ surface: 'saddle', optimizer: { id: 'gd', learningRate: 0.1 }, start: [-0.9, 0.01], steps: 1, maximize: true, explain: true });
    // ∇(x² − y²) = (2x, −2y) = (−1.8, −0.02), so ∇(−f) = (1.8, 0.02).
    expect(run.explain!.gradients[0]).toBeCloseTo(1.8, 15);
    expect(run.explain!.gradients[1]).toBeCloseTo(0.02, 15);
  });
});
