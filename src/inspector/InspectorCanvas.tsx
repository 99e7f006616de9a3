/**
 * The open inspector's layer over the plot (loaded with the inspector, see
 * InspectorOverlay): arrows and effective-rate ellipses at the inspected step
 * for every visible run, and a legend naming the arrow kinds and any scale.
 * It repaints when the worker's answer, the view or the size changes; it
 * never subscribes to streamed trajectories.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ViewBox } from '../core/types';
import type { RunSpec } from '../state/scene';
import { useAppStore } from '../state/store';
import { selectSimulationConfigs } from '../state/selectors';
import { runColor } from '../plot/colors';
import { sizedContext, useScreenPixelRatio } from '../plot/canvasSize';
import { useT } from '../i18n';
import { answerFor, inspectedStep, useInspector } from './inspectorStore';
import { stepVectors } from './stepVectors';
import { arrowKinds, arrowStyles, layoutInspector, paintInspector, type InspectedRun } from './paintInspector';
import { formatInspected } from './format';
import './inspector.css';

export type OverlayRun = Pick<RunSpec, 'key' | 'color' | 'hidden' | 'optimizer' | 'label'>;

export interface InspectorCanvasProps {
  width: number;
  height: number;
  view: ViewBox;
  runs: readonly OverlayRun[];
}

/**
 * Below this plot width (a phone's) the key covered most of the arrows it
 * explains: it folds into a button at the corner until asked for.
 */
const foldBelow = 400;

export function InspectorCanvas({ width, height, view, runs }: InspectorCanvasProps) {
  const t = useT();
  const [keyAskedFor, setKeyAskedFor] = useState(false);
  const foldable = width < foldBelow;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const answer = useInspector((s) => s.answer);
  const configs = useAppStore((s) => selectSimulationConfigs(s.scene));
  const step = useAppStore((s) => inspectedStep(s.playback, s.scene.steps));

  const inspected = useMemo(() => {
    const out: Array<InspectedRun & { label: string }> = [];
    for (const run of runs) {
      if (run.hidden) continue;
      const item = answerFor(answer, step, configs, run.key);
      const vectors = item ? stepVectors(item, run.optimizer) : null;
      if (vectors) out.push({ key: run.key, color: runColor(run.color), vectors, label: run.label });
    }
    return out;
  }, [runs, answer, step, configs]);
  // Repainted at another screen's pixel ratio, as the plot's other canvases are.
  const ratio = useScreenPixelRatio();

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const ctx = sizedContext(canvas, width, height, ratio);
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    paintInspector(ctx, { runs: inspected, view, width, height });
  }, [inspected, view, width, height, ratio]);

  const scaled = useMemo(
    () => layoutInspector({ runs: inspected, view, width, height }).filter((run) => run.scale !== 1),
    [inspected, view, width, height],
  );
  const hasMomentum = inspected.some((run) => run.vectors.momentum);
  const hasRates = inspected.some((run) => run.vectors.rates);

  return (
    <>
      <canvas
        ref={canvasRef}
        className="plot-canvas"
        data-testid="inspector-canvas"
        data-runs={inspected.length}
        aria-hidden="true"
        style={{ width: `${width}px`, height: `${height}px` }}
      />
      {inspected.length > 0 && step !== null && foldable && !keyAskedFor ? (
        <button type="button" className="inspector-legend-toggle" data-testid="inspector-legend-toggle" onClick={() => setKeyAskedFor(true)}>
          {t('inspector.legend.show')}
        </button>
      ) : null}
      {inspected.length > 0 && step !== null && (!foldable || keyAskedFor) ? (
        <div className={foldable ? 'inspector-legend is-unfolded' : 'inspector-legend'} data-testid="inspector-legend">
          {foldable ? (
            <button type="button" className="inspector-legend-close" onClick={() => setKeyAskedFor(false)} aria-label={t('inspector.legend.hide')}>×</button>
          ) : null}
          <p>{t('inspector.legend', { step })}</p>
          <ul>
            {arrowKinds
              .filter((kind) => kind !== 'momentum' || hasMomentum)
              .map((kind) => (
                <li key={kind}>
                  <svg width="28" height="10" aria-hidden="true">
                    <line
                      x1="2" y1="5" x2="20" y2="5" className="inspector-glyph"
                      strokeWidth={arrowStyles[kind].width} strokeDasharray={arrowStyles[kind].dash.join(' ') || undefined}
                    />
                    <path d="M27 5 L19 1 L19 9 Z" className="inspector-glyph-head" />
                  </svg>
                  {t(`inspector.legend.${kind}`)}
                </li>
              ))}
            {hasRates ? (
              <li>
                <svg width="28" height="10" aria-hidden="true">
                  <ellipse cx="14" cy="5" rx="12" ry="4" className="inspector-glyph" strokeDasharray="3 3" strokeWidth={1.5} />
                </svg>
                {t('inspector.legend.rates')}
              </li>
            ) : null}
            {scaled.map((run) => (
              <li key={run.key} data-testid="inspector-scale">
                {t('inspector.legend.scale', {
                  run: inspected.find((r) => r.key === run.key)?.label ?? '',
                  factor: formatInspected(run.scale),
                })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
