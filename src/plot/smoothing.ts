/**
 * Exponentially weighted averages, as the notes introduce them with the
 * temperature in London: v₀ = 0, v_t = β·v_{t−1} + (1 − β)·θ_t, which
 * averages roughly the last 1/(1 − β) values (β = 0.9: ten days). Since v
 * starts at 0 the first averages are far too low (v₁ = 0.1·θ₁); bias
 * correction divides by 1 − β^t, the total weight handed out so far, and
 * reads θ₁ exactly at t = 1. The same average is Momentum's velocity in
 * Ng's form and Adam's m and s.
 */

/**
 * The EWA of `values` (θ₁ = values[0]). Non-finite values (a run that left
 * the finite numbers) are skipped: their slot is NaN and the average, and the
 * t of the bias correction, carry on as if they were absent.
 */
export function ewa(values: ArrayLike<number>, beta: number, biasCorrection: boolean): Float64Array {
  const out = new Float64Array(values.length);
  ewaStrided(values, values.length, 1, 0, beta, biasCorrection, out);
  return out;
}

/**
 * The EWA of source[offset], source[offset + stride], … (count of them) into
 * out[0 … count − 1]: the loss chart averages f straight out of the x, y, f
 * interleaved trajectory buffer without copying it first. β is clamped to [0, 1).
 */
export function ewaStrided(
  source: ArrayLike<number>,
  count: number,
  stride: number,
  offset: number,
  beta: number,
  biasCorrection: boolean,
  out: Float64Array,
): Float64Array {
  const b = Number.isFinite(beta) ? Math.min(Math.max(beta, 0), 1 - 1e-12) : 0;
  let v = 0;
  // β^t, kept by multiplication: Math.pow per step would cost more and drift no less.
  let power = 1;
  for (let k = 0; k < count; k++) {
    const theta = source[offset + k * stride];
    if (!Number.isFinite(theta)) {
      out[k] = NaN;
      continue;
    }
    v = b * v + (1 - b) * theta;
    power *= b;
    out[k] = biasCorrection ? v / (1 - power) : v;
  }
  return out;
}

/** How many recent values an EWA with this β roughly averages: 1/(1 − β) (β = 0.9 → 10, β = 0.5 → 2). */
export function ewaWindow(beta: number): number {
  return 1 / (1 - beta);
}
