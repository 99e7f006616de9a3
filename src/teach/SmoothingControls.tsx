/**
 * The loss chart's smoothing: an exponentially weighted average of f, the
 * notes' temperature example applied to a loss curve. β sets how many steps
 * it averages (about 1/(1 − β), shown beside the slider); bias correction
 * on/off shows the start-up dip the notes describe.
 */
import { useId } from 'react';
import { useT } from '../i18n';
import { ewaWindow } from '../plot/smoothing';
import { formatValue } from '../plot/format';
import { maxSmoothingBeta, useTeachStore } from './teachStore';
import './teach.css';

export function SmoothingControls() {
  const t = useT();
  const id = useId();
  const smoothing = useTeachStore((s) => s.smoothing);
  const setSmoothing = useTeachStore((s) => s.setSmoothing);
  const span = ewaWindow(smoothing.beta);
  return (
    <div className="teach-smoothing" role="group" aria-label={t('teach.smoothing.group')} data-testid="smoothing-controls">
      <label className="teach-check">
        <input
          type="checkbox"
          checked={smoothing.on}
          onChange={(e) => setSmoothing({ on: e.target.checked })}
          data-testid="smoothing-on"
        />
        {t('teach.smoothing.on')}
      </label>
      <label htmlFor={`${id}-beta`} className="teach-beta-label">β</label>
      <input
        id={`${id}-beta`}
        type="range"
        min={0}
        max={maxSmoothingBeta}
        step={0.01}
        value={smoothing.beta}
        disabled={!smoothing.on}
        aria-valuetext={`β = ${formatValue(smoothing.beta, 2)}`}
        onChange={(e) => setSmoothing({ beta: Number(e.target.value) })}
        data-testid="smoothing-beta"
      />
      <output htmlFor={`${id}-beta`} className="teach-beta-value">
        {formatValue(smoothing.beta, 2)}
        <span className="teach-window"> {t('teach.smoothing.window', { n: formatValue(span, 3) })}</span>
      </output>
      <label className="teach-check">
        <input
          type="checkbox"
          checked={smoothing.biasCorrection}
          disabled={!smoothing.on}
          onChange={(e) => setSmoothing({ biasCorrection: e.target.checked })}
          data-testid="smoothing-bias"
        />
        {t('teach.smoothing.biasCorrection')}
      </label>
    </div>
  );
}
