/**
 * Choosing presets and recognising their links. With the presets themselves,
 * this is a chunk of its own: the page loads it after starting, not before
 * its first picture (PresetNote, PresetMenu).
 */
import type { Lang } from '../i18n';
import type { Scene } from '../state/scene';
import { presets, findPreset, type Preset } from '../state/presets';
import { appStore, type AppStore } from '../state/store';
import { encodeScene } from '../state/urlCodec';
import { useCurrentPreset } from './presetChoice';

export { useCurrentPreset, type CurrentPresetState } from './presetChoice';

/** Load a preset's scene in `lang`, play it from the start and show its note. */
export function loadPreset(preset: Preset, lang: Lang, store: AppStore = appStore): void {
  const state = store.getState();
  state.loadScene(preset.scene(lang));
  // A preset is a story: play it from the start even if "Show all" was on.
  state.play();
  useCurrentPreset.getState().show(preset.id);
}

/** Cheap to compute: only presets with the same outline need their links encoded and compared. */
function outline(scene: Scene): string {
  return `${scene.surface.id}|${scene.runs.length}|${scene.steps}`;
}

let presetsByOutline: Map<string, Array<{ id: string; scene: Scene; link?: string }>> | null = null;

/** The preset whose view `scene` is, in either language's labels; undefined for any other scene. */
export function matchPreset(scene: Scene): Preset | undefined {
  if (!presetsByOutline) {
    presetsByOutline = new Map();
    for (const preset of presets) {
      for (const lang of ['en', 'ko'] as const) {
        const presetScene = preset.scene(lang);
        const key = outline(presetScene);
        const list = presetsByOutline.get(key) ?? [];
        list.push({ id: preset.id, scene: presetScene });
        presetsByOutline.set(key, list);
      }
    }
  }
  const candidates = presetsByOutline.get(outline(scene));
  if (!candidates) return undefined;
  // Encoding is the costly part (~1 ms a scene): only for the few candidates, once each.
  const link = encodeScene(scene);
  const match = candidates.find((candidate) => (candidate.link ??= encodeScene(candidate.scene)) === link);
  return match ? findPreset(match.id) : undefined;
}

/**
 * Show a preset's note whenever the store's scene becomes exactly that
 * preset's view (on a shared link, Back and Forward); returns a stop function.
 */
export function followPresetLinks(store: AppStore = appStore): () => void {
  const check = (scene: Scene) => {
    const preset = matchPreset(scene);
    if (preset && useCurrentPreset.getState().id !== preset.id) useCurrentPreset.getState().show(preset.id);
  };
  check(store.getState().scene);
  return store.subscribe((state, previous) => {
    if (state.scene !== previous.scene) check(state.scene);
  });
}

