import { describe, expect, it } from 'vitest';
import { decodeScene } from '../../src/state/urlCodec';
import { limits, type Scene } from '../../src/state/scene';

interface Case {
  name: string;
  hash: string;
  /** What the decoded scene must look like. */
  expect: (scene: Scene) => void;
  /** A notice that must be among those returned ('' = none at all). */
  notice: string;
}

const run = (scene: Scene, i = 0) => scene.runs[i];

const cases: Case[] = [
  {
    name: 'an unknown surface falls back to the ellipse',
    hash: 'v=1&s=moon',
    expect: (s) => { expect(s.surface.id).toBe('ellipse'); expect(s.start).toEqual([-7, 2]); },
    notice: "Ignored unknown surface 'moon'; showing the ellipse.",
  },
  {
    name: 'an unknown optimizer is dropped and the others kept',
    hash: 'run=lion(lr=1)&run=adam',
    expect: (s) => expect(s.runs.map((r) => r.optimizer.id)).toEqual(['adam']),
    notice: "Ignored unknown optimizer 'lion'.",
  },
  {
    name: 'NaN as a learning rate takes the default',
    hash: 'run=adam(lr=NaN)',
    expect: (s) => expect(run(s).optimizer.learningRate).toBe(0.001),
    notice: "Run 1: Learning rate 'NaN' is not a number; ignored it.",
  },
  {
    name: 'Infinity as a learning rate is clamped to the largest',
    hash: 'run=gd(lr=Infinity)',
    expect: (s) => expect(run(s).optimizer.learningRate).toBe(limits.learningRate.max),
    notice: 'Run 1: Learning rate Infinity is out of range; used 1000.',
  },
  {
    name: '1e999 overflows to Infinity and is clamped',
    hash: 'run=gd(lr=1e999)',
    expect: (s) => expect(run(s).optimizer.learningRate).toBe(1000),
    notice: 'Run 1: Learning rate Infinity is out of range; used 1000.',
  },
  {
    name: 'a negative learning rate is clamped to the smallest',
    hash: 'run=gd(lr=-5)',
    expect: (s) => expect(run(s).optimizer.learningRate).toBe(1e-5),
    notice: 'Run 1: Learning rate -5 is out of range; used 0.00001.',
  },
  {
    name: 'betas of 1 and more are pulled below 1',
    hash: 'run=adam(b1=1,b2=1.5)',
    expect: (s) => { expect(run(s).optimizer.beta1).toBe(0.999999); expect(run(s).optimizer.beta2).toBe(0.999999); },
    notice: 'Run 1: β2 1.5 is out of range; used 0.999999.',
  },
  {
    name: 'ε = 0 becomes the smallest positive ε',
    hash: 'run=adam(eps=0)',
    expect: (s) => expect(run(s).optimizer.epsilon).toBe(1e-16),
    notice: 'Run 1: ε 0 is out of range; used 1e-16.',
  },
  {
    name: 'zero steps become one',
    hash: 'n=0',
    expect: (s) => expect(s.steps).toBe(1),
    notice: 'Steps 0 is out of range; used 1.',
  },
  {
    name: 'a billion steps become the maximum',
    hash: 'n=1e9',
    expect: (s) => expect(s.steps).toBe(100_000),
    notice: 'Steps 1000000000 is out of range; used 100000.',
  },
  {
    name: 'fractional steps are rounded',
    hash: 'n=30.5',
    expect: (s) => expect(s.steps).toBe(31),
    notice: 'Steps must be a whole number; used 31.',
  },
  {
    name: 'hexadecimal is not a number here',
    hash: 'n=0x10',
    expect: (s) => expect(s.steps).toBe(60),
    notice: "Steps '0x10' is not a number; ignored it.",
  },
  {
    name: 'thirteen runs keep the first twelve',
    hash: Array.from({ length: 13 }, (_, i) => `run=gd(lr=0.${i + 1})`).join('&'),
    expect: (s) => {
      expect(s.runs).toHaveLength(12);
      expect(s.runs.map((r) => r.color)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    },
    notice: 'Kept the first 12 runs; dropped 1.',
  },
  {
    name: 'a long label is cut to 40 characters',
    hash: `run=gd(label=${'a'.repeat(100)})`,
    expect: (s) => expect(run(s).label).toBe('a'.repeat(40)),
    notice: 'Run 1: Label cut to 40 characters.',
  },
  {
    name: 'broken percent-encoding is kept as text',
    hash: 'run=gd(label=Hi%2C%20you%E0%A4%A)',
    expect: (s) => expect(run(s).label).toBe('Hi, you%E0%A4%A'),
    notice: 'Part of this link had broken %-escapes; they were read as plain text.',
  },
  {
    name: 'markup in a label stays plain text',
    hash: 'run=gd(label=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E)',
    expect: (s) => expect(run(s).label).toBe('<img src=x onerror=alert(1)>'),
    notice: '',
  },
  {
    name: 'control and direction-override characters are removed from a label',
    hash: 'run=gd(label=a%00b%E2%80%AEc%0A)',
    expect: (s) => expect(run(s).label).toBe('abc'),
    notice: 'Run 1: Label: removed characters that cannot be shown.',
  },
  {
    name: '__proto__ and constructor keys are ignored and pollute nothing',
    hash: '__proto__=1&constructor=2&run=adam(__proto__=1,constructor=x,toString=3)',
    expect: (s) => {
      expect(run(s).optimizer.learningRate).toBe(0.001);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype.toString).toBe(Object.prototype.toString);
    },
    notice: "Ignored unknown setting '__proto__'.",
  },
  {
    name: 'a start with three numbers is ignored',
    hash: 's=bowl&start=1,2,3',
    expect: (s) => expect(s.start).toEqual([-1, 1]),
    notice: "Start needs 2 numbers; ignored '1,2,3'.",
  },
  {
    name: 'a start far outside the plane is clamped',
    hash: 'start=-1e999,5e6',
    expect: (s) => expect(s.start).toEqual([-1e6, 1e6]),
    notice: 'Start x -Infinity is out of range; used -1000000.',
  },
  {
    name: 'an inverted view is dropped',
    hash: 'view=5,1,0,1',
    expect: (s) => expect(s.view).toBeNull(),
    notice: 'Ignored an empty view; showing the whole surface.',
  },
  {
    name: 'seeds outside 32 bits are clamped',
    hash: 'seed=-1',
    expect: (s) => expect(s.seed).toBe(0),
    notice: 'Seed -1 is out of range; used 0.',
  },
  {
    name: 'a ripple above 1 is clamped',
    hash: 's=bumpy&r=5',
    expect: (s) => expect(s.surface).toEqual({ id: 'bumpy', ripple: 1 }),
    notice: 'Ripple 5 is out of range; used 1.',
  },
  {
    name: 'a link from a newer version is read as far as possible',
    hash: 'v=7&s=saddle',
    expect: (s) => expect(s.surface.id).toBe('saddle'),
    notice: 'This link was made by a newer Optiscope; some settings may be ignored.',
  },
  {
    name: 'a run whose grammar was percent-escaped by a chat app still reads',
    hash: 'run=adam%28lr%3D0.3%2Cb1%3D0.8%29',
    expect: (s) => expect(run(s).optimizer).toMatchObject({ id: 'adam', learningRate: 0.3, beta1: 0.8 }),
    notice: '',
  },
  {
    name: 'a run missing its closing parenthesis still reads',
    hash: 'run=adam(lr=0.3',
    expect: (s) => expect(run(s).optimizer.learningRate).toBe(0.3),
    notice: "Run 1: Missing ')' at the end of the run; read it anyway.",
  },
  {
    name: 'a hyperparameter the optimizer does not use is reported',
    hash: 'run=gd(b1=0.5)',
    expect: (s) => expect(run(s).optimizer).toEqual({ id: 'gd', learningRate: 0.1 }),
    notice: 'Run 1: GD / SGD does not use b1; ignored.',
  },
  {
    name: 'an unknown schedule becomes constant',
    hash: 'run=gd(sched=cosine:3)',
    expect: (s) => expect(run(s).schedule).toEqual({ kind: 'constant' }),
    notice: "Run 1: Ignored unknown schedule 'cosine'.",
  },
  {
    name: 'a batch size of zero becomes one',
    hash: 's=linreg&run=gd(bs=0)',
    expect: (s) => expect(run(s).batchSize).toBe(1),
    notice: 'Run 1: Batch size 0 is out of range; used 1.',
  },
  {
    name: 'a maximize flag that is not 0 or 1 is ignored',
    hash: 'max=maybe',
    expect: (s) => expect(s.maximize).toBe(false),
    notice: "Maximize should be 0 or 1; ignored 'maybe'.",
  },
  {
    name: 'stray separators are harmless',
    hash: '&&=&==&v=1&&s=bowl&',
    expect: (s) => expect(s.surface.id).toBe('bowl'),
    notice: '',
  },
  {
    name: 'repeated settings keep the first',
    hash: 'n=10&n=20',
    expect: (s) => expect(s.steps).toBe(10),
    notice: "Ignored a repeated 'n'.",
  },
];

describe('decoding hostile and odd links', () => {
  it('has a case for at least fifteen kinds of trouble', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases)('$name', ({ hash, expect: check, notice }) => {
    const { scene, notices } = decodeScene(hash);
    check(scene);
    if (notice === '') expect(notices).toEqual([]);
    else expect(notices).toContain(notice);
  });

  it('caps a flood of problems at a readable number of notices', () => {
    const hash = Array.from({ length: 50 }, (_, i) => `junk${i}=1`).join('&');
    const { notices } = decodeScene(hash);
    expect(notices).toHaveLength(limits.notices.max);
    expect(notices.at(-1)).toBe('…and 39 more problems with this link.');
  });
});
