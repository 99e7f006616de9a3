/**
 * "About this view": the current preset's title and explanation, at the top
 * of the settings beside the plot, so the learner reads what to look at
 * while the runs play. It also appears when the page opens on a preset's
 * link (followPresetLinks). Without a preset, the bare page shows its own
 * note (OpeningNote). Above the plot, it pushed the plot ~90 px down
 * once it appeared (after the first picture), and its "changed" line pushed
 * it again under the pointer that had just changed the view.
 *
 * The presets are a chunk of their own (≈ 8 KB gzipped): this component
 * loads it, and matches the link against every preset, once the plot's first
 * picture is drawn. Done at mount, the two took 25–40 ms of the page's
 * thread just before the first picture, and the worker's first paths waited.
 */
import { useEffect, useState } from 'react';
import { useCurrentPreset } from './presetChoice';
import { dismissOpeningNote, OpeningNote } from './OpeningNote';
import { ChunkBoundary } from '../app/ChunkBoundary';
import { useAfterFirstPicture } from '../app/useAfterFirstPicture';
import { useShallow } from 'zustand/react/shallow';
import { appStore, useAppStore } from '../state/store';
import type { Scene } from '../state/scene';
import './presetGallery.css';

type NoteTextComponent = typeof import('./PresetNoteText').default;

export function PresetNote() {
  const id = useCurrentPreset((s) => s.id);
  // The scene without its view, the same object while only the view changes: a zoom or pan
  // re-renders nothing here, and the note's comparison (a few encodings) is not redone per frame.
  const scene = useAppStore(useShallow((s): Scene => ({ ...s.scene, view: null })));
  const pictured = useAfterFirstPicture();
  // The note's words, loaded with the presets rather than when a preset is chosen: loaded then
  // (React.lazy), the column showed no note for ~200 ms and then jumped down by the note's height.
  const [NoteText, setNoteText] = useState<NoteTextComponent | null>(null);
  useEffect(() => {
    if (!pictured) return;
    let live = true;
    let stop = () => {};
    import('./currentPreset').then(({ followPresetLinks }) => {
      if (live) stop = followPresetLinks();
    }).catch(() => {
      // Without the presets a link's note cannot be matched; the page works on without it.
    });
    return () => {
      live = false;
      stop();
    };
  }, [pictured]);
  // A preset chosen before the first picture asks for them at once.
  const wanted = pictured || id !== null;
  useEffect(() => {
    if (!wanted || NoteText) return;
    let live = true;
    import('./PresetNoteText').then((module) => {
      if (live) setNoteText(() => module.default);
    }).catch(() => {
      // Without its words the note is not shown; the page works on without it.
    });
    return () => {
      live = false;
    };
  }, [wanted, NoteText]);
  if (id === null) return <OpeningNote />;
  // A preset's note takes the opening note's place for good.
  dismissOpeningNote();
  if (!NoteText) return null;
  return (
    <ChunkBoundary>
      <NoteText id={id} scene={scene} restore={restore} />
    </ChunkBoundary>
  );
}

/** Back to the preset's own view, played from the start (as choosing it in the gallery does). */
function restore(scene: Scene): void {
  const state = appStore.getState();
  state.loadScene(scene);
  state.play();
}
