/**
 * Recording what the step inspector needs (gradient, learning rate, optimizer
 * state) into growing typed arrays. Only runs that ask for `explain` pay for it.
 */
import type { StepRecord } from './types';

function grown(buffer: Float64Array<ArrayBuffer>, needed: number): Float64Array<ArrayBuffer> {
  if (needed <= buffer.length) return buffer;
  const next = new Float64Array(Math.max(needed, buffer.length * 2, 64));
  next.set(buffer);
  return next;
}

export function createStepRecorder(state: Record<string, Float64Array>) {
  const names = Object.keys(state);
  let count = 0;
  let gradients = new Float64Array(0) as Float64Array<ArrayBuffer>;
  let learningRates = new Float64Array(0) as Float64Array<ArrayBuffer>;
  const states: Record<string, Float64Array<ArrayBuffer>> = {};
  for (const name of names) states[name] = new Float64Array(0);

  return {
    record(g: Float64Array, lr: number) {
      gradients = grown(gradients, (count + 1) * 2);
      learningRates = grown(learningRates, count + 1);
      gradients[count * 2] = g[0];
      gradients[count * 2 + 1] = g[1];
      learningRates[count] = lr;
      for (const name of names) {
        const buffer = (states[name] = grown(states[name], (count + 1) * 2));
        buffer[count * 2] = state[name][0];
        buffer[count * 2 + 1] = state[name][1];
      }
      count++;
    },
    snapshot(): StepRecord {
      const state: Record<string, Float64Array> = {};
      for (const name of names) state[name] = states[name].slice(0, count * 2);
      return { gradients: gradients.slice(0, count * 2), learningRates: learningRates.slice(0, count), state };
    },
  };
}
