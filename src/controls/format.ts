/** Number formatting for controls and labels: short, exact enough to retype. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e6) return String(Number(value.toPrecision(6)));
  return value.toExponential(3).replace(/\.?0+e/, 'e');
}

/**
 * The exact number, as link notices write it (0.00001, 1000, 4294967295,
 * 1e-16): for limits and corrected values, which must read back as themselves.
 */
export function formatExact(value: number): string {
  return value === 0 ? '0' : String(value);
}
