/**
 * The second-order pass: every slot carries its value, gradient and Hessian,
 * t[6s..6s+5] = (v, vx, vy, vxx, vxy, vyy) — a truncated Taylor polynomial
 * of degree 2 in two variables. Rules:
 *   sum:       componentwise
 *   product:   (ab)ᵢ = aᵢb + abᵢ;  (ab)ᵢⱼ = aᵢⱼb + aᵢbⱼ + aⱼbᵢ + abᵢⱼ
 *   quotient:  q = a/b ⇒ qᵢ = (aᵢ − q bᵢ)/b;  qᵢⱼ = (aᵢⱼ − qᵢbⱼ − qⱼbᵢ − q bᵢⱼ)/b
 *   g(u):      g′uᵢ;  g″uᵢuⱼ + g′uᵢⱼ   (g′, g″ of each function: ops.ts)
 *   aᵇ:        eʷ with w = b·ln a
 * The gradient it computes is bit-for-bit the first-order pass's (same
 * operations in the same order), so a cache may hand out either.
 */
import { opcodes, constantPower, generalPower, unaryDerivatives } from './ops';

const {
  ADD, SUB, MUL, DIV, NEG, ADDK, KSUB, MULK, DIVK, KDIV, SQR, POWK, KPOW, CONST, POW, MIN, MAX, SIN, COS, EXP,
} = opcodes;

const scratch = new Float64Array(3);

/** Runs `n` instructions of `code` (operands pre-multiplied by 6) over the state `t`. */
export function runSecondOrder(code: Int32Array, K: Float64Array, t: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const c = 3 * i;
    const op = code[c];
    const a = code[c + 1];
    const b = code[c + 2];
    const s = 6 * i + 12;
    const u = t[a], ux = t[a + 1], uy = t[a + 2];
    let g0: number, g1: number, g2: number;
    switch (op) {
      case ADD:
        t[s] = u + t[b]; t[s + 1] = ux + t[b + 1]; t[s + 2] = uy + t[b + 2];
        t[s + 3] = t[a + 3] + t[b + 3]; t[s + 4] = t[a + 4] + t[b + 4]; t[s + 5] = t[a + 5] + t[b + 5];
        continue;
      case SUB:
        t[s] = u - t[b]; t[s + 1] = ux - t[b + 1]; t[s + 2] = uy - t[b + 2];
        t[s + 3] = t[a + 3] - t[b + 3]; t[s + 4] = t[a + 4] - t[b + 4]; t[s + 5] = t[a + 5] - t[b + 5];
        continue;
      case MUL: {
        const w = t[b], wx = t[b + 1], wy = t[b + 2];
        t[s] = u * w; t[s + 1] = ux * w + u * wx; t[s + 2] = uy * w + u * wy;
        t[s + 3] = t[a + 3] * w + 2 * ux * wx + u * t[b + 3];
        t[s + 4] = t[a + 4] * w + ux * wy + uy * wx + u * t[b + 4];
        t[s + 5] = t[a + 5] * w + 2 * uy * wy + u * t[b + 5];
        continue;
      }
      case DIV: {
        const w = t[b], wx = t[b + 1], wy = t[b + 2];
        const q = u / w, qx = (ux - q * wx) / w, qy = (uy - q * wy) / w;
        t[s] = q; t[s + 1] = qx; t[s + 2] = qy;
        t[s + 3] = (t[a + 3] - 2 * qx * wx - q * t[b + 3]) / w;
        t[s + 4] = (t[a + 4] - qx * wy - qy * wx - q * t[b + 4]) / w;
        t[s + 5] = (t[a + 5] - 2 * qy * wy - q * t[b + 5]) / w;
        continue;
      }
      case MIN:
      case MAX: {
        const w = t[b];
        const from = (op === MIN ? u <= w : u >= w) ? a : b;
        t[s] = op === MIN ? Math.min(u, w) : Math.max(u, w);
        for (let k = 1; k < 6; k++) t[s + k] = t[from + k];
        continue;
      }
      case POW: {
        // wᵢ = bᵢL + b·aᵢ/a;  wᵢⱼ = bᵢⱼL + (bᵢaⱼ + bⱼaᵢ)/a + b(aᵢⱼ/a − aᵢaⱼ/a²);  (aᵇ)ᵢⱼ = aᵇ(wᵢⱼ + wᵢwⱼ)
        const w = t[b], bx = t[b + 1], by = t[b + 2];
        const f = generalPower(u, w), L = Math.log(u);
        const wx = bx * L + (w * ux) / u, wy = by * L + (w * uy) / u;
        const wxx = t[b + 3] * L + (2 * bx * ux) / u + w * (t[a + 3] / u - (ux * ux) / (u * u));
        const wxy = t[b + 4] * L + (bx * uy + by * ux) / u + w * (t[a + 4] / u - (ux * uy) / (u * u));
        const wyy = t[b + 5] * L + (2 * by * uy) / u + w * (t[a + 5] / u - (uy * uy) / (u * u));
        t[s] = f; t[s + 1] = f * wx; t[s + 2] = f * wy;
        t[s + 3] = f * (wxx + wx * wx); t[s + 4] = f * (wxy + wx * wy); t[s + 5] = f * (wyy + wy * wy);
        continue;
      }
      // Linear instructions: the derivatives transform like the value.
      case NEG:
        t[s] = -u; t[s + 1] = -ux; t[s + 2] = -uy; t[s + 3] = -t[a + 3]; t[s + 4] = -t[a + 4]; t[s + 5] = -t[a + 5];
        continue;
      case ADDK:
        t[s] = u + K[i]; t[s + 1] = ux; t[s + 2] = uy; t[s + 3] = t[a + 3]; t[s + 4] = t[a + 4]; t[s + 5] = t[a + 5];
        continue;
      case KSUB:
        t[s] = K[i] - u; t[s + 1] = -ux; t[s + 2] = -uy; t[s + 3] = -t[a + 3]; t[s + 4] = -t[a + 4]; t[s + 5] = -t[a + 5];
        continue;
      case MULK: {
        const k = K[i];
        t[s] = u * k; t[s + 1] = ux * k; t[s + 2] = uy * k; t[s + 3] = t[a + 3] * k; t[s + 4] = t[a + 4] * k; t[s + 5] = t[a + 5] * k;
        continue;
      }
      case DIVK: {
        // Divide rather than multiply by 1/k, so the derivatives round like the hand-written surfaces'.
        const k = K[i];
        t[s] = u / k; t[s + 1] = ux / k; t[s + 2] = uy / k; t[s + 3] = t[a + 3] / k; t[s + 4] = t[a + 4] / k; t[s + 5] = t[a + 5] / k;
        continue;
      }
      case CONST:
        t[s] = K[i]; t[s + 1] = t[s + 2] = t[s + 3] = t[s + 4] = t[s + 5] = 0;
        continue;
      case KDIV: g0 = K[i] / u; g1 = -g0 / u; g2 = (-2 * g1) / u; break;
      case SQR: g0 = u * u; g1 = 2 * u; g2 = 2; break;
      case SIN: g0 = Math.sin(u); g1 = Math.cos(u); g2 = -g0; break;
      case COS: g0 = Math.cos(u); g1 = -Math.sin(u); g2 = -g0; break;
      case EXP: g0 = Math.exp(u); g1 = g0; g2 = g0; break;
      case POWK: {
        const k = K[i];
        g0 = Math.pow(u, k); g1 = k * Math.pow(u, k - 1); g2 = k * (k - 1) * Math.pow(u, k - 2);
        break;
      }
      case KPOW: {
        // 0ᵘ is flat wherever it is finite. As 0ᵘ·ln 0 its slope would be ∞·0 = NaN at u < 0,
        // where the first-order pass says 0 (fast-check found the mismatch).
        const k = K[i];
        g0 = constantPower(k, u);
        if (k === 0) g1 = g2 = 0;
        else { const L = Math.log(k); g1 = g0 * L; g2 = g1 * L; }
        break;
      }
      default: unaryDerivatives(op, u, true, scratch); g0 = scratch[0]; g1 = scratch[1]; g2 = scratch[2];
    }
    t[s] = g0;
    t[s + 1] = g1 * ux; t[s + 2] = g1 * uy;
    t[s + 3] = g2 * ux * ux + g1 * t[a + 3];
    t[s + 4] = g2 * ux * uy + g1 * t[a + 4];
    t[s + 5] = g2 * uy * uy + g1 * t[a + 5];
  }
}
