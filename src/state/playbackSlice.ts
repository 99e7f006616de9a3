/**
 * Playback: which step of the runs is on screen. The animation loop calls
 * `advance(seconds)` every frame; the fractional remainder lives in a closure,
 * not in state, so the store changes only when the displayed step does.
 */
import type { StateCreator } from 'zustand/vanilla';
import { limits } from './scene';
import { clampNumber } from './normalize';
import type { AppState } from './store';

export interface Playback {
  playing: boolean;
  /** Steps per second, when not automatic. */
  speed: number;
  /** Play every run's whole budget in about `autoSeconds`, whatever the budget (the default). */
  autoSpeed: boolean;
  /** The last step drawn (0 = only the start points); ignored while `showAll`. */
  step: number;
  /** Draw every run in full, no animation. */
  showAll: boolean;
}

export interface PlaybackSlice {
  playback: Playback;
  /** The step the pointer is over in the loss chart, or null. */
  hoverStep: number | null;
  /** Starts from 0 when showing all or already at the end. */
  play(): void;
  pause(): void;
  /** One step further, paused. */
  stepForward(): void;
  stepBack(): void;
  /** Back to step 0, paused. */
  resetPlayback(): void;
  /** A fixed speed; turns the automatic speed off. */
  setSpeed(stepsPerSecond: number): void;
  setAutoSpeed(): void;
  setStep(step: number): void;
  showAll(): void;
  /** Move the animation on by `seconds` of wall time; stops at the step budget. */
  advance(seconds: number): void;
  setHoverStep(step: number | null): void;
}

export const initialPlayback: Playback = { playing: true, speed: 20, autoSpeed: true, step: 0, showAll: false };

/** How long an automatic-speed replay of a whole run lasts. */
export const autoSeconds = 4;

/** The speed in force: automatic speed plays the step budget in about autoSeconds, never slower than 10 steps/s. */
export function effectiveSpeed(playback: Playback, steps: number): number {
  if (!playback.autoSpeed) return playback.speed;
  return Math.min(limits.speed.max, Math.max(10, Math.round(steps / autoSeconds)));
}

export const createPlaybackSlice: StateCreator<AppState, [], [], PlaybackSlice> = (set, get) => {
  let carry = 0;
  const update = (changes: Partial<Playback>) => set({ playback: { ...get().playback, ...changes } });
  const lastStep = () => get().scene.steps;
  const current = () => (get().playback.showAll ? lastStep() : get().playback.step);

  return {
    playback: initialPlayback,
    hoverStep: null,
    play: () => {
      carry = 0;
      const { playback } = get();
      const restart = playback.showAll || playback.step >= lastStep();
      update({ playing: true, showAll: false, step: restart ? 0 : playback.step });
    },
    pause: () => {
      if (get().playback.playing) update({ playing: false });
    },
    stepForward: () => {
      const from = get().playback.showAll ? 0 : get().playback.step;
      update({ playing: false, showAll: false, step: Math.min(from + 1, lastStep()) });
    },
    stepBack: () => update({ playing: false, showAll: false, step: Math.max(current() - 1, 0) }),
    resetPlayback: () => {
      carry = 0;
      update({ playing: false, showAll: false, step: 0 });
    },
    setSpeed: (stepsPerSecond) => {
      const speed = clampNumber(stepsPerSecond, limits.speed, '', get().playback.speed);
      if (speed !== get().playback.speed || get().playback.autoSpeed) update({ speed, autoSpeed: false });
    },
    setAutoSpeed: () => {
      if (!get().playback.autoSpeed) update({ autoSpeed: true });
    },
    setStep: (step) => {
      carry = 0;
      update({ showAll: false, step: clampNumber(step, { min: 0, max: lastStep() }, '', current(), undefined, true) });
    },
    showAll: () => update({ playing: false, showAll: true }),
    advance: (seconds) => {
      const { playback } = get();
      if (!playback.playing || playback.showAll || !(seconds > 0)) return;
      carry += Math.min(seconds, 1) * effectiveSpeed(playback, lastStep()); // a background tab must not leap to the end
      const whole = Math.floor(carry);
      if (whole === 0) return;
      carry -= whole;
      const step = Math.min(playback.step + whole, lastStep());
      update({ step, playing: step < lastStep() });
    },
    setHoverStep: (step) => {
      const next = step === null || !Number.isFinite(step) ? null : Math.max(0, Math.round(step));
      if (next !== get().hoverStep) set({ hoverStep: next });
    },
  };
};
