/**
 * decodeScene against 10,000+ generated hostile links: arbitrary text, links
 * built from the grammar with mutated values, runaway numbers, broken
 * percent-encoding, prototype keys, hundreds of runs and 1 MB hashes. Every
 * one must decode without throwing, to a scene inside every documented limit,
 * doing work bounded by the (capped) length of the link.
 *
 * Work is measured, not timed: the text primitives of urlText are wrapped to
 * count the characters they are handed, which is where decoding spends its
 * effort (normalizing afterwards is bounded by the run cap).
 */
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { optimizerIds, optimizerInfo, parseExpression, prepareCustomSurface, surfaceIds } from '../../src/core';
import { decodeScene, encodeScene } from '../../src/state/urlCodec';
import { sceneDefaults } from '../../src/state/normalize';
import { defaultScene } from '../../src/state/defaults';
import { limits, type Scene } from '../../src/state/scene';
import { sceneArbitrary, withoutKeys } from './arbitraries';

const work = vi.hoisted(() => ({ calls: 0, chars: 0 }));
vi.mock('../../src/state/urlText', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/state/urlText')>();
  const counted = <A extends [string, ...unknown[]], R>(fn: (...args: A) => R) => (...args: A): R => {
    work.calls++;
    work.chars += args[0].length;
    return fn(...args);
  };
  return {
    ...original,
    decodeText: counted(original.decodeText),
    parseNumber: counted(original.parseNumber),
    parseNumbers: counted(original.parseNumbers),
    parseFlag: counted(original.parseFlag),
  };
});

// ─────────────────────────── what every decoded scene satisfies ───────────────────────────

const sceneFields = ['surface', 'start', 'steps', 'seed', 'tolerance', 'maximize', 'runs', 'view'];
const runFields = ['key', 'label', 'color', 'hidden', 'optimizer', 'schedule', 'gradient', 'batchSize'];
const hyperparameterRange: Record<string, { min: number; max: number }> = {
  learningRate: limits.learningRate, beta: limits.beta, beta1: limits.beta, beta2: limits.beta,
  epsilon: limits.epsilon, weightDecay: limits.weightDecay,
};
const unsafeLabelText = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function inRange(value: unknown, range: { min: number; max: number }, integer = false): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= range.min && value <= range.max
    && (!integer || Number.isInteger(value)) && !Object.is(value, -0);
}

/** Checked against scene.ts `limits` directly, not through normalizeScene, so a bug there can't hide. */
function violations(scene: Scene, notices: string[]): string[] {
  const bad: string[] = [];
  const check = (ok: boolean, what: string) => { if (!ok) bad.push(what); };
  check(Object.getPrototypeOf(scene) === Object.prototype, 'scene is a plain object');
  check(JSON.stringify(Object.keys(scene).sort()) === JSON.stringify([...sceneFields].sort()), 'scene fields');
  const coordinate = { min: -limits.coordinate.maxAbs, max: limits.coordinate.maxAbs };
  const surface = scene.surface;
  check((surfaceIds as string[]).includes(surface.id) || surface.id === 'custom', 'surface id');
  check(inRange(surface.ripple, limits.ripple), 'ripple');
  if (surface.id === 'custom') {
    // A custom surface always carries text that parses, within the length limit, and a proper box where f is finite somewhere.
    check(JSON.stringify(Object.keys(surface).sort()) === '["box","expression","id","ripple"]', 'custom surface fields');
    check(typeof surface.expression === 'string' && surface.expression.length <= limits.expression.maxLength
      && parseExpression(surface.expression).ok, 'expression');
    const box = surface.box;
    check(!!box && [box.x[0], box.x[1], box.y[0], box.y[1]].every((c) => inRange(c, coordinate)) && box.x[0] < box.x[1] && box.y[0] < box.y[1], 'box');
    check(!!box && typeof surface.expression === 'string' && prepareCustomSurface({ expression: surface.expression, view: box! }).ok, 'finite somewhere');
  } else {
    check(JSON.stringify(Object.keys(surface).sort()) === '["id","ripple"]', 'built-in surface fields');
  }
  check(scene.start.length === 2 && scene.start.every((c) => inRange(c, coordinate)), 'start');
  check(inRange(scene.steps, limits.steps, true), 'steps');
  check(inRange(scene.seed, limits.seed, true), 'seed');
  check(inRange(scene.tolerance, limits.tolerance), 'tolerance');
  check(typeof scene.maximize === 'boolean', 'maximize');
  if (scene.view !== null) {
    const [x0, x1] = scene.view.x;
    const [y0, y1] = scene.view.y;
    check([x0, x1, y0, y1].every((c) => inRange(c, coordinate)) && x0 < x1 && y0 < y1, 'view');
  }
  check(Array.isArray(scene.runs) && scene.runs.length <= limits.runs.max, 'runs cap');
  check(new Set(scene.runs.map((r) => r.key)).size === scene.runs.length, 'unique run keys');
  scene.runs.forEach((run, i) => {
    const at = `run ${i + 1}: `;
    check(JSON.stringify(Object.keys(run).sort()) === JSON.stringify([...runFields].sort()), `${at}fields`);
    check(typeof run.key === 'string' && run.key !== '', `${at}key`);
    check(typeof run.label === 'string' && run.label !== '' && Array.from(run.label).length <= limits.label.maxLength
      && !unsafeLabelText.test(run.label) && run.label === run.label.trim(), `${at}label`);
    check(inRange(run.color, limits.color, true), `${at}colour`);
    check(typeof run.hidden === 'boolean', `${at}hidden`);
    check(inRange(run.batchSize, limits.batchSize, true), `${at}batch size`);
    const { id, ...given } = run.optimizer;
    check((optimizerIds as string[]).includes(id), `${at}optimizer id`);
    const used = optimizerInfo[id]?.hyperparameters ?? [];
    check(Object.keys(given).every((name) => (used as string[]).includes(name)), `${at}only used hyperparameters`);
    for (const [name, value] of Object.entries(given)) {
      if (name === 'form') check(value === 'heavy-ball' || value === 'ema', `${at}form`);
      else if (name === 'biasCorrection' || name === 'amsgrad') check(typeof value === 'boolean', `${at}${name}`);
      else check(inRange(value, hyperparameterRange[name]), `${at}${name}`);
    }
    const s = run.schedule;
    if (s.kind === 'inverse-time') check(inRange(s.k, limits.decayRate), `${at}schedule k`);
    else if (s.kind === 'exponential') check(inRange(s.gamma, limits.decay), `${at}schedule γ`);
    else if (s.kind === 'step') check(inRange(s.gamma, limits.decay) && inRange(s.every, limits.interval, true), `${at}step schedule`);
    else check(s.kind === 'constant' || s.kind === 'inverse-sqrt', `${at}schedule kind`);
    if (s.warmup !== undefined) check(inRange(s.warmup, limits.warmup, true), `${at}warm-up`);
    if (s.per !== undefined) check(s.per === 'epoch', `${at}per`);
    const g = run.gradient;
    check(g.kind === 'analytic' || ((g.kind === 'forward' || g.kind === 'central') && inRange(g.h, limits.difference)), `${at}gradient`);
  });
  check(notices.length <= limits.notices.max, 'notice count');
  // User text is quoted at most 24 characters long, so a notice can't carry a payload or flood the page.
  check(notices.every((n) => typeof n === 'string' && n.length > 0 && n.length <= 200), 'notice text');
  return bad;
}

function decodeURIComponentSafe(text: string): string {
  try { return decodeURIComponent(text); } catch { return text; }
}

/** The text decodeScene actually reads: at most limits.hash.maxLength characters after an optional '#'. */
function readPart(hash: string): string {
  return (hash.startsWith('#') ? hash.slice(1) : hash).slice(0, limits.hash.maxLength);
}

let linksDecoded = 0;

/**
 * Decode, then hold the result to every limit and the work to the length read.
 * Plain checks rather than expect(): this runs 10,000 times and must stay fast.
 */
function decodesSafely(hash: string): ReturnType<typeof decodeScene> {
  work.calls = 0;
  work.chars = 0;
  let result: ReturnType<typeof decodeScene>;
  try {
    result = decodeScene(hash);
  } catch (error) {
    throw new Error(`decodeScene threw on ${JSON.stringify(hash.slice(0, 200))}: ${String(error)}`);
  }
  linksDecoded++;
  const { scene, notices } = result;
  const problems = violations(scene, notices);
  const read = readPart(hash);
  const separators = read.replace(/[^&,:(=]/g, '').length;
  // Each character is handed to a primitive at most a few times (key, value, and once more when a
  // whole run was escaped), and each token costs a bounded number of calls.
  if (work.chars > 4 * read.length + 16) problems.push(`read ${work.chars} characters of a ${read.length}-character link`);
  if (work.calls > 4 * (separators + 1) + 16) problems.push(`${work.calls} primitive calls for ${separators} separators`);
  // What decodes must encode, and the encoding must be a link inside the hash cap.
  if (encodeScene(scene).length > limits.hash.maxLength) problems.push('its encoding is longer than the hash cap');
  if (problems.length) throw new Error(`${JSON.stringify(hash.slice(0, 200))}: ${problems.join('; ')}`);
  return result;
}

// ─────────────────────────────────── generators ───────────────────────────────────

const hostileNumberText = fc.oneof(
  fc.constantFrom(
    'NaN', 'nan', '-NaN', 'Infinity', '-Infinity', '+Infinity', 'infinity', 'INF', '1e999', '-1e999', '1e-999', '1e308',
    '1.7976931348623157e308', '5e-324', '-0', '0', '', ' ', '0x10', '0b11', '1_000', '١٢٣', '1e', 'e5', '.', '-', '+', '1..2',
    '12345678901234567890', '4294967296', '-4294967297', '9007199254740993', 'null', 'undefined', 'true', '[]', '{}',
    '1,2', '1%2C2', '%31', '1e+', '--1', '1e1e1', '⁹', '9'.repeat(400), '0.'.padEnd(400, '0') + '1',
  ),
  fc.double().map(String),
  fc.integer().map(String),
  fc.bigInt().map(String),
  fc.string({ maxLength: 8 }),
);

const percentGarbage = fc.array(
  fc.constantFrom('%', '%%', '%E0%A4%A', '%E0', '%C3%28', '%FF', '%ZZ', '%0', '%00', '%ED%A0%80', '%F4%90%80%80',
    '%25', '%2525', '%28', '%29', '%26', '%3D', '%2C', '%3C', '%3E', '%22', '%u0041', 'a', '='),
  { maxLength: 40 },
).map((parts) => parts.join(''));

const prototypeKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf',
  '__defineGetter__', '__proto__[polluted]', 'constructor.prototype.polluted', '%5F%5Fproto%5F%5F');

const sceneKey = fc.oneof(
  fc.constantFrom('v', 's', 'r', 'start', 'n', 'seed', 'tol', 'max', 'view', 'run', 'RUN', ' n ', 'S', '%73', 'fx', 'box', 'FX'),
  prototypeKey,
  fc.string({ maxLength: 6 }),
);
const runKey = fc.oneof(
  fc.constantFrom('lr', 'b', 'b1', 'b2', 'eps', 'wd', 'form', 'bc', 'ams', 'sched', 'warm', 'per', 'grad', 'bs', 'hide', 'c',
    'label', 'LR', '%6Cr'),
  prototypeKey,
  fc.string({ maxLength: 6 }),
);
const markup = fc.constantFrom('<img src=x onerror=alert(1)>', '<script>alert(1)</script>', 'javascript:alert(1)',
  '"><svg onload=alert(1)>', '&lt;b&gt;', '\u202eevil', '\u0000', '{{constructor.constructor("x")()}}');
const runValue = fc.oneof(
  hostileNumberText,
  percentGarbage,
  markup.map((text) => encodeURIComponent(text)),
  markup,
  fc.constantFrom('hb', 'ema', 'epoch', 'step', 'const', 'invtime:0.1', 'exp:1e999', 'step:NaN:0', 'step:0.5:-1e9',
    'invsqrt', 'cosine:3', 'central:0', 'forward:NaN', 'central:1e999', 'analytic', 'numeric:1', ':::', ''),
  fc.tuple(fc.constantFrom('invtime', 'exp', 'step', 'forward', 'central'), hostileNumberText, hostileNumberText)
    .map(([kind, a, b]) => `${kind}:${a}:${b}`),
);
const runText = fc.tuple(
  fc.oneof(fc.constantFrom(...optimizerIds), fc.constantFrom('lion', 'ADAM', 'none', '', 'javascript:alert(1)', '__proto__', 'constructor')),
  fc.array(fc.tuple(runKey, fc.option(runValue, { nil: undefined })), { maxLength: 10 }),
  fc.constantFrom('(', '%28', ''),
  fc.constantFrom(')', '', '%29', '))'),
).map(([id, params, open, close]) =>
  `${id}${open}${params.map(([k, v]) => (v === undefined ? k : `${k}=${v}`)).join(',')}${close}`);
/** What a link's fx= may hold: huge, deeply nested, unicode look-alikes, markup, escapes, almost-valid text. */
const hostileExpression = fc.oneof(
  fc.constantFrom(
    'x+'.repeat(3000) + 'x', '('.repeat(500) + 'x' + ')'.repeat(500), 'sin('.repeat(70) + 'x' + ')'.repeat(70),
    '-'.repeat(200) + 'x', 'x' + '^x'.repeat(100), 'ｘ^2 + ｙ^2', 'x² + y²', 'x·y', 'x × y', '√x', 'π*x', '😀', 'x\u202e+y',
    'x\u0000', 'cos(x', 'x +', '2x', 'ln(x)', 'sinx', 'max(x)', 'log(-1-x^2)', '1e999*x', '0/0', 'exp(exp(exp(x)))',
    'constructor', '__proto__(x)', 'toString', 'x%2', '%78%5E2', 'x&y', 'x=y', '', ' ', 'NaN', 'Infinity',
    '<img src=x onerror=alert(1)>', '<script>alert(1)</script>', 'javascript:alert(1)',
  ),
  markup,
  fc.string({ unit: fc.constantFrom('x', 'y', '(', ')', '+', '-', '*', '/', '^', ',', '1', '.', 'e', 'sin', 'log', ' ', 'pi'), maxLength: 60 }),
).chain((text) => fc.constantFrom(text, encodeURIComponent(text)));
const sceneValue = fc.oneof(
  hostileNumberText,
  hostileExpression,
  percentGarbage,
  fc.tuple(hostileNumberText, hostileNumberText).map(([a, b]) => `${a},${b}`),
  fc.array(hostileNumberText, { minLength: 4, maxLength: 4 }).map((v) => v.join(',')),
  fc.constantFrom(...surfaceIds, 'custom', 'custom', 'CUSTOM', 'moon', 'javascript:alert(1)', 'ELLIPSE', 'еllipse'),
);

/** Links written in the grammar, with hostile keys and values. */
const grammarLink = fc.array(
  fc.oneof(
    fc.tuple(sceneKey, fc.option(sceneValue, { nil: undefined })).map(([k, v]) => (v === undefined ? k : `${k}=${v}`)),
    runText.map((run) => `run=${run}`),
  ),
  { maxLength: 30 },
).chain((parts) => fc.constantFrom('', '#').map((hashMark) => hashMark + parts.join('&')));

/** A valid link, then damaged: values swapped for hostile ones, parts repeated, characters cut or inserted. */
const mutation = fc.record({
  kind: fc.constantFrom('value', 'runValue', 'repeat', 'delete', 'insert', 'escape', 'truncate', 'prototype', 'upper'),
  at: fc.nat(),
  text: fc.oneof(hostileNumberText, percentGarbage, markup, prototypeKey),
});
function mutate(hash: string, { kind, at, text }: { kind: string; at: number; text: string }): string {
  const parts = hash.split('&');
  const i = at % parts.length;
  switch (kind) {
    case 'value': {
      const eq = parts[i].indexOf('=');
      parts[i] = `${eq < 0 ? parts[i] : parts[i].slice(0, eq)}=${text}`;
      return parts.join('&');
    }
    case 'runValue':
      return hash.replace(/=[^=&,()]*([,)])/, `=${text}$1`);
    case 'repeat': return [...parts, parts[i]].join('&');
    case 'delete': return hash.slice(0, at % (hash.length + 1)) + hash.slice((at % (hash.length + 1)) + 1);
    case 'insert': return hash.slice(0, at % (hash.length + 1)) + text + hash.slice(at % (hash.length + 1));
    case 'escape': return parts.map((p, j) => (j === i ? encodeURIComponent(p) : p)).join('&');
    case 'truncate': return hash.slice(0, at % (hash.length + 1));
    case 'prototype': return `${hash}&${text}=1&run=adam(${text}=1)`;
    default: return parts.map((p, j) => (j === i ? p.toUpperCase() : p)).join('&');
  }
}
const mutatedLink = fc.tuple(sceneArbitrary, fc.array(mutation, { minLength: 1, maxLength: 5 }))
  .map(([scene, mutations]) => mutations.reduce(mutate, encodeScene(scene)));

const anyString = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: fc.constantFrom('&', '=', '(', ')', ',', ':', '%', '#', 'run', 's', 'n', '1', 'e', '9'), maxLength: 300 }),
);

// ───────────────────────────────────── properties ─────────────────────────────────────

const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();

// Generous: the machine running the suite may be busy; the work itself is bounded above.
const timeout = 30_000;

describe('decoding generated hostile links', { timeout }, () => {
  let testsFinished = 0;
  afterEach(() => { testsFinished++; });
  afterAll(() => {
    // Not a test of decode but of this file: when every property ran, the promised 10,000 links were decoded.
    if (testsFinished === 8) expect(linksDecoded).toBeGreaterThanOrEqual(10_000);
    // No link added anything to Object.prototype.
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('decodes arbitrary strings without throwing, inside every limit', () => {
    fc.assert(fc.property(anyString, (h) => { decodesSafely(h); }), { numRuns: 3000 });
  });

  it('decodes links built from the grammar with hostile keys and values', () => {
    fc.assert(fc.property(grammarLink, (h) => { decodesSafely(h); }), { numRuns: 3300 });
  });

  it('decodes valid links after random damage', () => {
    fc.assert(fc.property(mutatedLink, (h) => { decodesSafely(h); }), { numRuns: 2800 });
  });

  it('decodes custom-surface links with hostile expressions and boxes, falling back to the default and saying where', () => {
    const boxText = fc.oneof(
      fc.array(hostileNumberText, { minLength: 4, maxLength: 4 }).map((v) => v.join(',')),
      fc.constantFrom('-1,1,-1,1', '1,-1,0,1', '0,0,0,0', '-1e999,1e999,-1,1', '1,2,3', ''),
    );
    fc.assert(fc.property(hostileExpression, fc.option(boxText, { nil: undefined }), (fx, box) => {
      const { scene, notices } = decodesSafely(`s=custom&fx=${fx}${box === undefined ? '' : `&box=${box}`}&run=gd`);
      expect(scene.surface.id).toBe('custom');
      // A raw '&' ends the value: what was read is the text before it.
      if (scene.surface.expression !== decodeURIComponentSafe(fx.split('&')[0])) {
        expect(notices.some((n) => n.startsWith('Ignored the expression') || n.startsWith('A custom surface needs'))).toBe(true);
      }
    }), { numRuns: 800 });
  });

  it('decodes strings of percent-encoding garbage', () => {
    fc.assert(fc.property(fc.tuple(sceneKey, percentGarbage, runKey, percentGarbage)
      .map(([k, v, rk, rv]) => `${k}=${v}&run=gd(${rk}=${rv},label=${v})&run=${v}`), (h) => { decodesSafely(h); }), { numRuns: 600 });
  });

  it('keeps the first twelve of hundreds of runs and says how many were dropped', () => {
    // One more run= part: a text with '&' or '#' in it would be several parts (or end the hash), not one run.
    const oneRun = runText.filter((run) => !/[&#]/.test(run));
    fc.assert(fc.property(fc.integer({ min: limits.runs.max + 1, max: 400 }), oneRun, (count, run) => {
      const hash = `s=bowl&${Array.from({ length: count }, () => `run=gd(lr=${count})`).join('&')}&run=${run}`;
      const { scene, notices } = decodesSafely(hash);
      expect(scene.runs).toHaveLength(limits.runs.max);
      const dropped = count + (run.toLowerCase() === 'none' ? 0 : 1) - limits.runs.max;
      if (hash.length <= limits.hash.maxLength) expect(notices).toContain(`Kept the first ${limits.runs.max} runs; dropped ${dropped}.`);
      else expect(notices.some((n) => n.startsWith(`Kept the first ${limits.runs.max} runs`))).toBe(true);
    }), { numRuns: 300 });
    decodesSafely(Array.from({ length: 300 }, (_, i) => `run=adam(lr=${i})`).join('&'));
  });

  it('reads only the first part of a 1 MB hash, and exactly as if the rest were not there', () => {
    fc.assert(fc.property(fc.oneof(grammarLink, mutatedLink), (link) => {
      const unit = `${link}&`;
      const huge = unit.repeat(Math.ceil(1_000_000 / unit.length));
      const whole = decodesSafely(huge);
      const cut = decodeScene(readPart(huge));
      expect(whole.notices[0]).toBe(`This link is too long; only its first ${limits.hash.maxLength} characters were read.`);
      expect(withoutKeys(whole.scene)).toEqual(withoutKeys(cut.scene));
    }), { numRuns: 50 });
  });

  it('lets a broken value cost only its own setting; the rest of the link still applies', () => {
    const field = { n: 'steps', seed: 'seed', tol: 'tolerance' } as const;
    fc.assert(fc.property(sceneArbitrary, fc.constantFrom('n', 'seed', 'tol'),
      fc.constantFrom('NaN', 'abc', '', '0x10', '%E0%A4%A', '<b>'), (scene, key, garbage) => {
        const hash = `${encodeScene(scene).replace(new RegExp(`&${key}=[^&]*`), '')}&${key}=${garbage}`;
        const { scene: back, notices } = decodeScene(hash);
        expect(notices.length).toBeGreaterThan(0);
        const fallback = { n: sceneDefaults.steps, seed: sceneDefaults.seed, tol: sceneDefaults.tolerance }[key];
        expect(back[field[key]]).toBe(fallback);
        expect(withoutKeys({ ...back, [field[key]]: scene[field[key]] })).toEqual(withoutKeys(scene));
      }), { numRuns: 300 });
  });
});

describe('reading numbers', () => {
  // The one place decoding could do more than linear work is the number
  // pattern (regex backtracking: an ambiguous pattern took ~180 ms per link
  // like these). That cost is measured by `npm run bench` (bench/links.bench.ts,
  // budget one frame); here, what the reader gets.
  it('rejects an 8,000-digit non-number, says so and keeps the default', () => {
    const digits = (n: number) => '1'.repeat(n);
    const steps = decodeScene(`n=${digits(7990)}x`);
    expect(steps.scene.steps).toBe(sceneDefaults.steps);
    expect(steps.notices.some((notice) => notice.includes('is not a number'))).toBe(true);
    const start = decodeScene(`start=${digits(3990)}x,${digits(3990)}e`);
    expect(start.scene.start).toEqual(defaultScene().start);
    expect(start.notices.some((notice) => notice.includes('is not a number'))).toBe(true);
    const rate = decodeScene(`run=gd(lr=${digits(7980)}.x)`);
    expect(rate.notices.some((notice) => notice.includes('is not a number'))).toBe(true);
    expect(rate.scene.runs).toHaveLength(1);
    expect(rate.scene.runs[0].optimizer.id).toBe('gd');
  });

  it('accepts exactly the numbers the original pattern accepted', () => {
    const original = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?|infinity)$/i;
    const text = fc.string({ unit: fc.constantFrom('1', '0', '.', 'e', 'E', '+', '-', 'x', 'Infinity'), maxLength: 12 });
    fc.assert(fc.property(text, (t) => {
      const { scene: { seed: value }, notices } = decodeScene(`seed=${t}`);
      const isNumber = !notices.some((n) => n.includes('is not a number'));
      expect(isNumber).toBe(original.test(t));
      if (isNumber && Number.isFinite(Number(t)) && Number(t) >= 0 && Number(t) <= limits.seed.max) {
        expect(value).toBe(Math.round(Number(t)) === 0 ? 0 : Math.round(Number(t)));
      }
    }), { numRuns: 1000 });
  });
});
