/**
 * The bare page's note: what the opening view shows (Saito's four
 * optimizers on x²/20 + y², run for 60 steps) and what to try first. A
 * newcomer on the empty link used to see four paths and no word about them.
 *
 * Unlike a preset's note (PresetNote), its words are in the page's own
 * dictionary and it is part of the first render: the settings column is
 * built under it after the first picture, so it never pushes anything down.
 * Matched like a preset's, it arrived ~200 ms after the column and moved
 * every field in it, under the pointer of whoever had started to use one.
 *
 * Shown only on a page opened without a scene in its link, until it is
 * closed, a preset's note takes its place, or the surface changes (the note
 * is about the bowl). Once the start, a run or a setting is changed, a line
 * (laid out from the start, so it moves nothing) says so and offers the
 * opening view back, as a preset's note does.
 */
import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../i18n';
import { defaultScene } from '../state/defaults';
import type { Scene } from '../state/scene';
import { appStore, useAppStore } from '../state/store';
import { NoteCard } from './NoteCard';

/** What the note is about: everything of a scene but its surface (which takes the note away) and view (a zoom is the same view). */
type Gist = Pick<Scene, 'start' | 'steps' | 'seed' | 'tolerance' | 'maximize' | 'runs'>;
const pickGist = ({ start, steps, seed, tolerance, maximize, runs }: Scene): Gist => ({ start, steps, seed, tolerance, maximize, runs });
const gist = ({ start, steps, seed, tolerance, maximize, runs }: Gist) =>
  // Run keys are fresh per scene made: not part of what a run is.
  JSON.stringify([start, steps, seed, tolerance, maximize, runs.map(({ key: _key, ...run }) => run)]);
let openingGist: string | null = null;

/** Read before anything writes the address: a page opened on the empty link. */
const openedBare = typeof window !== 'undefined' && window.location.hash.replace(/^#/, '') === '';
/** Once gone (closed, a preset shown, another surface), it stays gone for the page's life. */
let gone = !openedBare;

/** Take the opening note away for good (a preset's note takes its place). */
export function dismissOpeningNote(): void {
  gone = true;
}

export function OpeningNote() {
  const t = useT();
  const surface = useAppStore((s) => s.scene.surface.id);
  const [shown, setShown] = useState(!gone && surface === 'ellipse');
  // The same object while only the view changes: a zoom re-renders nothing here.
  const now = useAppStore(useShallow((s) => pickGist(s.scene)));
  const changed = useMemo(() => {
    openingGist ??= gist(pickGist(defaultScene()));
    return gist(now) !== openingGist;
  }, [now]);
  const onBowl = surface === 'ellipse';
  useEffect(() => {
    if (!onBowl) {
      gone = true;
      setShown(false);
    }
  }, [onBowl]);
  if (!shown || gone) return null;
  const close = () => {
    gone = true;
    setShown(false);
  };
  return (
    <NoteCard
      id="opening-note"
      heading={t('opening.heading')}
      title={t('opening.title')}
      text={t('opening.text')}
      changed={changed}
      changedText={t('opening.changed')}
      restoreText={t('opening.restore')}
      onRestore={restore}
      closeText={t('opening.close')}
      onClose={close}
    />
  );
}

/** The opening view again, played from the start (as a preset's note offers its own). */
function restore(): void {
  const state = appStore.getState();
  state.loadScene(defaultScene());
  state.play();
}
