/**
 * Space plays or pauses, → steps, ← steps back — unless a control that uses
 * those keys has focus: a text field, a slider, a drop-down. A focused button
 * does not count: after clicking "Step" the learner expects space to play, not
 * to press "Step" again, so the shortcut wins there.
 */
import { useEffect } from 'react';
import { appStore } from '../state/store';

function usesKeys(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'SELECT' || tag === 'TEXTAREA') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return type !== 'checkbox' && type !== 'radio' && type !== 'button';
}

export function useKeyboard() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || usesKeys(event.target)) return;
      const state = appStore.getState();
      if (event.key === ' ') {
        event.preventDefault();
        if (state.playback.playing) state.pause();
        else state.play();
      } else if (event.key === 'ArrowRight') {
        event.preventDefault();
        state.stepForward();
      } else if (event.key === 'ArrowLeft') {
        event.preventDefault();
        state.stepBack();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
