/**
 * The step inspector's own state, apart from the scene store: whether it is
 * open, which run the panel shows, the worker's latest answer and the symbol
 * under the pointer. None of it belongs in a link.
 */
import { create } from 'zustand';
import type { RunSimulation } from '../state/selectors';
import type { InspectionAnswer } from '../worker/inspectionClient';
import type { StepInspection } from '../worker/protocol';

export interface InspectorState {
  open: boolean;
  /** Run key picked in the panel; null = the first visible run. */
  selected: string | null;
  answer: InspectionAnswer | null;
  /** A sentence for the user when the worker could not answer. */
  error: string | null;
  /** Symbol id under the pointer, in the panel or in the formula. */
  highlight: string | null;
  setOpen(open: boolean): void;
  select(key: string | null): void;
  setAnswer(answer: InspectionAnswer): void;
  setError(message: string | null): void;
  setHighlight(id: string | null): void;
}

export const useInspector = create<InspectorState>()((set, get) => ({
  open: false,
  selected: null,
  answer: null,
  error: null,
  highlight: null,
  // Closing forgets the answer: it would be stale by the time the inspector opens again.
  setOpen: (open) => set(open ? { open } : { open, answer: null, error: null, highlight: null }),
  select: (selected) => set({ selected }),
  setAnswer: (answer) => set({ answer, error: null }),
  setError: (error) => set({ error }),
  setHighlight: (highlight) => {
    if (get().highlight !== highlight) set({ highlight });
  },
}));

/**
 * The step to inspect: the step on screen while paused (or scrubbed, or
 * showing every path); null while the replay plays, when every frame would
 * ask for a step the screen has already left.
 */
export function inspectedStep(playback: { playing: boolean; showAll: boolean; step: number }, steps: number): number | null {
  if (playback.showAll) return steps;
  return playback.playing ? null : playback.step;
}

/**
 * The answer's entry for `key`, only when the answer is for exactly this step
 * and these runs (`configs` is compared by reference: the selector keeps it
 * stable while nothing computed changes).
 */
export function answerFor(
  answer: InspectionAnswer | null, step: number | null, configs: readonly RunSimulation[], key: string,
): StepInspection | null {
  if (!answer || step === null || answer.step !== step || answer.requested !== configs) return null;
  return answer.runs.find((run) => run.key === key) ?? null;
}
