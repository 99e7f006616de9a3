/**
 * Markers for the surface's critical points: ▼ minimum, ▲ maximum, ✕ saddle,
 * ◆ degenerate (a zero Hessian eigenvalue). Each carries a <title> with its
 * kind, f and the Hessian's eigenvalues, shown as a tooltip on hover.
 */
import { memo, useMemo } from 'react';
import { crossPath, diamondPath, trianglePath } from './markerShapes';
import type { CriticalKind, CriticalPoint } from '../core/types';
import { formatValue } from './format';
import type { PlotScales } from './scales';

/** The pieces of a tooltip, already formatted; `eigenvalues` is the label's words. */
export type CriticalTooltipParts = Record<'kind' | 'f' | 'x' | 'y' | 'eigenvalues' | 'l1' | 'l2', string>;

export interface CriticalMarkerLabels {
  kinds: Record<CriticalKind, string>;
  /** Words before the eigenvalue pair in the tooltip. */
  eigenvalues: string;
  /** Puts the tooltip together (word order differs between languages). */
  tooltip?: (parts: CriticalTooltipParts) => string;
}

const englishTooltip = (p: CriticalTooltipParts) => `${p.kind}: f = ${p.f} at (${p.x}, ${p.y}); ${p.eigenvalues} ${p.l1}, ${p.l2}`;

export const defaultCriticalLabels: CriticalMarkerLabels = {
  kinds: { min: 'Minimum', max: 'Maximum', saddle: 'Saddle point', degenerate: 'Degenerate critical point' },
  eigenvalues: 'Hessian eigenvalues',
  tooltip: englishTooltip,
};

const size = 70;
const shapes: Record<CriticalKind, { d: string; rotate: number; stroked: boolean }> = {
  min: { d: trianglePath(size), rotate: 180, stroked: false },
  max: { d: trianglePath(size), rotate: 0, stroked: false },
  saddle: { d: crossPath(size), rotate: 0, stroked: true },
  degenerate: { d: diamondPath(size), rotate: 0, stroked: false },
};

/** Tooltip text, e.g. "Minimum: f = 0 at (1, 1); Hessian eigenvalues 0.4, 1000". */
export function describeCriticalPoint(point: CriticalPoint, labels: CriticalMarkerLabels = defaultCriticalLabels): string {
  const [l1, l2] = point.eigenvalues;
  const tooltip = labels.tooltip ?? englishTooltip;
  return tooltip({
    kind: labels.kinds[point.kind], f: formatValue(point.f, 3), x: formatValue(point.x, 3), y: formatValue(point.y, 3),
    eigenvalues: labels.eigenvalues, l1: formatValue(l1, 3), l2: formatValue(l2, 3),
  });
}

export interface CriticalMarkersProps {
  points: readonly CriticalPoint[];
  /** Scales of the displayed view; points outside it are not drawn. */
  scales: PlotScales;
  width: number;
  height: number;
  labels?: CriticalMarkerLabels;
}

/** Memoised: the plot re-renders for a new grid, whose points are usually the same ones (PlotPanel keeps them). */
export const CriticalMarkers = memo(function CriticalMarkers({ points, scales, width, height, labels = defaultCriticalLabels }: CriticalMarkersProps) {
  // Per grid, not per zoom step: the markers move with the view, their words do not.
  const titles = useMemo(() => points.map((point) => describeCriticalPoint(point, labels)), [points, labels]);
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
            <title>{titles[i]}</title>
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
});
