/** Small 2×2 linear algebra for Hessians stored as [a, b, c] = [fxx, fxy, fyy]. */
import type { CriticalKind } from './types';

/** Eigenvalues of the symmetric matrix [[a, b], [b, c]], ascending. */
export function symmetricEigenvalues(a: number, b: number, c: number): [number, number] {
  const mean = (a + c) / 2;
  // hypot avoids the cancellation of sqrt(mean² − det) when a ≈ c.
  const radius = Math.hypot((a - c) / 2, b);
  return [mean - radius, mean + radius];
}

/** Classify a critical point by the signs of the Hessian's eigenvalues. */
export function classifyEigenvalues([low, high]: [number, number], tolerance = 1e-9): CriticalKind {
  const scale = Math.max(1, Math.abs(low), Math.abs(high));
  const tol = tolerance * scale;
  if (Math.abs(low) <= tol || Math.abs(high) <= tol) return 'degenerate';
  if (low > 0) return 'min';
  if (high < 0) return 'max';
  return 'saddle';
}
