import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeScene, encodeScene } from '../../src/state/urlCodec';
import { defaultScene } from '../../src/state/defaults';
import { normalizeScene } from '../../src/state/normalize';
import { limits, type Scene } from '../../src/state/scene';
import { presets } from '../../src/state/presets';
import { anyText, sceneArbitrary, withoutKeys } from './arbitraries';

describe('encodeScene', () => {
  it('writes the default scene as a short, readable link', () => {
    expect(encodeScene(defaultScene())).toBe(
      'v=1&s=ellipse&run=gd(lr=0.95)&run=momentum(lr=0.1)&run=adagrad(lr=1.5)&run=adam(lr=0.3)',
    );
  });

  it('writes only what differs from the defaults, with short keys', () => {
    const scene = defaultScene();
    const adam = scene.runs[3];
    const edited: Scene = {
      ...scene,
      start: [1.5, -2],
      steps: 200,
      view: { x: [-10, 10], y: [-5, 5] },
      runs: [{
        ...adam,
        label: 'Adam, fast (β2 low)',
        optimizer: { ...adam.optimizer, beta2: 0.9, amsgrad: true },
        schedule: { kind: 'step', gamma: 0.5, every: 100, warmup: 10 },
        gradient: { kind: 'central', h: 0.01 },
        hidden: true,
      }],
    };
    expect(encodeScene(edited)).toBe(
      'v=1&s=ellipse&start=1.5,-2&n=200&run=adam(lr=0.3,b2=0.9,ams=1,sched=step:0.5:100,warm=10,grad=central:0.01,hide,c=3,'
      + 'label=Adam%2C%20fast%20%28%CE%B22%20low%29)&view=-10,10,-5,5',
    );
  });

  it('writes run=none for a scene without runs, so it does not read back as the default runs', () => {
    const empty = { ...defaultScene(), runs: [] };
    expect(encodeScene(empty)).toBe('v=1&s=ellipse&run=none');
    expect(decodeScene(encodeScene(empty)).scene.runs).toEqual([]);
  });

  it('never throws on a label with lone surrogates', () => {
    const scene = defaultScene();
    scene.runs[0] = { ...scene.runs[0], label: 'a\ud800b' };
    expect(decodeScene(encodeScene(scene)).scene.runs[0].label).toBe('a\ufffdb');
  });
});

describe('decodeScene', () => {
  it('decodes an empty hash to the default scene with no notices', () => {
    for (const hash of ['', '#']) {
      const { scene, notices } = decodeScene(hash);
      expect(withoutKeys(scene)).toEqual(withoutKeys(defaultScene()));
      expect(notices).toEqual([]);
    }
  });

  it('decodes the example link of the design notes', () => {
    const { scene, notices } = decodeScene(
      'v=1&s=ellipse&start=-7,2&n=30&seed=1&run=adam(lr=0.3,b1=0.9,b2=0.999)&run=gd(lr=0.95,label=GD%20fast)&view=-10,10,-5,5',
    );
    expect(notices).toEqual([]);
    expect(scene.steps).toBe(30);
    expect(scene.runs.map((r) => [r.optimizer.id, r.optimizer.learningRate, r.label, r.color])).toEqual([
      ['adam', 0.3, 'Adam · lr 0.3', 0],
      ['gd', 0.95, 'GD fast', 1],
    ]);
    expect(scene.view).toEqual({ x: [-10, 10], y: [-5, 5] });
  });

  it('reads back every preset exactly', () => {
    for (const preset of presets) {
      const scene = preset.scene();
      const decoded = decodeScene(encodeScene(scene));
      expect(decoded.notices).toEqual([]);
      expect(withoutKeys(decoded.scene)).toEqual(withoutKeys(scene));
    }
  });

  it('gives decoded runs distinct keys', () => {
    const { scene } = decodeScene('run=gd&run=gd&run=gd');
    expect(new Set(scene.runs.map((r) => r.key)).size).toBe(3);
  });
});

describe('codec properties', () => {
  it('round-trips any normalized scene exactly, with no notices', () => {
    fc.assert(fc.property(sceneArbitrary, (scene) => {
      const hash = encodeScene(scene);
      const { scene: back, notices } = decodeScene(hash);
      expect(notices).toEqual([]);
      expect(withoutKeys(back)).toEqual(withoutKeys(scene));
      expect(encodeScene(back)).toBe(hash);
    }), { numRuns: 1000 });
  });

  const tokens = fc.constantFrom(
    'v=1', 'v=2', 's=', 'bumpy', 'run=', 'adam', 'gd', 'none', '(', ')', ',', '&', '=', ':', '%', '%E0%A4', '%2C', '%28',
    'lr=', 'b1=', 'eps=', 'label=', 'sched=', 'step:', 'exp:', 'grad=', 'central:', 'bs=', 'c=', 'hide', 'start=', 'view=',
    'n=', 'seed=', 'r=', 'tol=', 'max=', '__proto__', 'constructor', 'prototype', 'toString', '1e999', '-1e999', 'NaN',
    'Infinity', '-0', '0', '1', '0.5', '1e-300', '12345678901234567890', '#', '\u0000', '\ud800', '…',
  );
  const hostileText = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
    anyText,
    fc.array(tokens, { maxLength: 80 }).map((parts) => parts.join('')),
  );

  it('never throws on arbitrary text and always yields a normalized scene', () => {
    fc.assert(fc.property(hostileText, (hash) => {
      const { scene, notices } = decodeScene(hash);
      expect(notices.length).toBeLessThanOrEqual(limits.notices.max);
      for (const notice of notices) expect(typeof notice).toBe('string');
      // Normalizing again changes nothing and reports nothing: every value is in range.
      const again: string[] = [];
      expect(withoutKeys(normalizeScene(scene, again))).toEqual(withoutKeys(scene));
      expect(again).toEqual([]);
      expect(typeof encodeScene(scene)).toBe('string');
    }), { numRuns: 2000 });
  });

  // How long it takes is measured by `npm run bench` (bench/links.bench.ts), not here.
  it('reads only the first part of a 1 MB link', () => {
    const huge = `v=1&s=bowl&${'run=adam(lr=0.3,label=xxxxxxxxxxxxxxxxxxxx)&'.repeat(25_000)}`;
    expect(huge.length).toBeGreaterThan(1_000_000);
    const { scene, notices } = decodeScene(huge);
    // The scene of its first 8,000 characters alone, and (below) only the runs in them were counted.
    expect(withoutKeys(scene)).toEqual(withoutKeys(decodeScene(huge.slice(0, limits.hash.maxLength)).scene));
    expect(scene.surface.id).toBe('bowl');
    expect(scene.runs).toHaveLength(limits.runs.max);
    expect(notices[0]).toBe('This link is too long; only its first 8000 characters were read.');
    const runsRead = huge.slice(0, limits.hash.maxLength).split('run=').length - 1;
    expect(notices).toContain(`Kept the first ${limits.runs.max} runs; dropped ${runsRead - limits.runs.max}.`);
  });
});
