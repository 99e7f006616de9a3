/**
 * The scene slice: what the user chose, and every way to change it. Each
 * setter clamps to `limits` (a NaN from a half-typed input keeps the current
 * value) and leaves the scene object untouched when nothing changes, so
 * subscribers such as the URL sync and the worker client see only real edits.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { GradientConfig, OptimizerConfig, OptimizerId, ScheduleConfig, SurfaceId, Vec2, ViewBox } from '../core/types';
import { formatPoint, optimizerDefaults } from '../core';
import { limits, type RunSpec, type Scene } from './scene';
import {
  autoLabel, clampNumber, isOptimizerId, isSurfaceId, newRunKey, nextFreeColor, normalizeRun, normalizeScene,
  normalizeView, prepareCustom, surfaceStart,
} from './normalize';
import { defaultCustom } from './customExamples';
import { createRun, defaultScene } from './defaults';
import type { AppState } from './store';

/** What `updateRun` may change. Changing `optimizer.id` starts from the new optimizer's defaults. */
export interface RunPatch {
  optimizer?: Partial<OptimizerConfig>;
  schedule?: ScheduleConfig;
  gradient?: GradientConfig;
  batchSize?: number;
  /** '' restores the automatic label. */
  label?: string;
  color?: number;
  hidden?: boolean;
}

export interface SceneSlice {
  scene: Scene;
  /**
   * Also moves the start to the surface's default start and resets the view.
   * 'custom' brings back the last typed surface of this page, or the default example.
   */
  setSurface(id: SurfaceId): void;
  /**
   * Show the user's own f(x, y) over `box` (either may be omitted to keep the
   * current one). Refused, leaving the scene as it is, when the expression
   * does not parse or is finite nowhere in the box; returns whether it was
   * applied. A new box resets the view; the start stays where f is finite and
   * inside the box, else moves to the surface's default start.
   */
  setCustomSurface(changes: { expression?: string; box?: ViewBox }): boolean;
  setRipple(ripple: number): void;
  setStart(start: Vec2): void;
  setSteps(steps: number): void;
  setSeed(seed: number): void;
  setTolerance(tolerance: number): void;
  setMaximize(maximize: boolean): void;
  addRun(optimizerId: OptimizerId): void;
  removeRun(key: string): void;
  duplicateRun(key: string): void;
  toggleRun(key: string): void;
  updateRun(key: string, patch: RunPatch): void;
  /** null = the surface's default view. An empty or non-finite view is refused. */
  setView(view: ViewBox | null): void;
  /** Replace the whole scene (a link, a preset); `notices` are shown to the user with any corrections. */
  loadScene(scene: Scene, notices?: string[]): void;
}

const coordinate = { min: -limits.coordinate.maxAbs, max: limits.coordinate.maxAbs };
const tooManyRuns = `At most ${limits.runs.max} runs fit on one plot; remove one first.`;

export const createSceneSlice: StateCreator<AppState, [], [], SceneSlice> = (set, get) => {
  const scene = () => get().scene;
  /** Set scene fields, skipping the update when every value is already there. */
  const patch = (changes: Partial<Scene>) => {
    const current = scene();
    const changed = (Object.keys(changes) as Array<keyof Scene>).some((k) => !Object.is(current[k], changes[k]));
    if (changed) set({ scene: { ...current, ...changes } });
  };
  const setRuns = (runs: RunSpec[]) => patch({ runs });
  const number = (value: number, range: { min: number; max: number }, current: number, integer = false) =>
    clampNumber(value, range, '', current, undefined, integer);

  // The typed surface the user last had, so leaving "Your own f(x, y)" and coming back keeps their text.
  let lastCustom = { expression: defaultCustom.expression, box: defaultCustom.box };

  return {
    scene: defaultScene(),
    setSurface: (id) => {
      const current = scene().surface;
      if (!isSurfaceId(id) || id === current.id) return;
      if (current.id === 'custom' && current.expression && current.box) lastCustom = { expression: current.expression, box: current.box };
      const surface = id === 'custom' ? { id, ripple: current.ripple, ...lastCustom } : { id, ripple: current.ripple };
      patch({ surface, start: surfaceStart(surface), view: null });
    },
    setCustomSurface: (changes) => {
      const current = scene();
      if (current.surface.id !== 'custom') return false;
      const expression = changes.expression ?? current.surface.expression ?? defaultCustom.expression;
      const box = changes.box ? normalizeView(changes.box) : (current.surface.box ?? defaultCustom.box);
      if (!box || typeof expression !== 'string' || !prepareCustom(expression, box).ok) return false;
      const old = current.surface;
      const sameBox = old.box && JSON.stringify(old.box) === JSON.stringify(box);
      if (expression === old.expression && sameBox) return true;
      const surface = { ...old, expression, box };
      const custom = prepareCustom(expression, box);
      const [x, y] = current.start;
      const keepStart = custom.ok && Number.isFinite(custom.evaluator.value(x, y))
        && x >= box.x[0] && x <= box.x[1] && y >= box.y[0] && y <= box.y[1];
      const start = keepStart ? current.start : surfaceStart(surface);
      patch({ surface, start, view: sameBox ? current.view : null });
      // A notice about an earlier f's start no longer holds for this one.
      const notices = get().notices;
      const stillTrue = notices.filter((notice) => !isStartMovedNotice(notice));
      if (stillTrue.length !== notices.length) get().setNotices(stillTrue);
      // The runs jump elsewhere: say why (a start where log(x) is undefined, or outside a smaller box).
      if (!keepStart && (start[0] !== x || start[1] !== y)) {
        get().addNotices([`The start ${formatPoint([x, y])} is outside the domain of the new f or outside its box: the runs start at ${formatPoint(start)}.`]);
      }
      return true;
    },
    setRipple: (ripple) => {
      const current = scene().surface;
      const next = number(ripple, limits.ripple, current.ripple);
      if (next !== current.ripple) patch({ surface: { ...current, ripple: next } });
    },
    setStart: ([x, y]) => {
      const [cx, cy] = scene().start;
      const next: Vec2 = [number(x, coordinate, cx), number(y, coordinate, cy)];
      if (next[0] !== cx || next[1] !== cy) patch({ start: next });
    },
    setSteps: (steps) => {
      const next = number(steps, limits.steps, scene().steps, true);
      patch({ steps: next });
      const { playback } = get();
      if (playback.step > next) set({ playback: { ...playback, step: next } });
    },
    setSeed: (seed) => patch({ seed: number(seed, limits.seed, scene().seed, true) }),
    setTolerance: (tolerance) => patch({ tolerance: number(tolerance, limits.tolerance, scene().tolerance) }),
    setMaximize: (maximize) => patch({ maximize: maximize === true }),
    addRun: (optimizerId) => {
      if (!isOptimizerId(optimizerId)) return;
      const { runs } = scene();
      if (runs.length >= limits.runs.max) return get().addNotices([tooManyRuns]);
      setRuns([...runs, createRun(optimizerId, {}, runs)]);
    },
    removeRun: (key) => {
      const { runs } = scene();
      if (runs.some((run) => run.key === key)) setRuns(runs.filter((run) => run.key !== key));
    },
    duplicateRun: (key) => {
      const { runs } = scene();
      const index = runs.findIndex((run) => run.key === key);
      if (index < 0) return;
      if (runs.length >= limits.runs.max) return get().addNotices([tooManyRuns]);
      const copy: RunSpec = { ...runs[index], key: newRunKey(), color: nextFreeColor(runs), hidden: false };
      setRuns([...runs.slice(0, index + 1), copy, ...runs.slice(index + 1)]);
    },
    toggleRun: (key) => {
      setRuns(scene().runs.map((run) => (run.key === key ? { ...run, hidden: !run.hidden } : run)));
    },
    updateRun: (key, changes) => {
      const { runs } = scene();
      const index = runs.findIndex((run) => run.key === key);
      if (index < 0) return;
      const next = patchRun(runs[index], changes);
      if (!next || JSON.stringify(next) === JSON.stringify(runs[index])) return;
      setRuns(runs.map((run, i) => (i === index ? next : run)));
    },
    setView: (view) => {
      if (view === null) return patch({ view: null });
      const next = normalizeView(view);
      const current = scene().view;
      if (!next || (current && current.x[0] === next.x[0] && current.x[1] === next.x[1]
        && current.y[0] === next.y[0] && current.y[1] === next.y[1])) return;
      patch({ view: next });
    },
    loadScene: (raw, notices = []) => {
      const corrections: string[] = [];
      const next = normalizeScene(raw, corrections);
      // A new scene plays from the start, unless the user prefers to see runs whole.
      const { playback } = get();
      set({ scene: next, playback: { ...playback, step: 0, playing: !playback.showAll } });
      get().setNotices([...notices, ...corrections]);
    },
  };
};

/** The notice setCustomSurface gives when a new f moves the runs' start. */
function isStartMovedNotice(notice: string): boolean {
  return notice.startsWith('The start ') && notice.includes(' is outside the domain of the new f or outside its box: ');
}

/** The run after a patch, clamped; null when the patch names an unknown optimizer. */
export function patchRun(run: RunSpec, changes: RunPatch): RunSpec | null {
  const newId = changes.optimizer?.id;
  if (newId !== undefined && !isOptimizerId(newId)) return null;
  const optimizer: OptimizerConfig = newId !== undefined && newId !== run.optimizer.id
    ? { ...optimizerDefaults(newId), ...changes.optimizer, id: newId }
    : { ...run.optimizer, ...changes.optimizer, id: run.optimizer.id };
  // An automatic label follows the optimizer; a label the user typed stays.
  const wasAutomatic = run.label === autoLabel(run.optimizer);
  const label = changes.label ?? (wasAutomatic ? '' : run.label);
  return normalizeRun({ ...run, ...changes, optimizer, label }, undefined, '', run.color);
}
