/** fast-check arbitraries for scenes, shared by the state tests. */
import fc from 'fast-check';
import { optimizerIds, surfaceIds, type OptimizerConfig, type ScheduleConfig, type GradientConfig } from '../../src/core';
import { limits, type RunSpec, type Scene } from '../../src/state/scene';
import { normalizeScene, prepareCustom } from '../../src/state/normalize';
import { customExamples } from '../../src/state/customExamples';
import { smoothTree, toText } from '../core/expression/arbitraries';

/** Doubles spread over decades, the way hyperparameters vary. */
const logUniform = (min: number, max: number) =>
  fc.oneof(
    fc.double({ min: Math.log10(min), max: Math.log10(max), noNaN: true }).map((e) => Math.min(max, Math.max(min, 10 ** e))),
    fc.constantFrom(min, max),
  );
const inRange = (min: number, max: number) => fc.double({ min, max, noNaN: true });
const whole = (min: number, max: number) => fc.integer({ min, max });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** Any text a user could type, lone surrogates and control characters included. */
export const anyText = fc.string({
  unit: fc.oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
    fc.constantFrom('(', ')', ',', '&', '=', '%', '#', '+', ' ', '%2C', '\u0000', '\u202e', '\t'),
    fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  ),
  maxLength: 50,
});

const optimizer = fc.record({
  id: fc.constantFrom(...optimizerIds),
  learningRate: maybe(logUniform(limits.learningRate.min, limits.learningRate.max)),
  beta: maybe(inRange(limits.beta.min, limits.beta.max)),
  beta1: maybe(inRange(limits.beta.min, limits.beta.max)),
  beta2: maybe(fc.oneof(inRange(limits.beta.min, limits.beta.max), fc.constantFrom(0.999, 0.99))),
  epsilon: maybe(logUniform(limits.epsilon.min, limits.epsilon.max)),
  weightDecay: maybe(inRange(limits.weightDecay.min, limits.weightDecay.max)),
  form: maybe(fc.constantFrom('heavy-ball' as const, 'ema' as const)),
  biasCorrection: maybe(fc.boolean()),
  amsgrad: maybe(fc.boolean()),
}, { requiredKeys: ['id'] }) as fc.Arbitrary<OptimizerConfig>;

const schedule: fc.Arbitrary<ScheduleConfig> = fc.tuple(
  fc.oneof(
    fc.constant({ kind: 'constant' as const }),
    inRange(limits.decayRate.min, limits.decayRate.max).map((k) => ({ kind: 'inverse-time' as const, k })),
    inRange(limits.decay.min, limits.decay.max).map((gamma) => ({ kind: 'exponential' as const, gamma })),
    fc.constant({ kind: 'inverse-sqrt' as const }),
    fc.tuple(inRange(limits.decay.min, limits.decay.max), whole(limits.interval.min, limits.interval.max))
      .map(([gamma, every]) => ({ kind: 'step' as const, gamma, every })),
  ),
  maybe(whole(0, limits.warmup.max)),
  maybe(fc.constantFrom('step' as const, 'epoch' as const)),
).map(([base, warmup, per]) => ({ ...base, ...(warmup === undefined ? {} : { warmup }), ...(per ? { per } : {}) }));

const gradient: fc.Arbitrary<GradientConfig> = fc.oneof(
  fc.constant({ kind: 'analytic' as const }),
  fc.tuple(fc.constantFrom('forward' as const, 'central' as const), logUniform(limits.difference.min, limits.difference.max))
    .map(([kind, h]) => ({ kind, h })),
);

const run: fc.Arbitrary<RunSpec> = fc.record({
  key: fc.constant(''),
  label: fc.oneof(fc.constant(''), anyText),
  color: whole(limits.color.min, limits.color.max),
  hidden: fc.boolean(),
  optimizer,
  schedule,
  gradient,
  batchSize: fc.oneof(whole(limits.batchSize.min, limits.batchSize.max), fc.constant(32)),
});

const coordinate = fc.oneof(
  inRange(-limits.coordinate.maxAbs, limits.coordinate.maxAbs),
  inRange(-10, 10),
  fc.integer({ min: -10, max: 10 }),
);

const box = fc.tuple(coordinate, coordinate, coordinate, coordinate)
  .filter(([a, b, c, d]) => a !== b && c !== d)
  .map(([a, b, c, d]) => ({ x: [Math.min(a, b), Math.max(a, b)] as [number, number], y: [Math.min(c, d), Math.max(c, d)] as [number, number] }));

/**
 * Typed-in surfaces: the menu's examples, random smooth expressions (as the
 * parser's own tests write them), and text with odd spacing, unicode-free but
 * using every kind of token; kept only where they are finite somewhere in the box.
 */
const customSurface = fc.record({
  id: fc.constant('custom' as const),
  ripple: fc.oneof(fc.constant(0), inRange(limits.ripple.min, limits.ripple.max)),
  expression: fc.oneof(
    fc.constantFrom(...customExamples.map((e) => e.expression), 'x', '  -x ^ 2 ^ 0.5+y', 'log(x) + sqrt(y)', 'max(x, y) - pi*e', '1e-3*x + 2E+2*y'),
    smoothTree(3).map(toText),
  ),
  box: fc.oneof(box, fc.constantFrom(...customExamples.map((e) => e.box))),
}).filter((s) => s.expression.length <= limits.expression.maxLength && prepareCustom(s.expression, s.box).ok);

/** Scenes made of in-range and boundary values, then normalized: the codec's domain. */
export const sceneArbitrary: fc.Arbitrary<Scene> = fc.record({
  surface: fc.oneof(
    { weight: 4, arbitrary: fc.record({
      id: fc.constantFrom(...surfaceIds),
      ripple: fc.oneof(fc.constant(0), inRange(limits.ripple.min, limits.ripple.max)),
    }) },
    { weight: 1, arbitrary: customSurface },
  ),
  start: fc.tuple(coordinate, coordinate),
  steps: fc.oneof(whole(limits.steps.min, limits.steps.max), fc.constant(60)),
  seed: fc.oneof(whole(limits.seed.min, limits.seed.max), fc.constant(1)),
  tolerance: fc.oneof(fc.constant(0), inRange(limits.tolerance.min, limits.tolerance.max)),
  maximize: fc.boolean(),
  runs: fc.array(run, { maxLength: limits.runs.max }),
  view: fc.option(box, { nil: null }),
}).map((raw) => normalizeScene(raw));

/** A scene with its page-local run keys removed, for comparing what a link carries. */
export function withoutKeys(scene: Scene): unknown {
  return { ...scene, runs: scene.runs.map(({ key: _key, ...rest }) => rest) };
}
