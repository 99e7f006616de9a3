/**
 * Full grids kept for views that are asked for again: Reset view returns to
 * the surface's own box, a teacher flips back to the surface shown before, a
 * zoom button undoes its step. Such a request is answered at once, in the
 * same frame, instead of showing the old picture shrunk in a grey frame
 * while the worker samples the same grid anew (~80 ms after Reset view, a
 * coarse preview and then the full grid after a change of surface).
 *
 * Kept: the full grids of requests that ask to be kept (not a gesture's
 * coarse ones, whose views are never asked twice), the most recently used
 * first, at most `limit`. A kept grid holds its picture (a 743 × 567 plot
 * is 1.7 MB at a pixel ratio of 1, four times that at 2), so the cache says
 * which grids it let go: their pictures may be closed unless they are on screen.
 */
import type { SurfaceSpec } from '../core/types';
import type { GridResult } from '../worker/client';
import { sameView } from '../plot/scales';
import type { GridRequest } from './workerBridge';

export interface GridCache {
  /** The grid kept under `key`, now the most recently used, or null. */
  get(key: string): GridResult | null;
  /** Keep `grid` under `key`; returns the grids this pushed out. */
  put(key: string, grid: GridResult): GridResult[];
  /** Whether `grid` is kept (its picture must stay open). */
  holds(grid: GridResult): boolean;
}

export function createGridCache(limit = 4): GridCache {
  // A Map iterates in insertion order: the first entry is the least recently used.
  const entries = new Map<string, GridResult>();
  return {
    get(key) {
      const grid = entries.get(key);
      if (!grid) return null;
      entries.delete(key);
      entries.set(key, grid);
      return grid;
    },
    put(key, grid) {
      const replaced = entries.get(key);
      entries.delete(key);
      entries.set(key, grid);
      const out: GridResult[] = replaced && replaced !== grid ? [replaced] : [];
      while (entries.size > limit) {
        const [oldest, kept] = entries.entries().next().value as [string, GridResult];
        entries.delete(oldest);
        out.push(kept);
      }
      return out.filter((gone) => ![...entries.values()].includes(gone));
    },
    holds(grid) {
      return [...entries.values()].includes(grid);
    },
  };
}

/**
 * Whether `grid` is the full answer to `request` on `surface`: the same
 * surface, view and samples, and a picture (when the worker could paint one)
 * of the size asked. An answer to an earlier request for the same view at
 * another size may come first, and must not be kept under this one.
 */
export function answersRequest(surface: SurfaceSpec, request: GridRequest, grid: GridResult): boolean {
  const { view, nx, ny, picture } = request;
  if (!grid.final || grid.nx !== nx || grid.ny !== ny) return false;
  if (!sameView(grid.view, view, 0)) return false;
  if (grid.picture && (!picture || grid.picture.width !== picture.width || grid.picture.height !== picture.height || grid.picture.ratio !== picture.ratio)) {
    return false;
  }
  return JSON.stringify(grid.surface) === JSON.stringify(surface);
}
