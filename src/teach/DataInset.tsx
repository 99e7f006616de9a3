/**
 * On the regression surfaces, a small chart of the data with every visible
 * run's model at the step on screen (its line, or its sigmoid), in the run's
 * colour. Like the path canvas it reads trajectories from the store on
 * animation frames: a streamed chunk repaints it without rendering React.
 */
import { useCallback, useRef } from 'react';
import type { DataSet, SurfaceId } from '../core/types';
import { createLinearData, createLogisticData } from '../core/data';
import type { RunStyle } from '../plot/TrajectoryCanvas';
import { useCanvasPaint } from '../plot/useCanvasPaint';
import { trajectories as defaultStore, type TrajectoryStore } from '../state/trajectories';
import { useT } from '../i18n';
import { modelsAt, paintDataInset, type DataInsetKind } from './paintDataInset';
import './teach.css';

export interface DataInsetProps {
  surfaceId: SurfaceId;
  runs: readonly RunStyle[];
  /** The step on screen (playback.step); Infinity: each run's last point. */
  step: number;
  /** When the pointer is over the loss chart, its step wins, as it does for the rings on the paths. */
  hoverStep?: number | null;
  width?: number;
  height?: number;
  store?: TrajectoryStore;
}

const dataSets: Partial<Record<DataInsetKind, DataSet>> = {};

/** The fixed-seed data set behind a regression surface; drawn once (256 samples, no optimizer involved). */
export function insetData(kind: DataInsetKind): DataSet {
  return (dataSets[kind] ??= kind === 'linreg' ? createLinearData() : createLogisticData());
}

export function isInsetSurface(id: SurfaceId): id is DataInsetKind {
  return id === 'linreg' || id === 'logreg';
}

export function DataInset({
  surfaceId, runs, step, hoverStep = null, width = 280, height = 180, store = defaultStore,
}: DataInsetProps) {
  const t = useT();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const kind = isInsetSurface(surfaceId) ? surfaceId : null;
  const shown = hoverStep ?? step;
  const painter = useCallback(
    (ctx: CanvasRenderingContext2D, source: TrajectoryStore) => {
      if (!kind) return;
      paintDataInset(ctx, {
        kind,
        data: insetData(kind),
        models: modelsAt(source, runs, shown),
        width,
        height,
        ink: canvasRef.current ? getComputedStyle(canvasRef.current).color : undefined,
      });
    },
    [kind, runs, shown, width, height],
  );
  useCanvasPaint(canvasRef, store, width, height, painter);
  if (!kind) return null;
  const where = Number.isFinite(shown) ? t('teach.inset.atStep', { step: Math.max(0, Math.floor(shown)) }) : t('teach.inset.atEnd');
  const title = t(kind === 'linreg' ? 'teach.inset.linreg' : 'teach.inset.logreg');
  return (
    <figure className="teach-inset" data-testid="data-inset" style={{ width: `${width}px` }}>
      <figcaption className="teach-inset-title">
        {title}
        <span className="teach-inset-step teach-inset-when">{where}</span>
      </figcaption>
      <canvas
        ref={canvasRef}
        role="img"
        aria-label={`${title}, ${where}. ${t(kind === 'linreg' ? 'teach.inset.describeLinreg' : 'teach.inset.describeLogreg')}`}
        data-testid="data-inset-canvas"
        style={{ width: `${width}px`, height: `${height}px` }}
      />
    </figure>
  );
}
