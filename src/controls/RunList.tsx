/** Every run, and a picker to add one more. */
import { useState } from 'react';
import type { OptimizerId } from '../core/types';
import { optimizerIds, optimizerInfo, surfaceInfo } from '../core';
import { limits } from '../state/scene';
import { useAppStore } from '../state/store';
import { RunCard } from './RunCard';

export function RunList() {
  const runs = useAppStore((s) => s.scene.runs);
  const surface = useAppStore((s) => s.scene.surface.id);
  const addRun = useAppStore((s) => s.addRun);
  const [choice, setChoice] = useState<OptimizerId>('adam');
  const full = runs.length >= limits.runs.max;
  return (
    <section className="panel runs" aria-labelledby="runs-title">
      <h2 id="runs-title">Runs</h2>
      <ul className="run-list">
        {runs.map((run, index) => (
          <RunCard key={run.key} run={run} index={index} isData={surfaceInfo[surface].isData} />
        ))}
      </ul>
      {runs.length === 0 && <p className="hint">No runs yet: add an optimizer below.</p>}
      <div className="add-run">
        <label className="field">
          add
          <select value={choice} onChange={(e) => setChoice(e.target.value as OptimizerId)} aria-label="Optimizer to add">
            {optimizerIds.map((id) => (
              <option key={id} value={id}>{optimizerInfo[id].name}</option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => addRun(choice)} disabled={full} data-testid="add-run">
          Add run
        </button>
        {full && <span className="hint">At most {limits.runs.max} runs.</span>}
      </div>
    </section>
  );
}
