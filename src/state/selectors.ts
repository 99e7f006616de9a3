/**
 * Derived values for components and the worker client. Each selector returns
 * the same object while its inputs are unchanged: zustand's useStore compares
 * snapshots with Object.is, so a fresh array per call would re-render forever.
 */
import { createBuiltinSurface } from '../core';
import { defaultCustom } from './customExamples';
import type { SimulationConfig, SurfaceSpec, ViewBox } from '../core/types';
import type { RunSpec, Scene, SceneSurface } from './scene';
import type { AppState } from './store';

export interface RunSimulation {
  key: string;
  config: SimulationConfig;
}

const visibleCache = new WeakMap<RunSpec[], RunSpec[]>();

/** The runs drawn on the plot (not hidden), in legend order. */
export function selectVisibleRuns(state: Pick<AppState, 'scene'>): RunSpec[] {
  const { runs } = state.scene;
  let visible = visibleCache.get(runs);
  if (!visible) {
    visible = runs.filter((run) => !run.hidden);
    visibleCache.set(runs, visible);
  }
  return visible;
}

const specCache = new WeakMap<SceneSurface, SurfaceSpec>();

/**
 * The core's name for the scene's surface: `{ id, ripple }` for a built-in,
 * the expression and its box for the user's own (the core calls the box its
 * `view`). The same object while the surface is, so it can key memos and effects.
 */
export function selectSurfaceSpec(surface: SceneSurface): SurfaceSpec {
  let spec = specCache.get(surface);
  if (!spec) {
    spec = surface.id === 'custom' && surface.expression !== undefined && surface.box
      ? { id: 'custom', expression: surface.expression, view: { x: [...surface.box.x], y: [...surface.box.y] } }
      : { id: surface.id, ripple: surface.ripple };
    specCache.set(surface, spec);
  }
  return spec;
}

/**
 * The view a scene shows: its own, or its surface's default (a typed
 * surface's box; building a typed surface here would run its critical-point
 * search on this thread).
 */
export function selectView(scene: Pick<Scene, 'view' | 'surface'>): ViewBox {
  const { surface } = scene;
  return scene.view ?? surface.box ?? (surface.id === 'custom' ? defaultCustom.box : createBuiltinSurface(surface.id, surface.ripple).view);
}

/** The core's configuration for one run of the scene. */
export function toSimulationConfig(scene: Scene, run: RunSpec): SimulationConfig {
  return {
    surface: selectSurfaceSpec(scene.surface),
    optimizer: { ...run.optimizer },
    schedule: { ...run.schedule },
    gradient: { ...run.gradient },
    start: [scene.start[0], scene.start[1]],
    steps: scene.steps,
    tolerance: scene.tolerance,
    maximize: scene.maximize,
    batchSize: run.batchSize,
    seed: scene.seed,
  };
}

const configCache = new WeakMap<Scene, RunSimulation[]>();
let lastConfigs: { fingerprint: string; value: RunSimulation[] } | null = null;

/**
 * Every run (hidden ones too, so showing a run again is instant) as a core
 * SimulationConfig. Edits that don't change what is computed — the view, a
 * label, a colour, hiding — return the previous array, so the worker client
 * can skip restarting by comparing references.
 */
export function selectSimulationConfigs(scene: Scene): RunSimulation[] {
  const cached = configCache.get(scene);
  if (cached) return cached;
  const value = scene.runs.map((run) => ({ key: run.key, config: toSimulationConfig(scene, run) }));
  const fingerprint = JSON.stringify(value);
  const result = lastConfigs && lastConfigs.fingerprint === fingerprint ? lastConfigs.value : value;
  lastConfigs = { fingerprint, value: result };
  configCache.set(scene, result);
  return result;
}
