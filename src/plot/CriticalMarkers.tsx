/**
 * Markers for the surface's critical points: ▼ minimum, ▲ maximum, ✕ saddle,
 * ◆ degenerate (a zero Hessian eigenvalue). Each carries a <title> with its
 * kind, f and the Hessian's eigenvalues, shown as a tooltip on hover.
 */
import { symbol, symbolDiamond, symbolTriangle, symbolX } from 'd3';
import type { CriticalKind, CriticalPoint } from '../core/types';
import { formatValue } from './format';
import type { PlotScales } from './scales';

export interface CriticalMarkerLabels {
  kinds: Record<CriticalKind, string>;
  /** Words before the eigenvalue pair in the tooltip. */
  eigenvalues: string;
}

export const defaultCriticalLabels: CriticalMarkerLabels = {
  kinds: { min: 'Minimum', max: 'Maximum', saddle: 'Saddle point', degenerate: 'Degenerate critical point' },
  eigenvalues: 'Hessian eigenvalues',
};

const size = 70;
const shapes: Record<CriticalKind, { d: string; rotate: number; stroked: boolean }> = {
  min: { d: symbol(symbolTriangle, size)() ?? '', rotate: 180, stroked: false },
  max: { d: symbol(symbolTriangle, size)() ?? '', rotate: 0, stroked: false },
  saddle: { d: symbol(symbolX, size)() ?? '', rotate: 0, stroked: true },
  degenerate: { d: symbol(symbolDiamond, size)() ?? '', rotate: 0, stroked: false },
};

/** Tooltip text, e.g. "Minimum: f = 0 at (1, 1); Hessian eigenvalues 0.4, 1000". */
export function describeCriticalPoint(point: CriticalPoint, labels: CriticalMarkerLabels = defaultCriticalLabels): string {
  const at = `(${formatValue(point.x, 3)}, ${formatValue(point.y, 3)})`;
  const [l1, l2] = point.eigenvalues;
  return `${labels.kinds[point.kind]}: f = ${formatValue(point.f, 3)} at ${at}; ${labels.eigenvalues} ${formatValue(l1, 3)}, ${formatValue(l2, 3)}`;
}

export interface CriticalMarkersProps {
  points: readonly CriticalPoint[];
  /** Scales of the displayed view; points outside it are not drawn. */
  scales: PlotScales;
  width: number;
  height: number;
  labels?: CriticalMarkerLabels;
}

export function CriticalMarkers({ points, scales, width, height, labels = defaultCriticalLabels }: CriticalMarkersProps) {
  return (
    <g className="plot-critical">
      {points.map((point, i) => {
        const px = scales.x(point.x);
        const py = scales.y(point.y);
        if (!(px >= -8 && px <= width + 8 && py >= -8 && py <= height + 8)) return null;
        const shape = shapes[point.kind];
        const transform = `translate(${px},${py})${shape.rotate ? ` rotate(${shape.rotate})` : ''}`;
        return (
          <g key={i} className={`plot-critical-${point.kind}`} transform={transform}>
            <title>{describeCriticalPoint(point, labels)}</title>
            {shape.stroked ? (
              <>
                <path d={shape.d} className="plot-critical-halo" />
                <path d={shape.d} className="plot-critical-stroke" />
              </>
            ) : (
              <path d={shape.d} className="plot-critical-fill" />
            )}
          </g>
        );
      })}
    </g>
  );
}
