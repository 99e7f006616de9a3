/** Shared settings: the surface and its options, start point, step budget, seed, tolerance, maximize. */
import type { SurfaceId } from '../core/types';
import { surfaceIds, surfaceInfo } from '../core';
import { limits } from '../state/scene';
import { useAppStore } from '../state/store';
import { NumberField } from './NumberField';
import { Slider } from './Slider';

export function SceneControls() {
  const scene = useAppStore((s) => s.scene);
  const setSurface = useAppStore((s) => s.setSurface);
  const setRipple = useAppStore((s) => s.setRipple);
  const setStart = useAppStore((s) => s.setStart);
  const setSteps = useAppStore((s) => s.setSteps);
  const setSeed = useAppStore((s) => s.setSeed);
  const setTolerance = useAppStore((s) => s.setTolerance);
  const setMaximize = useAppStore((s) => s.setMaximize);
  const info = surfaceInfo[scene.surface.id];
  const axis = info.isData ? ['w', 'b'] : ['x', 'y'];
  return (
    <section className="panel scene" aria-labelledby="scene-title">
      <h2 id="scene-title">Surface</h2>
      <label className="field wide">
        surface
        <select
          data-testid="surface"
          value={scene.surface.id}
          onChange={(e) => {
            setSurface(e.target.value as SurfaceId);
            // Hand the arrow keys back to playback: a focused select would change surface again.
            e.target.blur();
          }}
        >
          {surfaceIds.map((id) => (
            <option key={id} value={id}>{surfaceInfo[id].name}</option>
          ))}
        </select>
      </label>
      <p className="formula" data-testid="formula">f = {info.formula}</p>
      <p className="hint">Each run keeps its learning rate: one tuned for one surface may diverge on another.</p>
      {info.hasRipple && (
        <Slider label="ripple r" value={scene.surface.ripple} min={limits.ripple.min} max={limits.ripple.max} step={0.05} onChange={setRipple} />
      )}
      <div className="row">
        <NumberField label={`start ${axis[0]}`} value={scene.start[0]} onCommit={(x) => setStart([x, scene.start[1]])} testId="start-x" />
        <NumberField label={`start ${axis[1]}`} value={scene.start[1]} onCommit={(y) => setStart([scene.start[0], y])} testId="start-y" />
      </div>
      <p className="hint">Click the plot to start every run there.</p>
      <div className="row">
        <NumberField label="steps" value={scene.steps} onCommit={setSteps} testId="steps" />
        <NumberField label="seed" value={scene.seed} onCommit={setSeed} testId="seed" />
      </div>
      <div className="row">
        <NumberField label="stop when ‖Δx‖ <" value={scene.tolerance} onCommit={setTolerance} />
        <label className="check">
          <input type="checkbox" checked={scene.maximize} onChange={(e) => setMaximize(e.target.checked)} />
          maximize (climb)
        </label>
      </div>
    </section>
  );
}
