import type { CriticalPoint, Surface, SurfaceId, Vec2, ViewBox } from '../types';
import { symmetricEigenvalues, classifyEigenvalues } from '../linalg';

/** What a surface file writes; critical points are given as coordinates and classified here. */
export interface SurfaceDefinition {
  id: SurfaceId;
  formula: string;
  f(x: number, y: number): number;
  /** See Surface.rawF. */
  rawF?(x: number, y: number): number;
  gradient(x: number, y: number, out: Float64Array): void;
  hessian(x: number, y: number, out: Float64Array): void;
  view: ViewBox;
  start: Vec2;
  /** Known critical points, or omitted to search the view numerically. */
  criticalPoints?: Vec2[];
}

/** Turn known stationary coordinates into classified critical points. */
export function describeCriticalPoints(
  surface: Pick<SurfaceDefinition, 'f' | 'hessian'>,
  points: Vec2[],
): CriticalPoint[] {
  const h = new Float64Array(3);
  return points.map(([x, y]) => {
    surface.hessian(x, y, h);
    const eigenvalues = symmetricEigenvalues(h[0], h[1], h[2]);
    return { x, y, f: surface.f(x, y), kind: classifyEigenvalues(eigenvalues), eigenvalues };
  });
}

/**
 * A surface whose critical points are found the first time they are read:
 * a search costs 10–70 ms, and most users of a surface (the page reading its
 * view, a run) never need them. Assigning the property replaces them.
 */
export function defineSurface(definition: SurfaceDefinition, search?: (s: SurfaceDefinition) => Vec2[]): Surface {
  let criticalPoints: CriticalPoint[] | null = null;
  return {
    id: definition.id,
    formula: definition.formula,
    f: definition.f,
    ...(definition.rawF ? { rawF: definition.rawF } : {}),
    gradient: definition.gradient,
    hessian: definition.hessian,
    view: definition.view,
    start: definition.start,
    get criticalPoints(): CriticalPoint[] {
      criticalPoints ??= describeCriticalPoints(definition, definition.criticalPoints ?? (search ? search(definition) : []));
      return criticalPoints;
    },
    set criticalPoints(points: CriticalPoint[]) {
      criticalPoints = points;
    },
  };
}
