/** Shared settings: the surface and its options, start point, step budget, seed, tolerance, maximize. */
import type { SurfaceId } from '../core/types';
import { surfaceIds, surfaceInfo } from '../core';
import { limits } from '../state/scene';

/** Where a typed start may lie (the store clamps to it; the field says so). */
const coordinate = { min: -limits.coordinate.maxAbs, max: limits.coordinate.maxAbs };
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../state/store';
import { NumberField } from './NumberField';
import { Slider } from './Slider';
import { useT } from '../i18n';
import { surfaceFormula, surfaceName } from '../i18n/names';
import { ExpressionField } from './ExpressionField';
import { BoxEditor } from './BoxEditor';
import { ExampleMenu } from './ExampleMenu';

/** The picker's surfaces: the built-ins, then the user's own f(x, y). */
const pickable: SurfaceId[] = [...surfaceIds, 'custom'];

export function SceneControls() {
  // Only the fields shown here: a zoom (the view) or a run's setting must not re-render this panel.
  const scene = useAppStore(useShallow((s) => ({
    surface: s.scene.surface, start: s.scene.start, steps: s.scene.steps, seed: s.scene.seed,
    tolerance: s.scene.tolerance, maximize: s.scene.maximize,
  })));
  const setSurface = useAppStore((s) => s.setSurface);
  const setRipple = useAppStore((s) => s.setRipple);
  const setStart = useAppStore((s) => s.setStart);
  const setSteps = useAppStore((s) => s.setSteps);
  const setSeed = useAppStore((s) => s.setSeed);
  const setTolerance = useAppStore((s) => s.setTolerance);
  const setMaximize = useAppStore((s) => s.setMaximize);
  const setCustomSurface = useAppStore((s) => s.setCustomSurface);
  const { expression, box } = scene.surface;
  const info = surfaceInfo[scene.surface.id];
  const axis = info.isData ? ['w', 'b'] : ['x', 'y'];
  const t = useT();
  return (
    <section className="panel scene" aria-labelledby="scene-title">
      <h2 id="scene-title">{t('scene.title')}</h2>
      <label className="field wide">
        {t('scene.surface')}
        <select
          data-testid="surface"
          value={scene.surface.id}
          onChange={(e) => {
            setSurface(e.target.value as SurfaceId);
            // Hand the arrow keys back to playback: a focused select would change surface again.
            e.target.blur();
          }}
        >
          {pickable.map((id) => (
            <option key={id} value={id}>{surfaceName(t, id)}</option>
          ))}
        </select>
      </label>
      {expression !== undefined && box ? (
        <>
          <ExpressionField expression={expression} box={box} onApply={(text) => setCustomSurface({ expression: text })} />
          <p className="hint">{t('custom.help')}</p>
          <BoxEditor box={box} expression={expression} onApply={(next) => setCustomSurface({ box: next })} />
        </>
      ) : (
        <p className="formula" data-testid="formula">f = {surfaceFormula(t, scene.surface.id)}</p>
      )}
      <ExampleMenu />
      <p className="hint">{t('scene.keepsRate')}</p>
      {info.hasRipple && (
        <Slider label={t('scene.ripple')} value={scene.surface.ripple} min={limits.ripple.min} max={limits.ripple.max} step={0.05} onChange={setRipple} typedRange={limits.ripple} />
      )}
      <div className="row">
        <NumberField label={t('scene.start', { axis: axis[0] })} value={scene.start[0]} onCommit={(x) => setStart([x, scene.start[1]])} testId="start-x" {...coordinate} />
        <NumberField label={t('scene.start', { axis: axis[1] })} value={scene.start[1]} onCommit={(y) => setStart([scene.start[0], y])} testId="start-y" {...coordinate} />
      </div>
      <p className="hint">{t('scene.clickHint')}</p>
      <div className="row">
        <NumberField label={t('scene.steps')} value={scene.steps} onCommit={setSteps} testId="steps" {...limits.steps} integer />
        <NumberField label={t('scene.seed')} value={scene.seed} onCommit={setSeed} testId="seed" {...limits.seed} integer />
      </div>
      <div className="row">
        <NumberField label={t('scene.tolerance')} value={scene.tolerance} onCommit={setTolerance} {...limits.tolerance} />
        <label className="check">
          <input type="checkbox" checked={scene.maximize} onChange={(e) => setMaximize(e.target.checked)} />
          {t('scene.maximize')}
        </label>
      </div>
    </section>
  );
}
