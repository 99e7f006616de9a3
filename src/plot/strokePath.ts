/**
 * Strokes a run's decimated path: a casing (white or dark, see haloColor)
 * and the coloured line over it, from any vertex on, so a path kept on a
 * layer (pathLayer.ts) can be extended with only what is new.
 */
import { haloColor } from './colors';
import type { DecimatedPath } from './decimatePath';
import type { PaintContext } from './paintTrajectories';

const lineWidth = 1.75;
/** A white casing can be wide; a dark one must stay thin or it outweighs the colour it frames. */
const haloWidth = (halo: string) => (halo === '#ffffff' ? 4 : 3);

/**
 * Vertices per stroke. Skia strokes a wide line by outlining the whole path
 * and filling the outline, and on a long zig-zag that fill costs far more
 * than the fills of its pieces: 8 runs × 4,760 vertices (a long run's
 * budget) rasterised in ~300 ms as one stroke per run and ~85 ms in pieces
 * of 256, 8 × 1,000 in ~40 and ~18 ms (Chromium 156, software raster). The
 * raster happened at the frame's commit, as the page's longest tasks. Pieces
 * share their end vertex; with round joins and caps and opaque colours (see
 * haloColor) the seams do not show.
 */
export const pieceVertices = 256;

/**
 * Stroke `path` from vertex `from` on, keeping every `stride`-th vertex: the
 * whole casing first, then the whole line, so a piece's casing never covers
 * the line's previous piece. A path continued on a canvas that holds its
 * earlier part (`continued`) gets its new casing under what is there
 * (destination-over): on top, the casing's round cap would cover the end of
 * the line drawn before, and any older stretch of line it passes over —
 * vertices lie a pixel apart, closer than the casing's width.
 */
export function strokeRunPath(ctx: PaintContext, path: DecimatedPath, color: string, stride: number, from = 0, continued = false): void {
  const halo = haloColor(color);
  ctx.strokeStyle = halo;
  ctx.lineWidth = haloWidth(halo);
  if (continued) ctx.globalCompositeOperation = 'destination-over';
  strokePieces(ctx, path.vertices, from, path.count, stride);
  if (continued) ctx.globalCompositeOperation = 'source-over';
  ctx.strokeStyle = color;
  ctx.lineWidth = lineWidth;
  strokePieces(ctx, path.vertices, from, path.count, stride);
}

/** Stroke vertices [from, to) in pieces; a NaN vertex lifts the pen. */
function strokePieces(ctx: PaintContext, v: Float64Array, from: number, to: number, stride: number): void {
  ctx.beginPath();
  let penDown = false;
  // Vertices since the last stroke(): a path that lifts the pen often (decimation lifts it over
  // segments already drawn) must be cut by count too, not only where the line runs on.
  let inStroke = 0;
  for (let i = from; i < to; i++) {
    const px = v[2 * i];
    if (Number.isNaN(px)) {
      penDown = false;
      continue;
    }
    const py = v[2 * i + 1];
    const lastOfLine = i === to - 1 || Number.isNaN(v[2 * i + 2]);
    if (!penDown) {
      if (inStroke >= pieceVertices) {
        ctx.stroke();
        ctx.beginPath();
        inStroke = 0;
      }
      ctx.moveTo(px, py);
      penDown = true;
      inStroke++;
    } else if (i % stride === 0 || lastOfLine) {
      ctx.lineTo(px, py);
      if (++inStroke >= pieceVertices && !lastOfLine) {
        ctx.stroke();
        ctx.beginPath();
        ctx.moveTo(px, py);
        inStroke = 1;
      }
    }
  }
  ctx.stroke();
}
