/**
 * What sits under the plot: the step inspector, the loss chart, its
 * smoothing, the data inset and the schedule. A chunk of its own, loaded
 * after the plot's first picture (PlotPanel), so a cold open downloads,
 * parses and renders only what draws the picture.
 */
import { memo, useDeferredValue } from 'react';
import type { SurfaceId } from '../core/types';
import { surfaceInfo } from '../core';
import { LossChart } from '../plot/LossChart';
import { LossReadout } from '../plot/LossReadout';
import { appStore } from '../state/store';
import type { RunSpec } from '../state/scene';
import { DataInset } from '../teach/DataInset';
import { SchedulePlot } from '../teach/SchedulePlot';
import { SmoothingControls } from '../teach/SmoothingControls';
import { useTeachStore } from '../teach/teachStore';
import { InspectorPanel } from '../inspector/InspectorPanel';
import { startInspectorSync } from '../inspector/urlInspector';
import { translate, useLanguage, type Lang } from '../i18n';

// The inspector's place in the link (?insp=2) is read, and then kept, once this chunk arrives.
startInspectorSync(appStore, { onNotice: (text) => appStore.getState().addNotices([text]) });

export interface BelowPlotProps {
  surfaceId: SurfaceId;
  runs: RunSpec[];
  steps: number;
  /** Last step drawn (Infinity: all). */
  upTo: number;
  hoverStep: number | null;
}

function BelowPlot(props: BelowPlotProps) {
  // Deferred: a slider's change re-renders these after the paths are drawn, in a render React may interrupt.
  const { surfaceId, runs, steps, upTo, hoverStep } = useDeferredValue(props);
  const lang = useLanguage((s) => s.lang);
  const smoothing = useTeachStore((s) => s.smoothing);
  const isData = surfaceInfo[surfaceId].isData;
  return (
    <>
      <InspectorPanel />
      <LossChart
        ariaLabel={lossLabel(lang, runs)}
        stepTitle={translate(lang, 'loss.stepAxis')}
        runs={runs}
        upTo={upTo}
        hoverStep={hoverStep}
        onHover={appStore.getState().setHoverStep}
        steps={steps}
        smoothing={smoothing.on ? smoothing : null}
      />
      <LossReadout runs={runs} step={hoverStep} lang={lang} />
      <SmoothingControls />
      <div className="teach-strip">
        <DataInset surfaceId={surfaceId} runs={runs} step={upTo} hoverStep={hoverStep} />
        <SchedulePlot runs={runs} steps={steps} isData={isData} step={upTo} />
      </div>
    </>
  );
}

function lossLabel(lang: Lang, runs: readonly { hidden: boolean }[]): string {
  const count = runs.filter((run) => !run.hidden).length;
  return count === 1 ? translate(lang, 'loss.ariaOne') : translate(lang, 'loss.ariaMany', { count });
}

// Memoised: the plot column re-renders on every zoom step, which changes nothing here.
export default memo(BelowPlot);
