/** Number formatting for controls and labels: short, exact enough to retype. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e6) return String(Number(value.toPrecision(6)));
  return value.toExponential(3).replace(/\.?0+e/, 'e');
}
