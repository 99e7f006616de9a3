/**
 * encode → decode gives back every valid state: 10,000 normalized scenes made
 * from in-range and boundary values, plus scenes normalized from wild raw
 * values (NaN, ±Infinity, -0, out-of-range numbers, unknown ids), which are
 * just as valid once normalized and exercise the clamped edges.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { optimizerIds, surfaceIds, type OptimizerConfig } from '../../src/core';
import { decodeScene, encodeScene } from '../../src/state/urlCodec';
import { normalizeScene } from '../../src/state/normalize';
import type { RunSpec, Scene } from '../../src/state/scene';
import { anyText, sceneArbitrary, withoutKeys } from './arbitraries';

let scenesChecked = 0;

/** Deep equality with Object.is on leaves (so -0 ≠ 0 and NaN = NaN) and the same keys on both sides. */
function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Plain checks, not expect(): this runs 11,000 times. */
function roundTrips(scene: Scene): void {
  const hash = encodeScene(scene);
  const { scene: back, notices } = decodeScene(hash);
  const problems: string[] = [];
  if (notices.length) problems.push(`notices: ${notices.join(' | ')}`);
  if (!same(withoutKeys(back), withoutKeys(scene))) problems.push(`read back as ${JSON.stringify(withoutKeys(back))}`);
  // The link is canonical: writing the decoded scene gives the same text.
  if (encodeScene(back) !== hash) problems.push(`re-encoded as ${encodeScene(back)}`);
  if (problems.length) throw new Error(`${hash}: ${problems.join('; ')}`);
  scenesChecked++;
}

/** Any number at all, the kind a buggy caller or a hand-edited state could hold. */
const wildNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e999, -1e999, 5e-324, 2 ** 32, 0.9999999, 1e-17),
  fc.integer({ min: -1e6, max: 1e6 }),
);
const wildOptimizer = fc.record({
  id: fc.constantFrom(...optimizerIds),
  learningRate: wildNumber, beta: wildNumber, beta1: wildNumber, beta2: wildNumber, epsilon: wildNumber, weightDecay: wildNumber,
  form: fc.constantFrom('heavy-ball', 'ema', 'other'),
  biasCorrection: fc.boolean(), amsgrad: fc.boolean(),
}, { requiredKeys: ['id'] }) as unknown as fc.Arbitrary<OptimizerConfig>;
const wildRun = fc.record({
  key: fc.constant(''),
  label: anyText,
  color: wildNumber,
  hidden: fc.boolean(),
  optimizer: wildOptimizer,
  schedule: fc.oneof(
    fc.record({ kind: fc.constant('inverse-time'), k: wildNumber, warmup: wildNumber }),
    fc.record({ kind: fc.constant('exponential'), gamma: wildNumber, per: fc.constantFrom('epoch', 'step') }),
    fc.record({ kind: fc.constant('step'), gamma: wildNumber, every: wildNumber, warmup: wildNumber }),
    fc.constantFrom({ kind: 'constant' }, { kind: 'inverse-sqrt' }, { kind: 'cosine' }),
  ),
  gradient: fc.oneof(fc.constant({ kind: 'analytic' }), fc.record({ kind: fc.constantFrom('forward', 'central'), h: wildNumber })),
  batchSize: wildNumber,
}) as unknown as fc.Arbitrary<RunSpec>;
const wildScene = fc.record({
  surface: fc.record({ id: fc.constantFrom(...surfaceIds, 'moon'), ripple: wildNumber }),
  start: fc.tuple(wildNumber, wildNumber),
  steps: wildNumber,
  seed: wildNumber,
  tolerance: wildNumber,
  maximize: fc.boolean(),
  runs: fc.array(wildRun, { maxLength: 14 }),
  view: fc.option(fc.record({ x: fc.tuple(wildNumber, wildNumber), y: fc.tuple(wildNumber, wildNumber) }), { nil: null }),
}).map((raw) => normalizeScene(raw as unknown as Scene));

// Generous: the machine running the suite may be busy.
describe('encode → decode', { timeout: 30_000 }, () => {
  it('round-trips 10,000 normalized scenes exactly, with no notices', () => {
    fc.assert(fc.property(sceneArbitrary, roundTrips), { numRuns: 10_000 });
    expect(scenesChecked).toBeGreaterThanOrEqual(10_000);
  });

  it('round-trips scenes normalized from wild values (NaN, ±Infinity, -0, out of range)', () => {
    fc.assert(fc.property(wildScene, roundTrips), { numRuns: 1_000 });
  });
});
