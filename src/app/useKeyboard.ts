/** Space plays or pauses, → steps, ← steps back — unless the user is typing in a field. */
import { useEffect } from 'react';
import { appStore } from '../state/store';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || tag === 'BUTTON' || target.isContentEditable;
}

export function useKeyboard() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
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
