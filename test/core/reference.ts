/**
 * An independent reference for the numerical core, written straight from the
 * update rules of torch.optim's documented pseudo-code (and the table in issue
 * 2), one scalar coordinate at a time. It deliberately shares no code with
 * src/core: if both agree, two separate readings of the same maths agree.
 * It is slow and plain on purpose; only tests use it.
 */

export type Pair = [number, number];

/** A surface as the reference sees it: formulas written out again by hand. */
export interface ReferenceSurface {
  f(x: number, y: number): number;
  gradient(x: number, y: number): Pair;
  /** [fxx, fxy, fyy] */
  hessian(x: number, y: number): [number, number, number];
}

const PI = Math.PI;

export const referenceSurfaces = {
  bowl: {
    f: (x, y) => x * x + y * y,
    gradient: (x, y) => [2 * x, 2 * y],
    hessian: () => [2, 0, 2],
  },
  ellipse: {
    f: (x, y) => (x * x) / 20 + y * y,
    gradient: (x, y) => [x / 10, 2 * y],
    hessian: () => [1 / 10, 0, 2],
  },
  saddle: {
    f: (x, y) => x * x - y * y,
    gradient: (x, y) => [2 * x, -2 * y],
    hessian: () => [2, 0, -2],
  },
  // x·cos(πx) + y·cos(πy): d/dx = cos(πx) − πx·sin(πx), d²/dx² = −2π·sin(πx) − π²x·cos(πx).
  bumpy: {
    f: (x, y) => x * Math.cos(PI * x) + y * Math.cos(PI * y),
    gradient: (x, y) => [
      Math.cos(PI * x) - PI * x * Math.sin(PI * x),
      Math.cos(PI * y) - PI * y * Math.sin(PI * y),
    ],
    hessian: (x, y) => [
      -2 * PI * Math.sin(PI * x) - PI * PI * x * Math.cos(PI * x),
      0,
      -2 * PI * Math.sin(PI * y) - PI * PI * y * Math.cos(PI * y),
    ],
  },
  // The notes' "empirical risk": bumpy plus r·(cos 5πx + cos 5πy), here with r = 0.2.
  bumpyRipple: {
    f: (x, y) => x * Math.cos(PI * x) + y * Math.cos(PI * y) + 0.2 * (Math.cos(5 * PI * x) + Math.cos(5 * PI * y)),
    gradient: (x, y) => [
      Math.cos(PI * x) - PI * x * Math.sin(PI * x) - PI * Math.sin(5 * PI * x),
      Math.cos(PI * y) - PI * y * Math.sin(PI * y) - PI * Math.sin(5 * PI * y),
    ],
    hessian: (x, y) => [
      -2 * PI * Math.sin(PI * x) - PI * PI * x * Math.cos(PI * x) - 5 * PI * PI * Math.cos(5 * PI * x),
      0,
      -2 * PI * Math.sin(PI * y) - PI * PI * y * Math.cos(PI * y) - 5 * PI * PI * Math.cos(5 * PI * y),
    ],
  },
  // tanh(u), u = x² + y²; s = sech²(u) = 1 − tanh²(u), ds/du = −2·s·tanh(u).
  plateau: {
    f: (x, y) => Math.tanh(x * x + y * y),
    gradient: (x, y) => {
      const t = Math.tanh(x * x + y * y);
      const s = 1 - t * t;
      return [2 * x * s, 2 * y * s];
    },
    hessian: (x, y) => {
      const t = Math.tanh(x * x + y * y);
      const s = 1 - t * t;
      return [2 * s - 8 * x * x * s * t, -8 * x * y * s * t, 2 * s - 8 * y * y * s * t];
    },
  },
  rosenbrock: {
    f: (x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
    gradient: (x, y) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
    hessian: (x, y) => [2 - 400 * (y - x * x) + 800 * x * x, -400 * x, 200],
  },
} satisfies Record<string, ReferenceSurface>;

/** Hyperparameters with the defaults of the table (PyTorch's). */
export interface ReferenceOptimizer {
  id: 'gd' | 'momentum' | 'nesterov' | 'adagrad' | 'rmsprop' | 'adadelta' | 'adam' | 'adamw' | 'newton' | 'linesearch';
  learningRate?: number;
  beta?: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  weightDecay?: number;
  form?: 'heavy-ball' | 'ema';
  biasCorrection?: boolean;
  amsgrad?: boolean;
}

const defaultBeta: Record<string, number> = { momentum: 0.9, nesterov: 0.9, rmsprop: 0.99, adadelta: 0.9 };
const defaultEpsilon: Record<string, number> = { adagrad: 1e-10, rmsprop: 1e-8, adadelta: 1e-6, adam: 1e-8, adamw: 1e-8 };
/** The course's minimize_batch step sizes, largest first (ties keep the first, as Python's min does). */
export const lineSearchSteps = [100, 10, 1, 0.1, 0.01, 0.001, 0.0001, 0.00001];

export interface ReferenceRun {
  surface: ReferenceSurface;
  optimizer: ReferenceOptimizer;
  start: Pair;
  steps: number;
  /** η for the step with n steps already taken; default: the constant base rate. */
  learningRate?: (base: number, n: number) => number;
  maximize?: boolean;
}

export interface ReferenceResult {
  /** x0, y0, f0, x1, y1, f1, … (every accepted iterate) */
  points: number[];
  status: 'budget' | 'diverged' | 'singular' | 'stalled';
  /** Number of the step that stopped the run (the step that was attempted), or `steps` on budget. */
  stoppedAt: number;
}

/** Run the reference; f, g and H are those of the objective (−f when maximizing). */
export function runReference(run: ReferenceRun): ReferenceResult {
  const o = run.optimizer;
  const sign = run.maximize ? -1 : 1;
  const f = (x: number, y: number) => sign * run.surface.f(x, y);
  const lr0 = o.learningRate ?? (o.id === 'adadelta' || o.id === 'newton' ? 1 : 0.1);
  const beta = o.beta ?? defaultBeta[o.id];
  const beta1 = o.beta1 ?? 0.9;
  const beta2 = o.beta2 ?? 0.999;
  const eps = o.epsilon ?? defaultEpsilon[o.id];
  const lambda = o.weightDecay ?? 0.01;
  const p: Pair = [run.start[0], run.start[1]];
  // Optimizer state per coordinate, all starting at zero as in PyTorch (and Ng for the EMA form).
  const v = [0, 0];
  const m = [0, 0];
  const s = [0, 0];
  const sMax = [0, 0];
  const u = [0, 0];
  const points = [p[0], p[1], run.surface.f(p[0], p[1])];
  for (let t = 1; t <= run.steps; t++) {
    const lr = run.learningRate ? run.learningRate(lr0, t - 1) : lr0;
    const raw = run.surface.gradient(p[0], p[1]);
    const g = [sign * raw[0], sign * raw[1]];
    const next: Pair = [p[0], p[1]];
    if (o.id === 'newton') {
      const [hxx, hxy, hyy] = run.surface.hessian(p[0], p[1]).map((h) => sign * h);
      const det = hxx * hyy - hxy * hxy;
      if (!(Math.abs(det) >= 1e-12)) return { points, status: 'singular', stoppedAt: t };
      // H⁻¹ = [[hyy, −hxy], [−hxy, hxx]] / det
      next[0] = p[0] - (lr * (hyy * g[0] - hxy * g[1])) / det;
      next[1] = p[1] - (lr * (hxx * g[1] - hxy * g[0])) / det;
    } else if (o.id === 'linesearch') {
      const safe = (x: number, y: number) => {
        const value = f(x, y);
        return Number.isFinite(value) ? value : Infinity;
      };
      let best = safe(p[0], p[1]);
      let found = false;
      for (const size of lineSearchSteps) {
        const cx = p[0] - size * g[0];
        const cy = p[1] - size * g[1];
        const value = safe(cx, cy);
        if (value < best) {
          best = value;
          next[0] = cx;
          next[1] = cy;
          found = true;
        }
      }
      if (!found) return { points, status: 'stalled', stoppedAt: t };
    } else {
      for (let i = 0; i < 2; i++) next[i] = stepCoordinate(i, p[i], g[i], lr, t);
    }
    p[0] = next[0];
    p[1] = next[1];
    const value = f(p[0], p[1]);
    const escaped = !Number.isFinite(p[0]) || !Number.isFinite(p[1]) || !Number.isFinite(value);
    if (escaped || Math.abs(p[0]) > 1e6 || Math.abs(p[1]) > 1e6) {
      return { points, status: 'diverged', stoppedAt: t };
    }
    points.push(p[0], p[1], run.surface.f(p[0], p[1]));
  }
  return { points, status: 'budget', stoppedAt: run.steps };

  function stepCoordinate(i: number, x: number, gi: number, lr: number, t: number): number {
    switch (o.id) {
      case 'gd':
        return x - lr * gi;
      case 'momentum':
        v[i] = o.form === 'ema' ? beta * v[i] + (1 - beta) * gi : beta * v[i] + gi;
        return x - lr * v[i];
      case 'nesterov':
        v[i] = beta * v[i] + gi;
        return x - lr * (gi + beta * v[i]);
      case 'adagrad':
        s[i] = s[i] + gi * gi;
        return x - (lr * gi) / (Math.sqrt(s[i]) + eps);
      case 'rmsprop':
        s[i] = beta * s[i] + (1 - beta) * gi * gi;
        return x - (lr * gi) / (Math.sqrt(s[i]) + eps);
      case 'adadelta': {
        s[i] = beta * s[i] + (1 - beta) * gi * gi;
        const d = (Math.sqrt(u[i] + eps) / Math.sqrt(s[i] + eps)) * gi;
        u[i] = beta * u[i] + (1 - beta) * d * d;
        return x - lr * d;
      }
      case 'adam':
      case 'adamw': {
        // AdamW decays the weight first; the gradient was taken before the decay.
        const decayed = o.id === 'adamw' ? x * (1 - lr * lambda) : x;
        m[i] = beta1 * m[i] + (1 - beta1) * gi;
        s[i] = beta2 * s[i] + (1 - beta2) * gi * gi;
        sMax[i] = Math.max(sMax[i], s[i]);
        const second = o.amsgrad ? sMax[i] : s[i];
        if (o.biasCorrection === false) return decayed - (lr * m[i]) / (Math.sqrt(second) + eps);
        const mHat = m[i] / (1 - beta1 ** t);
        return decayed - (lr * mHat) / (Math.sqrt(second) / Math.sqrt(1 - beta2 ** t) + eps);
      }
      default:
        throw new Error(`no coordinate rule for ${o.id}`);
    }
  }
}

/** The schedules of the issue, written out again: n = steps already taken. */
export type ReferenceSchedule =
  | { kind: 'constant' }
  | { kind: 'inverse-time'; k: number }
  | { kind: 'exponential'; gamma: number }
  | { kind: 'inverse-sqrt' }
  | { kind: 'step'; gamma: number; every: number };

export function referenceLearningRate(schedule: ReferenceSchedule, base: number, n: number): number {
  switch (schedule.kind) {
    case 'constant':
      return base;
    case 'inverse-time':
      return base / (1 + schedule.k * n);
    case 'exponential':
      return base * schedule.gamma ** n;
    case 'inverse-sqrt':
      return base / Math.sqrt(n + 1);
    case 'step':
      return base * schedule.gamma ** Math.floor(n / schedule.every);
  }
}

/** Largest |a − b| / max(1, |b|) over two equally long sequences. */
export function largestRelativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  if (actual.length !== expected.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const error = Math.abs(actual[i] - expected[i]) / Math.max(1, Math.abs(expected[i]));
    if (!(error <= worst)) worst = Number.isNaN(error) ? Infinity : error;
  }
  return worst;
}
