/**
 * Running a compiled program without eval: a loop over the instructions with
 * a switch, writing into typed arrays (one per component, so nothing is
 * allocated per call). Three loops, one per order, because the hot path of a
 * run needs only f and ∇f and should not pay for the Hessian:
 *   value:    f
 *   gradient: f, fx, fy           (dual numbers)
 *   full:     f, fx, fy, fxx, fxy, fyy   (truncated second-order Taylor numbers)
 * Each slot carries its derivatives with respect to x and y; x seeds (1, 0),
 * y seeds (0, 1), second derivatives of both are 0.
 *
 * Outside the domain (the final value is NaN or ±∞: log of a negative, 0/0,
 * asin(2), overflow) f is +∞ and every derivative NaN, like the course's safe(f).
 */
import type { Program } from './compile';
import {
  ADD, SUB, MUL, DIV, NEG, ADDK, KSUB, MULK, DIVK, KDIV, SQR, POWK, KPOW, CONST, POW, MIN, MAX,
  SIN, COS, TAN, ATAN, EXP, LOG, SQRT, ABS, TANH, SINH, COSH,
  constantPower, generalPower, unaryDerivatives, unaryValue,
} from './ops';

export interface Evaluator {
  /** f(x, y), or +∞ outside the domain. */
  value(x: number, y: number): number;
  /** Writes ∇f into out[0..1] (NaN outside the domain) and returns f. */
  gradient(x: number, y: number, out: Float64Array): number;
  /** Writes f, fx, fy, fxx, fxy, fyy into out[0..5] in one pass. */
  evaluate(x: number, y: number, out: Float64Array): void;
}

// `r - r === 0` is the cheapest finiteness test: false for NaN and ±∞.
const finite = (r: number) => r - r === 0;

function createValue(p: Program): (x: number, y: number) => number {
  const { opcodes, a: A, b: B, k: K, result } = p;
  const n = opcodes.length;
  const v = new Float64Array(p.slots);
  if (result < 0) return () => (finite(p.constant) ? p.constant : Infinity);
  return (x, y) => {
    v[0] = x;
    v[1] = y;
    for (let i = 0; i < n; i++) {
      const u = v[A[i]];
      let r: number;
      switch (opcodes[i]) {
        case ADD: r = u + v[B[i]]; break;
        case SUB: r = u - v[B[i]]; break;
        case MUL: r = u * v[B[i]]; break;
        case DIV: r = u / v[B[i]]; break;
        case NEG: r = -u; break;
        case ADDK: r = u + K[i]; break;
        case KSUB: r = K[i] - u; break;
        case MULK: r = u * K[i]; break;
        case DIVK: r = u / K[i]; break;
        case KDIV: r = K[i] / u; break;
        case SQR: r = u * u; break;
        case POWK: r = Math.pow(u, K[i]); break;
        case KPOW: r = constantPower(K[i], u); break;
        case CONST: r = K[i]; break;
        case POW: r = generalPower(u, v[B[i]]); break;
        case MIN: r = Math.min(u, v[B[i]]); break;
        case MAX: r = Math.max(u, v[B[i]]); break;
        case SIN: r = Math.sin(u); break;
        case COS: r = Math.cos(u); break;
        case EXP: r = Math.exp(u); break;
        default: r = unaryValue(opcodes[i], u);
      }
      v[i + 2] = r;
    }
    const f = v[result];
    return finite(f) ? f : Infinity;
  };
}

function createGradient(p: Program): (x: number, y: number, out: Float64Array) => number {
  const { opcodes, a: A, b: B, k: K, result } = p;
  const n = opcodes.length;
  const v = new Float64Array(p.slots);
  const dx = new Float64Array(p.slots);
  const dy = new Float64Array(p.slots);
  const g = new Float64Array(3);
  dx[0] = 1;
  dy[1] = 1;
  if (result < 0) {
    const ok = finite(p.constant);
    return (_x, _y, out) => {
      out[0] = out[1] = ok ? 0 : NaN;
      return ok ? p.constant : Infinity;
    };
  }
  return (x, y, out) => {
    v[0] = x;
    v[1] = y;
    for (let i = 0; i < n; i++) {
      const s = i + 2;
      const ia = A[i];
      const u = v[ia];
      // Linear and two-operand instructions finish here; one-operand ones set r (value) and d (g′) and fall out below.
      let r: number, d: number;
      switch (opcodes[i]) {
        case ADD: { const j = B[i]; v[s] = u + v[j]; dx[s] = dx[ia] + dx[j]; dy[s] = dy[ia] + dy[j]; continue; }
        case SUB: { const j = B[i]; v[s] = u - v[j]; dx[s] = dx[ia] - dx[j]; dy[s] = dy[ia] - dy[j]; continue; }
        case MUL: {
          const j = B[i];
          const w = v[j];
          v[s] = u * w;
          dx[s] = dx[ia] * w + u * dx[j];
          dy[s] = dy[ia] * w + u * dy[j];
          continue;
        }
        case DIV: {
          const j = B[i];
          const w = v[j];
          const q = u / w;
          v[s] = q;
          dx[s] = (dx[ia] - q * dx[j]) / w;
          dy[s] = (dy[ia] - q * dy[j]) / w;
          continue;
        }
        case NEG: v[s] = -u; dx[s] = -dx[ia]; dy[s] = -dy[ia]; continue;
        case ADDK: v[s] = u + K[i]; dx[s] = dx[ia]; dy[s] = dy[ia]; continue;
        case KSUB: v[s] = K[i] - u; dx[s] = -dx[ia]; dy[s] = -dy[ia]; continue;
        case MULK: { const k = K[i]; v[s] = u * k; dx[s] = dx[ia] * k; dy[s] = dy[ia] * k; continue; }
        case DIVK: { const k = K[i]; v[s] = u / k; dx[s] = dx[ia] / k; dy[s] = dy[ia] / k; continue; }
        case CONST: v[s] = K[i]; dx[s] = 0; dy[s] = 0; continue;
        case MIN:
        case MAX: {
          const j = B[i];
          const w = v[j];
          // The branch that is chosen carries its derivatives; at a tie, the first argument's.
          const first = opcodes[i] === MIN ? u <= w : u >= w;
          const c = first ? ia : j;
          v[s] = opcodes[i] === MIN ? Math.min(u, w) : Math.max(u, w);
          dx[s] = dx[c];
          dy[s] = dy[c];
          continue;
        }
        case POW: {
          // aᵇ = exp(b·ln a): ∂(aᵇ) = aᵇ·(∂b·ln a + b·∂a/a).
          const j = B[i];
          const w = v[j];
          const f = generalPower(u, w);
          const log = Math.log(u);
          v[s] = f;
          dx[s] = f * (dx[j] * log + (w * dx[ia]) / u);
          dy[s] = f * (dy[j] * log + (w * dy[ia]) / u);
          continue;
        }
        case KDIV: r = K[i] / u; d = -r / u; break;
        case SQR: r = u * u; d = 2 * u; break;
        case POWK: { const k = K[i]; r = Math.pow(u, k); d = k * Math.pow(u, k - 1); break; }
        case KPOW: { const k = K[i]; r = constantPower(k, u); d = k === 0 ? 0 : r * Math.log(k); break; }
        case SIN: r = Math.sin(u); d = Math.cos(u); break;
        case COS: r = Math.cos(u); d = -Math.sin(u); break;
        case EXP: r = Math.exp(u); d = r; break;
        case LOG: r = Math.log(u); d = 1 / u; break;
        case SQRT: r = Math.sqrt(u); d = 0.5 / r; break;
        case TANH: r = Math.tanh(u); d = 1 - r * r; break;
        case ABS: r = Math.abs(u); d = Math.sign(u); break;
        case TAN: r = Math.tan(u); d = 1 + r * r; break;
        case ATAN: r = Math.atan(u); d = 1 / (1 + u * u); break;
        case SINH: r = Math.sinh(u); d = Math.cosh(u); break;
        case COSH: r = Math.cosh(u); d = Math.sinh(u); break;
        default: unaryDerivatives(opcodes[i], u, false, g); r = g[0]; d = g[1];
      }
      v[s] = r;
      dx[s] = d * dx[ia];
      dy[s] = d * dy[ia];
    }
    const f = v[result];
    if (!finite(f)) {
      out[0] = out[1] = NaN;
      return Infinity;
    }
    out[0] = dx[result];
    out[1] = dy[result];
    return f;
  };
}

export function createEvaluator(p: Program): Evaluator {
  return { value: createValue(p), gradient: createGradient(p), evaluate: createFull(p) };
}

function createFull(p: Program): (x: number, y: number, out: Float64Array) => void {
  const { opcodes, a: A, b: B, k: K, result } = p;
  const n = opcodes.length;
  const [v, dx, dy, xx, xy, yy] = Array.from({ length: 6 }, () => new Float64Array(p.slots));
  const g = new Float64Array(3);
  dx[0] = 1;
  dy[1] = 1;
  return (x, y, out) => {
    v[0] = x;
    v[1] = y;
    for (let i = 0; i < n; i++) {
      const s = i + 2;
      const ia = A[i];
      const j = B[i];
      const u = v[ia];
      const ux = dx[ia], uy = dy[ia];
      let g0: number, g1: number, g2: number;
      switch (opcodes[i]) {
        case ADD:
        case SUB: {
          const sign = opcodes[i] === ADD ? 1 : -1;
          v[s] = u + sign * v[j];
          dx[s] = ux + sign * dx[j]; dy[s] = uy + sign * dy[j];
          xx[s] = xx[ia] + sign * xx[j]; xy[s] = xy[ia] + sign * xy[j]; yy[s] = yy[ia] + sign * yy[j];
          continue;
        }
        case MUL: {
          // (ab)ᵢⱼ = aᵢⱼb + aᵢbⱼ + aⱼbᵢ + abᵢⱼ
          const w = v[j], wx = dx[j], wy = dy[j];
          v[s] = u * w;
          dx[s] = ux * w + u * wx; dy[s] = uy * w + u * wy;
          xx[s] = xx[ia] * w + 2 * ux * wx + u * xx[j];
          xy[s] = xy[ia] * w + ux * wy + uy * wx + u * xy[j];
          yy[s] = yy[ia] * w + 2 * uy * wy + u * yy[j];
          continue;
        }
        case DIV: {
          // q = a/b ⇒ a = qb ⇒ qᵢ = (aᵢ − q bᵢ)/b, qᵢⱼ = (aᵢⱼ − qᵢbⱼ − qⱼbᵢ − q bᵢⱼ)/b
          const w = v[j], wx = dx[j], wy = dy[j];
          const q = u / w, qx = (ux - q * wx) / w, qy = (uy - q * wy) / w;
          v[s] = q; dx[s] = qx; dy[s] = qy;
          xx[s] = (xx[ia] - 2 * qx * wx - q * xx[j]) / w;
          xy[s] = (xy[ia] - qx * wy - qy * wx - q * xy[j]) / w;
          yy[s] = (yy[ia] - 2 * qy * wy - q * yy[j]) / w;
          continue;
        }
        case MIN:
        case MAX: {
          const first = opcodes[i] === MIN ? u <= v[j] : u >= v[j];
          const c = first ? ia : j;
          v[s] = opcodes[i] === MIN ? Math.min(u, v[j]) : Math.max(u, v[j]);
          dx[s] = dx[c]; dy[s] = dy[c]; xx[s] = xx[c]; xy[s] = xy[c]; yy[s] = yy[c];
          continue;
        }
        case POW: {
          // aᵇ = eʷ with w = b·ln a: wᵢ = bᵢL + b·aᵢ/a,
          // wᵢⱼ = bᵢⱼL + (bᵢaⱼ + bⱼaᵢ)/a + b(aᵢⱼ/a − aᵢaⱼ/a²); (aᵇ)ᵢⱼ = aᵇ(wᵢⱼ + wᵢwⱼ).
          const w = v[j], bx = dx[j], by = dy[j];
          const f = generalPower(u, w), L = Math.log(u);
          const wx = bx * L + (w * ux) / u, wy = by * L + (w * uy) / u;
          const wxx = xx[j] * L + (2 * bx * ux) / u + w * (xx[ia] / u - (ux * ux) / (u * u));
          const wxy = xy[j] * L + (bx * uy + by * ux) / u + w * (xy[ia] / u - (ux * uy) / (u * u));
          const wyy = yy[j] * L + (2 * by * uy) / u + w * (yy[ia] / u - (uy * uy) / (u * u));
          v[s] = f; dx[s] = f * wx; dy[s] = f * wy;
          xx[s] = f * (wxx + wx * wx); xy[s] = f * (wxy + wx * wy); yy[s] = f * (wyy + wy * wy);
          continue;
        }
        case NEG: g0 = -u; g1 = -1; g2 = 0; break;
        case ADDK: g0 = u + K[i]; g1 = 1; g2 = 0; break;
        case KSUB: g0 = K[i] - u; g1 = -1; g2 = 0; break;
        case MULK: g0 = u * K[i]; g1 = K[i]; g2 = 0; break;
        case DIVK: {
          // Divide rather than multiply by 1/k, so the derivatives round like the hand-written surfaces'.
          const k = K[i];
          v[s] = u / k; dx[s] = ux / k; dy[s] = uy / k; xx[s] = xx[ia] / k; xy[s] = xy[ia] / k; yy[s] = yy[ia] / k;
          continue;
        }
        case CONST: v[s] = K[i]; dx[s] = dy[s] = xx[s] = xy[s] = yy[s] = 0; continue;
        case KDIV: g0 = K[i] / u; g1 = -g0 / u; g2 = (-2 * g1) / u; break;
        case SQR: g0 = u * u; g1 = 2 * u; g2 = 2; break;
        case POWK: {
          const k = K[i];
          g0 = Math.pow(u, k); g1 = k * Math.pow(u, k - 1); g2 = k * (k - 1) * Math.pow(u, k - 2);
          break;
        }
        case KPOW: {
          const k = K[i], L = k === 0 ? 0 : Math.log(k);
          g0 = constantPower(k, u); g1 = g0 * L; g2 = g1 * L;
          break;
        }
        default: unaryDerivatives(opcodes[i], u, true, g); g0 = g[0]; g1 = g[1]; g2 = g[2];
      }
      v[s] = g0;
      dx[s] = g1 * ux; dy[s] = g1 * uy;
      xx[s] = g2 * ux * ux + g1 * xx[ia];
      xy[s] = g2 * ux * uy + g1 * xy[ia];
      yy[s] = g2 * uy * uy + g1 * yy[ia];
    }
    const f = result < 0 ? p.constant : v[result];
    if (!finite(f)) {
      out[0] = Infinity;
      out.fill(NaN, 1, 6);
      return;
    }
    out[0] = f;
    if (result < 0) out.fill(0, 1, 6);
    else {
      out[1] = dx[result]; out[2] = dy[result]; out[3] = xx[result]; out[4] = xy[result]; out[5] = yy[result];
    }
  };
}
