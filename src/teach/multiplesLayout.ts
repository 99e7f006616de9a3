/**
 * Where the small multiples go: one panel per visible run, in a grid that
 * reads like Saito's four-panel figure. Two runs sit side by side (1 × 2),
 * three or four in a 2 × 2 square, more in rows of three. A box too narrow
 * for that many readable panels gets fewer columns (a phone shows one).
 */

export interface MultiplesLayout {
  columns: number;
  rows: number;
  /** Size of one panel's plot (ContourPlot width and height), CSS pixels. */
  panelWidth: number;
  panelHeight: number;
  /** Space between panels, CSS pixels. */
  gap: number;
}

/** Below this a panel's plotting area (its width less the axes and colour legend, 122 px) is too small to read. */
export const minPanelWidth = 250;
export const multiplesGap = 8;

/** The preferred column count for `count` panels, before the width has its say. */
export function preferredColumns(count: number): number {
  if (count <= 1) return 1;
  if (count <= 4) return 2;
  return 3;
}

export function multiplesLayout(count: number, width: number, gap = multiplesGap): MultiplesLayout {
  const n = Math.max(0, Math.floor(count));
  const fits = Math.max(1, Math.floor((Math.max(0, width) + gap) / (minPanelWidth + gap)));
  const columns = Math.max(1, Math.min(preferredColumns(n), fits));
  const rows = n === 0 ? 0 : Math.ceil(n / columns);
  const panelWidth = Math.max(1, Math.floor((width - gap * (columns - 1)) / columns));
  // A little flatter than the single plot (0.72), so a 2 × 2 grid still fits a laptop screen.
  const panelHeight = Math.round(Math.min(Math.max(panelWidth * 0.66, 180), 420));
  return { columns, rows, panelWidth, panelHeight, gap };
}
