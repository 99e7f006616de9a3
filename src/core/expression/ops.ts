/**
 * The instruction set of a compiled expression and the calculus of each
 * instruction. An instruction reads earlier slots (a, b) and/or a constant
 * (k) and writes one new slot. Slots 0 and 1 hold x and y.
 *
 * For a function g applied to u, forward-mode differentiation needs g(u),
 * g′(u) and g″(u); the chain rule then gives
 *   ∂ᵢ g(u) = g′·uᵢ,   ∂ᵢⱼ g(u) = g″·uᵢ·uⱼ + g′·uᵢⱼ.
 * `unaryDerivatives` holds the g′, g″ of every function, derived by hand:
 *   sin: cos u, −sin u            cos: −sin u, −cos u
 *   tan: 1 + t², 2t(1 + t²)       (t = tan u)
 *   asin: 1/√(1−u²), u/(1−u²)^{3/2}    acos: the negatives of asin's
 *   atan: 1/(1+u²), −2u/(1+u²)²
 *   exp: eᵘ, eᵘ                   log: 1/u, −1/u²
 *   sqrt: 1/(2√u), −1/(4u√u)      abs: sign u, 0 (sign 0 = 0: a subgradient at the kink)
 *   tanh: 1 − t², −2t(1 − t²)     sigmoid: s(1−s), s(1−s)(1−2s)
 *   sinh: cosh u, sinh u          cosh: sinh u, cosh u
 *   u^n (constant n): n·u^(n−1), n(n−1)·u^(n−2)
 *   c^u (constant c > 0): ln c·cᵘ, ln²c·cᵘ
 */

/**
 * The opcodes. Modules that switch on them copy them into module-level
 * consts (`const { ADD, … } = opcodes`): a switch over imported bindings
 * is dozens of times slower under some loaders, one over local consts
 * compiles to plain integer compares.
 */
export const opcodes = {
  ADD: 0, SUB: 1, MUL: 2, DIV: 3, NEG: 4,
  /** a + k, k − a, a·k, a/k, k/a, a², aᵏ, kᵃ, and a constant slot. */
  ADDK: 5, KSUB: 6, MULK: 7, DIVK: 8, KDIV: 9, SQR: 10, POWK: 11, KPOW: 12, CONST: 13,
  POW: 14, MIN: 15, MAX: 16,
  SIN: 17, COS: 18, TAN: 19, ASIN: 20, ACOS: 21, ATAN: 22, EXP: 23, LOG: 24,
  SQRT: 25, ABS: 26, TANH: 27, SIGMOID: 28, SINH: 29, COSH: 30,
} as const;
const {
  ADD, SUB, MUL, DIV, NEG, ADDK, KSUB, MULK, DIVK, KDIV, SQR, POWK, KPOW, CONST, POW, MIN, MAX,
  SIN, COS, TAN, ASIN, ACOS, ATAN, EXP, LOG, SQRT, ABS, TANH, SIGMOID, SINH, COSH,
} = opcodes;

/** Opcode of each one-argument function. */
export const unaryOpcodes = {
  sin: SIN, cos: COS, tan: TAN, asin: ASIN, acos: ACOS, atan: ATAN, exp: EXP, log: LOG,
  sqrt: SQRT, abs: ABS, tanh: TANH, sigmoid: SIGMOID, sinh: SINH, cosh: COSH,
} as const;

/**
 * σ(u) = 1/(1 + e⁻ᵘ), and 1 − σ(u) without cancellation: both from e^(−|u|),
 * which never overflows.
 */
export function sigmoid(u: number): number {
  const z = Math.exp(-Math.abs(u));
  return u >= 0 ? 1 / (1 + z) : z / (1 + z);
}
function sigmoidComplement(u: number): number {
  const z = Math.exp(-Math.abs(u));
  return u >= 0 ? z / (1 + z) : 1 / (1 + z);
}

/** cᵘ for a constant base: a negative base is outside the domain (cᵘ is real only at integers). */
export function constantPower(c: number, u: number): number {
  return c >= 0 ? Math.pow(c, u) : NaN;
}

/** The value of a one-argument function. */
export function unaryValue(op: number, u: number): number {
  switch (op) {
    case SIN: return Math.sin(u);
    case COS: return Math.cos(u);
    case TAN: return Math.tan(u);
    case ASIN: return Math.asin(u);
    case ACOS: return Math.acos(u);
    case ATAN: return Math.atan(u);
    case EXP: return Math.exp(u);
    case LOG: return Math.log(u);
    case SQRT: return Math.sqrt(u);
    case ABS: return Math.abs(u);
    case TANH: return Math.tanh(u);
    case SIGMOID: return sigmoid(u);
    case SINH: return Math.sinh(u);
    case COSH: return Math.cosh(u);
    default: return NaN;
  }
}

/**
 * Writes g(u), g′(u) and, when `second`, g″(u) into out[0..2] for a
 * one-argument function (the table in the header).
 */
export function unaryDerivatives(op: number, u: number, second: boolean, out: Float64Array): void {
  let g0: number, g1: number, g2 = 0;
  switch (op) {
    case SIN: g0 = Math.sin(u); g1 = Math.cos(u); g2 = -g0; break;
    case COS: g0 = Math.cos(u); g1 = -Math.sin(u); g2 = -g0; break;
    case TAN: { g0 = Math.tan(u); g1 = 1 + g0 * g0; g2 = 2 * g0 * g1; break; }
    case ASIN:
    case ACOS: {
      const w = 1 - u * u;
      const r = 1 / Math.sqrt(w);
      const sign = op === ASIN ? 1 : -1;
      g0 = op === ASIN ? Math.asin(u) : Math.acos(u);
      g1 = sign * r;
      if (second) g2 = (sign * u * r) / w;
      break;
    }
    case ATAN: { const w = 1 + u * u; g0 = Math.atan(u); g1 = 1 / w; g2 = (-2 * u) / (w * w); break; }
    case EXP: g0 = Math.exp(u); g1 = g0; g2 = g0; break;
    case LOG: g0 = Math.log(u); g1 = 1 / u; g2 = -g1 * g1; break;
    case SQRT: g0 = Math.sqrt(u); g1 = 0.5 / g0; g2 = -g1 / (2 * u); break;
    case ABS: g0 = Math.abs(u); g1 = Math.sign(u); break;
    case TANH: g0 = Math.tanh(u); g1 = 1 - g0 * g0; g2 = -2 * g0 * g1; break;
    case SIGMOID: {
      g0 = sigmoid(u);
      const c = sigmoidComplement(u);
      g1 = g0 * c;
      g2 = g1 * (c - g0);
      break;
    }
    case SINH: g0 = Math.sinh(u); g1 = Math.cosh(u); g2 = g0; break;
    case COSH: g0 = Math.cosh(u); g1 = Math.sinh(u); g2 = g0; break;
    default: g0 = g1 = g2 = NaN;
  }
  out[0] = g0;
  out[1] = g1;
  out[2] = g2;
}

/** The value of any instruction given its operand values: what constant folding uses. */
export function instructionValue(op: number, a: number, b: number, k: number): number {
  switch (op) {
    case ADD: return a + b;
    case SUB: return a - b;
    case MUL: return a * b;
    case DIV: return a / b;
    case NEG: return -a;
    case ADDK: return a + k;
    case KSUB: return k - a;
    case MULK: return a * k;
    case DIVK: return a / k;
    case KDIV: return k / a;
    case SQR: return a * a;
    case POWK: return Math.pow(a, k);
    case KPOW: return constantPower(k, a);
    case CONST: return k;
    case POW: return generalPower(a, b);
    case MIN: return Math.min(a, b);
    case MAX: return Math.max(a, b);
    default: return unaryValue(op, a);
  }
}

/** aᵇ with both varying: defined for a > 0 (and 0ᵇ); a negative base is outside the domain. */
export function generalPower(a: number, b: number): number {
  return a >= 0 ? Math.pow(a, b) : NaN;
}
