/**
 * Running a compiled program without eval: a loop over the instructions with
 * a switch, writing into one typed array (nothing is allocated per call).
 * Three loops, one per order, because the hot path of a run needs only f and
 * ∇f and should not pay for the Hessian:
 *   value:    f                                 1 number per slot
 *   gradient: f, fx, fy          (dual numbers)  3 numbers per slot
 *   full:     f, fx, fy, fxx, fxy, fyy          6 numbers per slot (secondOrder.ts)
 * x seeds (x, 1, 0, …), y seeds (y, 0, 1, …); second derivatives of both are 0.
 *
 * The loops are top-level functions that get their arrays as arguments. As
 * closures over each program's arrays they ran ~1.8× slower once a second
 * expression existed: V8 specialises a closure to its context only while it
 * is the only closure made from its literal, and a user types many expressions.
 *
 * Outside the domain (the final value is NaN or ±∞: log of a negative, 0/0,
 * asin(2), overflow) f is +∞ and every derivative NaN, like the course's safe(f).
 */
import type { Program } from './compile';
import { opcodes, constantPower, generalPower, unaryDerivatives, unaryValue } from './ops';
import { runSecondOrder } from './secondOrder';

const {
  ADD, SUB, MUL, DIV, NEG, ADDK, KSUB, MULK, DIVK, KDIV, SQR, POWK, KPOW, CONST, POW, MIN, MAX,
  SIN, COS, TAN, ATAN, EXP, LOG, SQRT, ABS, TANH, SINH, COSH,
} = opcodes;

export interface Evaluator {
  /** f(x, y), or +∞ outside the domain. */
  value(x: number, y: number): number;
  /** f(x, y) as computed: NaN outside the domain, ±∞ at a pole or an overflow. */
  raw(x: number, y: number): number;
  /** Writes ∇f into out[0..1] (NaN outside the domain) and returns f. */
  gradient(x: number, y: number, out: Float64Array): number;
  /** Writes f, fx, fy, fxx, fxy, fyy into out[0..5] in one pass. */
  evaluate(x: number, y: number, out: Float64Array): void;
}

// `r - r === 0` is the cheapest finiteness test: false for NaN and ±∞.
const finite = (r: number) => r - r === 0;

/**
 * The program as triples [opcode, first operand, second operand], operands
 * already multiplied by the slot width so the loops index without multiplying.
 */
function pack(p: Program, width: number): Int32Array {
  const n = p.opcodes.length;
  const code = new Int32Array(3 * n);
  for (let i = 0; i < n; i++) {
    code[3 * i] = p.opcodes[i];
    code[3 * i + 1] = width * p.a[i];
    code[3 * i + 2] = width * p.b[i];
  }
  return code;
}

function runValue(code: Int32Array, K: Float64Array, t: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const c = 3 * i;
    const u = t[code[c + 1]];
    let r: number;
    switch (code[c]) {
      case ADD: r = u + t[code[c + 2]]; break;
      case SUB: r = u - t[code[c + 2]]; break;
      case MUL: r = u * t[code[c + 2]]; break;
      case DIV: r = u / t[code[c + 2]]; break;
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
      case POW: r = generalPower(u, t[code[c + 2]]); break;
      case MIN: r = Math.min(u, t[code[c + 2]]); break;
      case MAX: r = Math.max(u, t[code[c + 2]]); break;
      case SIN: r = Math.sin(u); break;
      case COS: r = Math.cos(u); break;
      case EXP: r = Math.exp(u); break;
      default: r = unaryValue(code[c], u);
    }
    t[i + 2] = r;
  }
}

const scratch = new Float64Array(3);

/** Slot s holds t[3s] = value, t[3s + 1] = ∂x, t[3s + 2] = ∂y. */
function runGradient(code: Int32Array, K: Float64Array, t: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const c = 3 * i;
    const op = code[c];
    const a = code[c + 1];
    const s = 3 * i + 6;
    const u = t[a];
    // Linear and two-operand instructions finish in their case; one-operand ones
    // set r (the value) and d (g′) and share the chain rule below.
    let r: number, d: number;
    switch (op) {
      case ADD: { const b = code[c + 2]; t[s] = u + t[b]; t[s + 1] = t[a + 1] + t[b + 1]; t[s + 2] = t[a + 2] + t[b + 2]; continue; }
      case SUB: { const b = code[c + 2]; t[s] = u - t[b]; t[s + 1] = t[a + 1] - t[b + 1]; t[s + 2] = t[a + 2] - t[b + 2]; continue; }
      case MUL: {
        const b = code[c + 2];
        const w = t[b];
        t[s] = u * w;
        t[s + 1] = t[a + 1] * w + u * t[b + 1];
        t[s + 2] = t[a + 2] * w + u * t[b + 2];
        continue;
      }
      case DIV: {
        const b = code[c + 2];
        const w = t[b];
        const q = u / w;
        t[s] = q;
        t[s + 1] = (t[a + 1] - q * t[b + 1]) / w;
        t[s + 2] = (t[a + 2] - q * t[b + 2]) / w;
        continue;
      }
      case NEG: t[s] = -u; t[s + 1] = -t[a + 1]; t[s + 2] = -t[a + 2]; continue;
      case ADDK: t[s] = u + K[i]; t[s + 1] = t[a + 1]; t[s + 2] = t[a + 2]; continue;
      case KSUB: t[s] = K[i] - u; t[s + 1] = -t[a + 1]; t[s + 2] = -t[a + 2]; continue;
      case MULK: { const k = K[i]; t[s] = u * k; t[s + 1] = t[a + 1] * k; t[s + 2] = t[a + 2] * k; continue; }
      case DIVK: { const k = K[i]; t[s] = u / k; t[s + 1] = t[a + 1] / k; t[s + 2] = t[a + 2] / k; continue; }
      case CONST: t[s] = K[i]; t[s + 1] = 0; t[s + 2] = 0; continue;
      case MIN:
      case MAX: {
        const b = code[c + 2];
        const w = t[b];
        // The chosen branch carries its derivatives; at a tie, the first argument's.
        const from = (op === MIN ? u <= w : u >= w) ? a : b;
        t[s] = op === MIN ? Math.min(u, w) : Math.max(u, w);
        t[s + 1] = t[from + 1];
        t[s + 2] = t[from + 2];
        continue;
      }
      case POW: {
        // aᵇ = exp(b·ln a): ∂(aᵇ) = aᵇ·(∂b·ln a + b·∂a/a).
        const b = code[c + 2];
        const w = t[b];
        const f = generalPower(u, w);
        const log = Math.log(u);
        t[s] = f;
        t[s + 1] = f * (t[b + 1] * log + (w * t[a + 1]) / u);
        t[s + 2] = f * (t[b + 2] * log + (w * t[a + 2]) / u);
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
      default: unaryDerivatives(op, u, false, scratch); r = scratch[0]; d = scratch[1];
    }
    t[s] = r;
    t[s + 1] = d * t[a + 1];
    t[s + 2] = d * t[a + 2];
  }
}

export function createEvaluator(p: Program): Evaluator {
  const n = p.opcodes.length;
  const K = p.k;
  const constant = p.result < 0;
  // A constant f: slot 0 (x) stands in, and every derivative is 0.
  const ok = !constant || finite(p.constant);
  const codes = [pack(p, 1), pack(p, 3), pack(p, 6)];
  const states = [1, 3, 6].map((width) => new Float64Array(width * p.slots));
  const [one, three, six] = states;
  three[1] = 1;
  three[5] = 1;
  six[1] = 1;
  six[8] = 1;
  const result = p.result;

  const raw = (x: number, y: number): number => {
    if (constant) return p.constant;
    one[0] = x;
    one[1] = y;
    runValue(codes[0], K, one, n);
    return one[result];
  };

  return {
    value(x, y) {
      const f = raw(x, y);
      return finite(f) ? f : Infinity;
    },
    raw,
    gradient(x, y, out) {
      if (constant) {
        out[0] = out[1] = ok ? 0 : NaN;
        return ok ? p.constant : Infinity;
      }
      three[0] = x;
      three[3] = y;
      runGradient(codes[1], K, three, n);
      const r = 3 * result;
      const f = three[r];
      if (!finite(f)) {
        out[0] = out[1] = NaN;
        return Infinity;
      }
      out[0] = three[r + 1];
      out[1] = three[r + 2];
      return f;
    },
    evaluate(x, y, out) {
      const r = 6 * result;
      if (!constant) {
        six[0] = x;
        six[6] = y;
        runSecondOrder(codes[2], K, six, n);
      }
      const f = constant ? p.constant : six[r];
      if (!finite(f)) {
        out[0] = Infinity;
        out.fill(NaN, 1, 6);
      } else if (constant) {
        out[0] = f;
        out.fill(0, 1, 6);
      } else {
        for (let k = 0; k < 6; k++) out[k] = six[r + k];
      }
    },
  };
}
