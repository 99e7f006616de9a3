/**
 * View-only teaching settings: how the plot area is laid out and how the loss
 * chart is smoothed. They change pixels, never what the worker computes, so
 * they live apart from the scene store (like the language in i18n).
 */
import { create } from 'zustand';

/** 'single': every run on one plot; 'multiples': one small plot per visible run (Saito's four panels). */
export type PlotLayout = 'single' | 'multiples';

export interface Smoothing {
  on: boolean;
  /** EWA coefficient, 0 … maxSmoothingBeta; averages about 1/(1 − β) steps. */
  beta: number;
  /** Divide by 1 − β^t, so the first averages are not pulled towards 0. */
  biasCorrection: boolean;
}

/** 0.99 averages about a hundred steps; more would lag behind any run the page shows. */
export const maxSmoothingBeta = 0.99;

export const defaultSmoothing: Smoothing = { on: false, beta: 0.9, biasCorrection: true };

export interface TeachState {
  layout: PlotLayout;
  smoothing: Smoothing;
  setLayout(layout: PlotLayout): void;
  /** Merge a change; β is clamped to [0, maxSmoothingBeta], a non-number keeps the old β. */
  setSmoothing(patch: Partial<Smoothing>): void;
}

export function clampSmoothingBeta(beta: number, fallback = defaultSmoothing.beta): number {
  if (!Number.isFinite(beta)) return fallback;
  return Math.min(maxSmoothingBeta, Math.max(0, beta));
}

export const useTeachStore = create<TeachState>()((set, get) => ({
  layout: 'single',
  smoothing: defaultSmoothing,
  setLayout: (layout) => {
    const next: PlotLayout = layout === 'multiples' ? 'multiples' : 'single';
    if (next !== get().layout) set({ layout: next });
  },
  setSmoothing: (patch) => {
    const current = get().smoothing;
    const next: Smoothing = {
      on: patch.on ?? current.on,
      beta: patch.beta === undefined ? current.beta : clampSmoothingBeta(patch.beta, current.beta),
      biasCorrection: patch.biasCorrection ?? current.biasCorrection,
    };
    if (next.on !== current.on || next.beta !== current.beta || next.biasCorrection !== current.biasCorrection) {
      set({ smoothing: next });
    }
  },
}));
