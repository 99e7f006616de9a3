/** Shared by the inspector tests: a real inspection, straight from the worker's cache, and a recording 2D context. */
import type { SimulationConfig } from '../../src/core/types';
import { createInspectionCache } from '../../src/worker/inspection';
import type { StepInspection } from '../../src/worker/protocol';

/** What the worker answers for step `step` of `config`. */
export function inspectAt(config: SimulationConfig, step: number, key = 'run'): StepInspection {
  const cache = createInspectionCache();
  const answer = cache.work({ generation: 1, step, requests: [{ key, config }], entries: null }, Infinity, () => 0);
  if (!answer) throw new Error('the inspection did not finish');
  return answer[0];
}

export interface Call {
  name: string;
  args: number[];
  strokeStyle: unknown;
  fillStyle: unknown;
  lineWidth: number;
  dash: number[];
}

/** A context that records every call with the style in force, setLineDash included. */
export function createRecordingContext() {
  const calls: Call[] = [];
  let dash: number[] = [];
  const ctx = {
    strokeStyle: '#000' as unknown,
    fillStyle: '#000' as unknown,
    lineWidth: 1,
    lineJoin: 'miter',
    lineCap: 'butt',
    calls,
    setLineDash(segments: number[]) {
      dash = [...segments];
      calls.push({ name: 'setLineDash', args: [...segments], strokeStyle: ctx.strokeStyle, fillStyle: ctx.fillStyle, lineWidth: ctx.lineWidth, dash });
    },
  };
  for (const name of ['beginPath', 'moveTo', 'lineTo', 'stroke', 'fill', 'clearRect', 'save', 'restore', 'closePath', 'ellipse']) {
    (ctx as Record<string, unknown>)[name] = (...args: number[]) => {
      calls.push({ name, args, strokeStyle: ctx.strokeStyle, fillStyle: ctx.fillStyle, lineWidth: ctx.lineWidth, dash });
    };
  }
  return ctx as typeof ctx & CanvasRenderingContext2D;
}
