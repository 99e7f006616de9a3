/**
 * Learning-rate schedules, as the notes write them; n counts the steps (or
 * epochs) already taken, 0 for the first step:
 * constant η₀; inverse-time η₀/(1 + k·n); exponential η₀·γⁿ;
 * inverse-sqrt η₀/√(n + 1); step η₀·γ^⌊n/s⌋.
 * A linear warm-up over w steps multiplies by (n + 1)/w while n < w.
 */
import type { ScheduleConfig } from './types';

export function learningRateAt(schedule: ScheduleConfig, base: number, n: number): number {
  let rate: number;
  switch (schedule.kind) {
    case 'inverse-time':
      rate = base / (1 + schedule.k * n);
      break;
    case 'exponential':
      rate = base * schedule.gamma ** n;
      break;
    case 'inverse-sqrt':
      rate = base / Math.sqrt(n + 1);
      break;
    case 'step':
      rate = base * schedule.gamma ** Math.floor(n / Math.max(1, schedule.every));
      break;
    default:
      rate = base;
  }
  const warmup = schedule.warmup ?? 0;
  if (warmup > 0 && n < warmup) rate *= (n + 1) / warmup;
  return rate;
}
