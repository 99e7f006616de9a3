import { describe, expect, it } from 'vitest';
import type { SimulationConfig } from '../../src/core/types';
import { simulate } from '../../src/core';
import { translate } from '../../src/i18n';
import { updateRule } from '../../src/inspector/formulas';
import { parseInspected } from '../../src/inspector/format';
import { pointRows, stepNotice, stepRows, type PanelRow } from '../../src/inspector/panelRows';
import { effectiveRates } from '../../src/inspector/stepVectors';
import { inspectAt } from './helpers';

const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('en', key, vars);

function rowsOf(config: SimulationConfig, step: number): PanelRow[] {
  const item = inspectAt(config, step);
  const rule = updateRule(config.optimizer, config.maximize);
  return item.kind === 'step' ? stepRows(item, config.optimizer, !!config.maximize, rule.symbols, t) : pointRows(item, t);
}

const valueOf = (rows: PanelRow[], name: string) => rows.find((r) => r.name === name)?.value;
const pairOf = (text: string | undefined) => (text ?? '').replace(/[()]/g, '').split(', ').map(parseInspected);

const momentum: SimulationConfig = {
  surface: 'ellipse', optimizer: { id: 'momentum', learningRate: 0.1, beta: 0.9 }, steps: 30, start: [-7, 2],
};

describe('the panel rows', () => {
  it('show heavy-ball momentum’s step 3 on the ellipse as worked out by hand', () => {
    // f = x²/20 + y², ∇f = (x/10, 2y), η = 0.1, β = 0.9, x₀ = (−7, 2), v₀ = 0; v ← βv + g, x ← x − ηv.
    // Step 1: g = (−0.7, 4), v₁ = g, x₁ = (−6.93, 1.6).
    // Step 2: g = (−0.693, 3.2), v₂ = (−1.323, 6.8), x₂ = (−6.7977, 0.92).
    // Step 3: g = (−0.67977, 1.84), v₃ = (−1.87047, 7.96), x₃ = (−6.610653, 0.124).
    const rows = rowsOf(momentum, 3);
    expect(rows.map((r) => r.name)).toEqual([
      'step', 'from', 'f', 'gradient', 'gradientNorm', 'learningRate', 'beta', 'velocity-prev', 'velocity', 'delta', 'to', 'fTo',
    ]);
    expect(valueOf(rows, 'step')).toBe('3');
    expect(valueOf(rows, 'from')).toBe('(−6.7977, 0.92)');
    expect(valueOf(rows, 'f')).toBe('3.15684'); // 6.7977²/20 + 0.92² = 3.1568362645
    expect(valueOf(rows, 'gradient')).toBe('(−0.67977, 1.84)');
    expect(valueOf(rows, 'gradientNorm')).toBe('1.96155'); // √(0.67977² + 1.84²)
    expect(valueOf(rows, 'learningRate')).toBe('0.1');
    expect(valueOf(rows, 'beta')).toBe('0.9');
    expect(valueOf(rows, 'velocity-prev')).toBe('(−1.323, 6.8)');
    expect(valueOf(rows, 'velocity')).toBe('(−1.87047, 7.96)');
    expect(valueOf(rows, 'delta')).toBe('(0.187047, −0.796)');
    expect(valueOf(rows, 'to')).toBe('(−6.61065, 0.124)');
    expect(valueOf(rows, 'fTo')).toBe('2.20041'); // 6.610653²/20 + 0.124²
  });

  it('tie each row to a symbol of the rule, except the losses, the effective rates and (but in Adam’s βᵗ) t', () => {
    for (const config of [momentum, { ...momentum, optimizer: { id: 'adam', learningRate: 0.3, amsgrad: true } } as SimulationConfig]) {
      const symbols = updateRule(config.optimizer).symbols;
      for (const row of rowsOf(config, 5)) {
        if (['f', 'rates', 'f-next'].includes(row.id) || (row.id === 't' && config.optimizer.id !== 'adam')) continue;
        expect(symbols, row.name).toContain(row.id);
      }
    }
  });

  it('say "diverged" where the step would be, and never NaN, Infinity or undefined anywhere', () => {
    const diverging: SimulationConfig = { surface: 'bowl', optimizer: { id: 'gd', learningRate: 50 }, steps: 60 };
    const stoppedAt = simulate(diverging).stoppedAt;
    const rows = rowsOf(diverging, stoppedAt);
    expect(valueOf(rows, 'delta')).toBe('diverged');
    // The run's own reason: GD at η = 50 on the bowl passes the 1e6 bound while still finite.
    expect(stepNotice(inspectAt(diverging, stoppedAt), t)).toBe(simulate(diverging).message);
    expect(simulate(diverging).message).toMatch(/^Diverged at step \d+: \|x\| or \|y\| passed 1e\+6\.$/);
    const configs: SimulationConfig[] = [
      diverging,
      { surface: 'rosenbrock', optimizer: { id: 'adam', learningRate: 0.5, biasCorrection: false }, steps: 200 },
      { surface: 'saddle', optimizer: { id: 'newton' }, steps: 5 },
      { surface: 'plateau', optimizer: { id: 'adadelta' }, steps: 40 },
      { surface: 'beale', optimizer: { id: 'linesearch' }, steps: 60 },
      { surface: 'linreg', optimizer: { id: 'rmsprop', learningRate: 0.05 }, steps: 50, batchSize: 8, maximize: true },
    ];
    for (const config of configs) {
      for (const step of [0, 1, 2, 7, 59, 61, 250]) {
        const rows = rowsOf(config, step);
        for (const row of rows) expect(`${row.symbol} ${row.value} ${row.what}`, `${config.optimizer.id} ${step}`).not.toMatch(/NaN|Infinity|undefined|null/);
        const notice = stepNotice(inspectAt(config, step), t) ?? '';
        expect(notice).not.toMatch(/NaN|Infinity|undefined|null/);
      }
    }
  });

  it('show the start at step 0 and say a run stopped before a step past its end', () => {
    const start = rowsOf(momentum, 0);
    expect(start.map((r) => [r.symbol, r.value])).toEqual([['t', '0'], ['x₀', '(−7, 2)'], ['f(x₀)', '6.45']]);
    expect(stepNotice(inspectAt(momentum, 0), t)).toMatch(/start point/);
    expect(rowsOf(momentum, 31)).toEqual([]);
    expect(stepNotice(inspectAt(momentum, 31), t)).toBe('The run stopped at step 30, before this one.');
  });

  it('show Newton’s Hessian and its eigenvalues, which say what the quadratic model’s stationary point is', () => {
    // On the saddle f = x² − y², H = diag(2, −2) everywhere: eigenvalues −2 and 2, a saddle.
    const saddle = rowsOf({ surface: 'saddle', optimizer: { id: 'newton' }, steps: 5, start: [0.5, 0.1] }, 1);
    expect(valueOf(saddle, 'hessian')).toBe('((2, 0), (0, −2))');
    expect(valueOf(saddle, 'hessianEigenvalues')).toBe('(−2, 2)');
    expect(saddle.find((r) => r.name === 'hessianEigenvalues')?.what).toMatch(/opposite signs.*saddle/);
    // On Rosenbrock at (−1.5, 2): fxx = 1200x² − 400y + 2 = 1902, fxy = −400x = 600, fyy = 200;
    // eigenvalues (fxx + fyy)/2 ± √(((fxx − fyy)/2)² + fxy²) = 1051 ± √(851² + 600²) = 1051 ± 1041.26…
    const rosenbrock = rowsOf({ surface: 'rosenbrock', optimizer: { id: 'newton', learningRate: 0.5 }, steps: 5, start: [-1.5, 2] }, 1);
    expect(valueOf(rosenbrock, 'hessian')).toBe('((1902, 600), (600, 200))');
    const [low, high] = pairOf(valueOf(rosenbrock, 'hessianEigenvalues'));
    expect(low).toBeCloseTo(1051 - Math.hypot(851, 600), 3);
    expect(high).toBeCloseTo(1051 + Math.hypot(851, 600), 3);
    expect(rosenbrock.find((r) => r.name === 'hessianEigenvalues')?.what).toMatch(/both positive.*minimum/);
    // Both rows light up the H of the update rule.
    expect(saddle.filter((r) => r.id === 'hessian')).toHaveLength(2);
    expect(updateRule({ id: 'newton' }, false).symbols).toContain('hessian');
    // Other methods have no such row.
    expect(rowsOf(momentum, 3).some((r) => r.name === 'hessian')).toBe(false);
  });

  it('name the H Newton used when climbing (of −f), and read an ill-conditioned H’s small eigenvalue exactly', () => {
    // Climbing the saddle x² − y²: Newton minimizes −f, whose Hessian is diag(−2, 2).
    const climbing = rowsOf({ surface: 'saddle', optimizer: { id: 'newton' }, steps: 5, start: [0.5, 0.1], maximize: true }, 1);
    expect(valueOf(climbing, 'hessian')).toBe('((−2, 0), (0, 2))');
    expect(climbing.find((r) => r.name === 'hessian')?.what).toMatch(/of −f/);
    // A concave f descended: its quadratic model has a maximum, where Newton walks straight in.
    const concave = rowsOf({ surface: { id: 'custom', expression: '-(x^2 + 4*y^2)', view: { x: [-2, 2], y: [-2, 2] } }, optimizer: { id: 'newton' }, steps: 3, start: [1, 1] }, 1);
    expect(valueOf(concave, 'hessianEigenvalues')).toBe('(−8, −2)');
    expect(concave.find((r) => r.name === 'hessianEigenvalues')?.what).toMatch(/both negative.*maximum/);
    // H = diag(1e6, 1e−12): det 1e−6 passes Newton's test; mean − spread would read 0.
    const stiff = rowsOf({ surface: { id: 'custom', expression: '5e5*x^2 + 5e-13*y^2', view: { x: [-2, 2], y: [-2, 2] } }, optimizer: { id: 'newton' }, steps: 2, start: [1, 1] }, 1);
    const [small, big] = pairOf(valueOf(stiff, 'hessianEigenvalues'));
    expect(small).toBeCloseTo(1e-12, 20);
    expect(big).toBeCloseTo(1e6, 3);
  });

  it('list Adam’s moments before and after, the bias-corrected ones, and each axis’s effective rate', () => {
    const adam: SimulationConfig = { surface: 'ellipse', optimizer: { id: 'adam', learningRate: 0.3 }, steps: 30, start: [-7, 2] };
    const names = rowsOf(adam, 2).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['m-prev', 'm', 's-prev', 's', 'mHat', 'sHat', 'beta1', 'beta2', 'epsilon', 'rates']));
    const noCorrection = rowsOf({ ...adam, optimizer: { id: 'adam', learningRate: 0.3, biasCorrection: false } }, 2).map((r) => r.name);
    expect(noCorrection).not.toContain('mHat');
  });
});

describe('the effective learning rate per axis', () => {
  // Δx = −rate ⊙ (what the optimizer rescales): g for AdaGrad, RMSProp and Adadelta, m for Adam.
  const cases: Array<[string, SimulationConfig, 'gradient' | 'm']> = [
    ['adagrad', { surface: 'ellipse', optimizer: { id: 'adagrad', learningRate: 1.5 }, steps: 30, start: [-7, 2] }, 'gradient'],
    ['rmsprop', { surface: 'rosenbrock', optimizer: { id: 'rmsprop', learningRate: 0.01 }, steps: 30 }, 'gradient'],
    ['adadelta', { surface: 'himmelblau', optimizer: { id: 'adadelta' }, steps: 30 }, 'gradient'],
    ['adam', { surface: 'ellipse', optimizer: { id: 'adam', learningRate: 0.3 }, steps: 30, start: [-7, 2] }, 'm'],
    ['amsgrad', { surface: 'beale', optimizer: { id: 'adam', learningRate: 0.05, amsgrad: true }, steps: 30 }, 'm'],
    ['adam, no correction', { surface: 'bowl', optimizer: { id: 'adam', learningRate: 0.1, biasCorrection: false }, steps: 30 }, 'm'],
  ];
  for (const [name, config, applied] of cases) {
    it(`explains the step ${name} took, axis by axis`, () => {
      for (const step of [1, 4, 30]) {
        const item = inspectAt(config, step);
        const rates = effectiveRates(item, config.optimizer)!;
        const base = applied === 'gradient' ? item.gradient! : item.after.m;
        for (const i of [0, 1]) expect(item.delta![i]).toBeCloseTo(-rates[i] * base[i], 12);
      }
    });
  }

  it('is absent for methods whose rate is the same on both axes', () => {
    expect(effectiveRates(inspectAt(momentum, 3), momentum.optimizer)).toBeNull();
  });

  it('matches the brief’s form for Adam, η/(1 − β₁ᵗ)/(√ŝ + ε), on a pair computed by hand at step 1', () => {
    // Step 1 from (−7, 2) on the ellipse: g = (−0.7, 4); s = 0.001·g²; ŝ = g²; rate = 0.3/0.1/(|g| + 1e−8).
    const adam: SimulationConfig = { surface: 'ellipse', optimizer: { id: 'adam', learningRate: 0.3 }, steps: 30, start: [-7, 2] };
    const rates = effectiveRates(inspectAt(adam, 1), adam.optimizer)!;
    expect(pairOf(`(${rates[0]}, ${rates[1]})`)[0]).toBeCloseTo(3 / 0.7, 6);
    expect(rates[1]).toBeCloseTo(3 / 4, 6);
  });
});
