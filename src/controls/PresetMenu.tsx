/** Ready-made views: choosing one loads its whole scene (and so its link). */
import { presets } from '../state/presets';
import { appStore } from '../state/store';

export function PresetMenu() {
  return (
    <label className="field preset-menu">
      <span className="visually-hidden">Load a preset</span>
      <select
        data-testid="presets"
        value=""
        onChange={(e) => {
          const preset = presets.find((p) => p.id === e.target.value);
          if (!preset) return;
          const state = appStore.getState();
          state.loadScene(preset.scene());
          // A preset is a story: play it from the start even if "Show all" was on.
          state.play();
          e.target.blur();
        }}
      >
        <option value="" disabled>Presets…</option>
        {presets.map((p) => (
          <option key={p.id} value={p.id} title={p.description}>{p.title}</option>
        ))}
      </select>
    </label>
  );
}
