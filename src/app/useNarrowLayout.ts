/**
 * Whether the page is in its one-column layout (app.css: max-width 900 px),
 * where the settings column comes after the plot's panels. Read where a
 * part must sit elsewhere then: a view's note goes under the plot's playback
 * bar instead of a screen and a half down, at the top of the settings.
 */
import { useSyncExternalStore } from 'react';

const query = '(max-width: 900px)';

function subscribe(onChange: () => void): () => void {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return () => {};
  const list = window.matchMedia(query);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

function narrow(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(query).matches;
}

export function useNarrowLayout(): boolean {
  return useSyncExternalStore(subscribe, narrow, () => false);
}
