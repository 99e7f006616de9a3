/**
 * Sizes a canvas's backing store for a CSS size at the screen's pixel ratio
 * and returns its 2D context (null where there is none, as in tests without
 * a canvas). Assigning a size clears the canvas even when it is unchanged, so
 * the size is assigned only when it changes; the caller repaints everything.
 */
export function screenPixelRatio(): number {
  return (typeof window !== 'undefined' && window.devicePixelRatio) || 1;
}

export function sizedContext(canvas: HTMLCanvasElement, width: number, height: number, ratio: number): CanvasRenderingContext2D | null {
  const pixelWidth = Math.max(1, Math.round(width * ratio));
  const pixelHeight = Math.max(1, Math.round(height * ratio));
  if (canvas.width !== pixelWidth) canvas.width = pixelWidth;
  if (canvas.height !== pixelHeight) canvas.height = pixelHeight;
  return canvas.getContext('2d');
}
