/**
 * "About this view": the current preset's title and explanation, above the
 * plot, so the learner reads what to look at while the runs play. It also
 * appears when the page opens on a preset's link (followPresetLinks).
 *
 * The presets are a chunk of their own (≈ 8 KB gzipped): this component
 * starts loading it when it mounts, without making the first picture wait.
 */
import { lazy, Suspense, useEffect } from 'react';
import { useCurrentPreset } from './presetChoice';
import { ChunkBoundary } from '../app/ChunkBoundary';
import './presetGallery.css';

const PresetNoteText = lazy(() => import('./PresetNoteText'));

export function PresetNote() {
  const id = useCurrentPreset((s) => s.id);
  useEffect(() => {
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
  }, []);
  if (id === null) return null;
  return (
    <ChunkBoundary>
      <Suspense fallback={null}>
        <PresetNoteText id={id} />
      </Suspense>
    </ChunkBoundary>
  );
}
