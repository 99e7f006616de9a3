/** Every run, and a picker to add one more. */
import { useState } from 'react';
import type { OptimizerId } from '../core/types';
import { optimizerIds, surfaceInfo } from '../core';
import { limits } from '../state/scene';
import { useAppStore } from '../state/store';
import { RunCard } from './RunCard';
import { useT } from '../i18n';
import { optimizerName } from '../i18n/names';

export function RunList() {
  const runs = useAppStore((s) => s.scene.runs);
  const surface = useAppStore((s) => s.scene.surface.id);
  const addRun = useAppStore((s) => s.addRun);
  const [choice, setChoice] = useState<OptimizerId>('adam');
  const full = runs.length >= limits.runs.max;
  const t = useT();
  return (
    <section className="panel runs" aria-labelledby="runs-title">
      <h2 id="runs-title">{t('runs.title')}</h2>
      <ul className="run-list">
        {runs.map((run, index) => (
          <RunCard key={run.key} run={run} index={index} isData={surfaceInfo[surface].isData} />
        ))}
      </ul>
      {runs.length === 0 && <p className="hint">{t('runs.empty')}</p>}
      <div className="add-run">
        <label className="field">
          {t('runs.add')}
          <select value={choice} onChange={(e) => setChoice(e.target.value as OptimizerId)} aria-label={t('runs.addAria')}>
            {optimizerIds.map((id) => (
              <option key={id} value={id}>{optimizerName(t, id)}</option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => addRun(choice)} disabled={full} data-testid="add-run">
          {t('runs.addButton')}
        </button>
        {full && <span className="hint">{t('runs.full', { max: limits.runs.max })}</span>}
      </div>
    </section>
  );
}
