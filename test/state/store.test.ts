import { beforeEach, describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from '../../src/state/store';
import { defaultScene } from '../../src/state/defaults';
import { limits } from '../../src/state/scene';

let store: AppStore;
const state = () => store.getState();
const scene = () => state().scene;

beforeEach(() => {
  store = createAppStore();
});

describe('scene setters', () => {
  it('starts from the default scene, playing from step 0', () => {
    expect(scene().runs.map((r) => r.optimizer.id)).toEqual(['gd', 'momentum', 'adagrad', 'adam']);
    expect(state().playback).toMatchObject({ playing: true, step: 0, showAll: false });
    expect(state().notices).toEqual([]);
  });

  it('clamps steps to 1..100000, rounds them, and ignores NaN', () => {
    state().setSteps(0);
    expect(scene().steps).toBe(1);
    state().setSteps(1e9);
    expect(scene().steps).toBe(limits.steps.max);
    state().setSteps(30.4);
    expect(scene().steps).toBe(30);
    state().setSteps(Number.NaN);
    expect(scene().steps).toBe(30);
  });

  it('pulls the displayed step back when the budget shrinks below it', () => {
    state().setStep(50);
    state().setSteps(10);
    expect(state().playback.step).toBe(10);
  });

  it('clamps the start to the plane and keeps a coordinate that is not a number', () => {
    state().setStart([2e7, Number.NaN]);
    expect(scene().start).toEqual([1e6, 2]);
  });

  it('moves the start to the new surface default and resets the view when the surface changes', () => {
    state().setStart([1, 1]);
    state().setView({ x: [0, 1], y: [0, 1] });
    state().setSurface('rosenbrock');
    expect(scene().surface.id).toBe('rosenbrock');
    expect(scene().start).toEqual([-1.5, 2]);
    expect(scene().view).toBeNull();
  });

  it('ignores an unknown surface', () => {
    const before = scene();
    state().setSurface('moon' as never);
    expect(scene()).toBe(before);
  });

  it('clamps ripple, seed and tolerance', () => {
    state().setRipple(3);
    state().setSeed(-4);
    state().setTolerance(-1);
    expect(scene().surface.ripple).toBe(1);
    expect(scene().seed).toBe(0);
    expect(scene().tolerance).toBe(0);
    state().setSeed(2 ** 40);
    expect(scene().seed).toBe(2 ** 32 - 1);
  });

  it('keeps the same scene object when a setter changes nothing', () => {
    const before = scene();
    state().setSteps(before.steps);
    state().setStart([...before.start]);
    state().setMaximize(false);
    state().setView(null);
    state().updateRun(before.runs[0].key, { batchSize: before.runs[0].batchSize });
    expect(scene()).toBe(before);
  });

  it('refuses an empty or non-finite view and accepts null', () => {
    state().setView({ x: [0, 1], y: [0, 1] });
    state().setView({ x: [1, 0], y: [0, 1] });
    state().setView({ x: [0, Number.NaN], y: [0, 1] });
    expect(scene().view).toEqual({ x: [0, 1], y: [0, 1] });
    state().setView(null);
    expect(scene().view).toBeNull();
  });
});

describe('run actions', () => {
  it('adds a run with the optimizer defaults, the first free colour and an automatic label', () => {
    state().removeRun(scene().runs[1].key);
    state().addRun('rmsprop');
    const run = scene().runs.at(-1)!;
    expect(run).toMatchObject({
      label: 'RMSProp · lr 0.01', color: 1, hidden: false, batchSize: 256,
      optimizer: { id: 'rmsprop', learningRate: 0.01, beta: 0.99, epsilon: 1e-8 },
      schedule: { kind: 'constant' }, gradient: { kind: 'analytic' },
    });
  });

  it('refuses a thirteenth run and says why', () => {
    for (let i = 0; i < 20; i++) state().addRun('gd');
    expect(scene().runs).toHaveLength(limits.runs.max);
    expect(new Set(scene().runs.map((r) => r.color)).size).toBe(limits.runs.max);
    expect(state().notices.at(-1)).toBe('At most 12 runs fit on one plot; remove one first.');
  });

  it('duplicates a run right after itself with a new key and colour', () => {
    const original = scene().runs[0];
    state().duplicateRun(original.key);
    const [first, copy] = scene().runs;
    expect(first).toBe(original);
    expect(copy.key).not.toBe(original.key);
    expect(copy.color).toBe(4);
    expect(copy.optimizer).toEqual(original.optimizer);
  });

  it('toggles and removes runs by key', () => {
    const key = scene().runs[2].key;
    state().toggleRun(key);
    expect(scene().runs[2].hidden).toBe(true);
    state().toggleRun(key);
    expect(scene().runs[2].hidden).toBe(false);
    state().removeRun(key);
    expect(scene().runs.map((r) => r.key)).not.toContain(key);
  });

  it('clamps a patched learning rate and lets the automatic label follow it', () => {
    const key = scene().runs[3].key;
    state().updateRun(key, { optimizer: { learningRate: 5000 } });
    expect(scene().runs[3].optimizer.learningRate).toBe(1000);
    expect(scene().runs[3].label).toBe('Adam · lr 1000');
  });

  it('keeps a label the user typed when the learning rate changes, and restores the automatic one on an empty label', () => {
    const key = scene().runs[0].key;
    state().updateRun(key, { label: 'mine' });
    state().updateRun(key, { optimizer: { learningRate: 0.5 } });
    expect(scene().runs[0].label).toBe('mine');
    state().updateRun(key, { label: '' });
    expect(scene().runs[0].label).toBe('GD / SGD · lr 0.5');
  });

  it('switches optimizer by starting from the new one’s defaults', () => {
    const key = scene().runs[0].key;
    state().updateRun(key, { optimizer: { id: 'adam' } });
    expect(scene().runs[0].optimizer).toEqual({
      id: 'adam', learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, biasCorrection: true, amsgrad: false,
    });
    expect(scene().runs[0].label).toBe('Adam · lr 0.001');
  });

  it('ignores a patch naming an unknown optimizer', () => {
    const before = scene();
    state().updateRun(before.runs[0].key, { optimizer: { id: 'lion' as never } });
    expect(scene()).toBe(before);
  });

  it('clamps batch size, schedule and gradient values, and truncates labels', () => {
    const key = scene().runs[0].key;
    state().updateRun(key, {
      batchSize: 1000,
      schedule: { kind: 'exponential', gamma: 2 },
      gradient: { kind: 'central', h: 0 },
      label: 'x'.repeat(60),
    });
    const run = scene().runs[0];
    expect(run.batchSize).toBe(256);
    expect(run.schedule).toEqual({ kind: 'exponential', gamma: 1 });
    expect(run.gradient).toEqual({ kind: 'central', h: 1e-10 });
    expect(run.label).toBe('x'.repeat(40));
  });
});

describe('loading scenes and notices', () => {
  it('loads a scene, clamps it and shows both the given notices and the corrections', () => {
    const raw = defaultScene();
    raw.steps = -3;
    state().pause();
    state().setStep(20);
    state().loadScene(raw, ['From the link.']);
    expect(scene().steps).toBe(1);
    expect(state().notices).toEqual(['From the link.', 'Steps -3 is out of range; used 1.']);
    expect(state().playback).toMatchObject({ step: 0, playing: true });
  });

  it('dismisses one notice by index', () => {
    state().setNotices(['a', 'b', 'c']);
    state().dismissNotice(1);
    expect(state().notices).toEqual(['a', 'c']);
    state().dismissNotice(7);
    expect(state().notices).toEqual(['a', 'c']);
  });
});

describe('playback', () => {
  it('advances by speed × time and stops at the step budget', () => {
    state().setSteps(10);
    state().setSpeed(20);
    state().advance(0.16);
    expect(state().playback.step).toBe(3);
    state().advance(0.04);
    expect(state().playback.step).toBe(4);
    state().advance(1);
    expect(state().playback).toMatchObject({ step: 10, playing: false });
  });

  it('restarts from 0 when play is pressed at the end or while showing all', () => {
    state().setSteps(5);
    state().setStep(5);
    state().play();
    expect(state().playback).toMatchObject({ step: 0, playing: true });
    state().showAll();
    expect(state().playback).toMatchObject({ showAll: true, playing: false });
    state().play();
    expect(state().playback).toMatchObject({ step: 0, playing: true, showAll: false });
  });

  it('steps one at a time, paused, within 0..steps', () => {
    state().setSteps(2);
    state().stepForward();
    state().stepForward();
    state().stepForward();
    expect(state().playback).toMatchObject({ step: 2, playing: false });
    state().resetPlayback();
    state().stepBack();
    expect(state().playback.step).toBe(0);
  });

  it('clamps speed and ignores time while paused', () => {
    state().setSpeed(1e9);
    expect(state().playback.speed).toBe(limits.speed.max);
    state().setSpeed(0);
    expect(state().playback.speed).toBe(limits.speed.min);
    state().pause();
    state().advance(10);
    expect(state().playback.step).toBe(0);
  });

  it('holds the hovered step as a whole number or null', () => {
    state().setHoverStep(3.6);
    expect(state().hoverStep).toBe(4);
    state().setHoverStep(Number.NaN);
    expect(state().hoverStep).toBeNull();
  });
});

describe('automatic playback speed', () => {
  it('plays any step budget in about four seconds until a fixed speed is chosen', () => {
    state().setSteps(1000);
    state().play();
    state().advance(1);
    expect(state().playback.step).toBe(250);
    state().setSpeed(20);
    state().advance(1);
    expect(state().playback.step).toBe(270);
    state().setAutoSpeed();
    state().advance(0.5);
    expect(state().playback.step).toBe(395);
  });

  it('never plays slower than 10 steps a second', () => {
    state().setSteps(8);
    state().play();
    state().advance(0.5);
    expect(state().playback.step).toBe(5);
  });
});
