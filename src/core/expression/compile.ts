/**
 * Compiling a syntax tree into a flat program: one instruction per distinct
 * operation, in an order where every operand comes first. On the way,
 * constant subtrees are folded (with the same arithmetic the evaluator uses),
 * a constant operand becomes part of its instruction (x/20 is one DIVK, not a
 * load and a DIV), and repeated subexpressions are computed once.
 */
import type { ExpressionNode } from './tree';
import { constants } from './tree';
import { opcodes, unaryOpcodes, instructionValue } from './ops';

const { ADD, SUB, MUL, DIV, NEG, ADDK, KSUB, MULK, DIVK, KDIV, SQR, POWK, KPOW, CONST, POW, MIN, MAX, EXP } = opcodes;

/**
 * Instruction i reads slots a[i], b[i] and constant k[i] and writes slot i + 2; slots 0 and 1 are x and y.
 * An operand an instruction does not use is 0, so reading it never leaves the array.
 */
export interface Program {
  opcodes: Int32Array;
  a: Int32Array;
  b: Int32Array;
  k: Float64Array;
  /** Slot holding f, or −1 when f is the constant `constant`. */
  result: number;
  constant: number;
  /** Number of slots: 2 + instructions. */
  slots: number;
}

/**
 * a^n for constants, with the same arithmetic `powerConstant` emits for a
 * varying a (n = 2 is a·a, n = −1 is 1/a, n = 0 keeps a NaN), so a folded
 * constant equals what the program would compute. Negative bases with integer
 * exponents are allowed, as for u^n.
 */
function foldPower(a: number, n: number): number {
  if (n === 1) return a;
  if (n === 2) return a * a;
  if (n === -1) return 1 / a;
  if (n === 0) return a * 0 + 1;
  return Math.pow(a, n);
}

type Slot = { slot: number };
type Operand = Slot | { value: number };
const isConstant = (o: Operand): o is { value: number } => 'value' in o;
/** The slot of an operand known not to be constant. */
const slot = (o: Operand): number => (o as Slot).slot;

export function compileTree(tree: ExpressionNode): Program {
  const opcodes: number[] = [];
  const as: number[] = [];
  const bs: number[] = [];
  const ks: number[] = [];
  const seen = new Map<string, number>();

  function emit(op: number, a: number, b = 0, k = 0): Slot {
    // Object.is keeps -0 and 0 apart: they can differ downstream (1/k).
    const key = `${op} ${a} ${b} ${Object.is(k, -0) ? '-0' : k}`;
    const known = seen.get(key);
    if (known !== undefined) return { slot: known };
    opcodes.push(op);
    as.push(a);
    bs.push(b);
    ks.push(k);
    const index = opcodes.length + 1;
    seen.set(key, index);
    return { slot: index };
  }

  const slotOf = (o: Operand): number => (isConstant(o) ? emit(CONST, 0, 0, o.value).slot : slot(o));

  /** u^n for a constant n: the common exponents get exact, cheaper forms. */
  function powerConstant(u: Slot, n: number): Operand {
    if (n === 1) return u;
    if (n === 2) return emit(SQR, u.slot);
    if (n === -1) return emit(KDIV, u.slot, 0, 1);
    // u^0 = 1, but 0·u keeps a NaN from outside the domain (Math.pow(NaN, 0) would say 1).
    if (n === 0) return emit(ADDK, emit(MULK, u.slot, 0, 0).slot, 0, 1);
    return emit(POWK, u.slot, 0, n);
  }

  function binary(operator: string, left: Operand, right: Operand): Operand {
    if (isConstant(left) && isConstant(right)) {
      const op = { '+': ADD, '-': SUB, '*': MUL, '/': DIV, '^': POW }[operator]!;
      const value = op === POW ? foldPower(left.value, right.value) : instructionValue(op, left.value, right.value, 0);
      return { value };
    }
    switch (operator) {
      case '+':
        if (isConstant(left)) return emit(ADDK, slot(right), 0, left.value);
        if (isConstant(right)) return emit(ADDK, slot(left), 0, right.value);
        return emit(ADD, slot(left), slot(right));
      case '-':
        // u − k and u + (−k) round identically.
        if (isConstant(right)) return emit(ADDK, slot(left), 0, -right.value);
        if (isConstant(left)) return emit(KSUB, slot(right), 0, left.value);
        return emit(SUB, slot(left), slot(right));
      case '*':
        if (isConstant(left)) return emit(MULK, slot(right), 0, left.value);
        if (isConstant(right)) return emit(MULK, slot(left), 0, right.value);
        return slot(left) === slot(right) ? emit(SQR, slot(left)) : emit(MUL, slot(left), slot(right));
      case '/':
        if (isConstant(right)) return emit(DIVK, slot(left), 0, right.value);
        if (isConstant(left)) return emit(KDIV, slot(right), 0, left.value);
        return emit(DIV, slot(left), slot(right));
      default:
        if (isConstant(right)) return powerConstant({ slot: slot(left) }, right.value);
        // e^u is exp(u): one exact-to-the-ulp call instead of pow and log.
        if (isConstant(left)) return left.value === Math.E ? emit(EXP, slot(right)) : emit(KPOW, slot(right), 0, left.value);
        return emit(POW, slot(left), slot(right));
    }
  }

  function visit(node: ExpressionNode): Operand {
    switch (node.kind) {
      case 'number':
        return { value: node.value };
      case 'constant':
        return { value: constants[node.name] };
      case 'variable':
        return { slot: node.name === 'x' ? 0 : 1 };
      case 'negate': {
        const u = visit(node.operand);
        return isConstant(u) ? { value: -u.value } : emit(NEG, u.slot);
      }
      case 'binary':
        return binary(node.operator, visit(node.left), visit(node.right));
      case 'call': {
        const args = node.args.map(visit);
        if (node.name === 'pow') return binary('^', args[0], args[1]);
        if (node.name === 'min' || node.name === 'max') {
          const op = node.name === 'min' ? MIN : MAX;
          if (isConstant(args[0]) && isConstant(args[1])) return { value: instructionValue(op, args[0].value, args[1].value, 0) };
          return emit(op, slotOf(args[0]), slotOf(args[1]));
        }
        const op = unaryOpcodes[node.name];
        const u = args[0];
        return isConstant(u) ? { value: instructionValue(op, u.value, 0, 0) } : emit(op, u.slot);
      }
    }
  }

  const root = visit(tree);
  return {
    opcodes: Int32Array.from(opcodes),
    a: Int32Array.from(as),
    b: Int32Array.from(bs),
    k: Float64Array.from(ks),
    result: isConstant(root) ? -1 : root.slot,
    constant: isConstant(root) ? root.value : NaN,
    slots: opcodes.length + 2,
  };
}
