/**
 * A chunk of the page's code (an `import()`), fetched once `wanted` turns
 * true; its module once it is here. Not React.lazy: a lazy component's
 * retry after its chunk arrives is a low-priority render, which the
 * replay's per-frame renders starved for up to five seconds (the settings
 * column, eight logreg runs streaming); a state set when the chunk arrives
 * renders at once. If the chunk cannot be had (offline, a tab left open
 * across a new version), `failed` turns true and the page says so in a
 * notice; the caller keeps a place-holder.
 */
import { useEffect, useState } from 'react';
import { appStore } from '../state/store';
import { translate } from '../i18n';

export function useChunk<Module>(load: () => Promise<Module>, wanted: boolean): { module: Module | null; failed: boolean } {
  const [state, setState] = useState<{ module: Module | null; failed: boolean }>({ module: null, failed: false });
  const here = state.module !== null;
  useEffect(() => {
    if (!wanted || here) return;
    let live = true;
    load().then(
      (module) => {
        if (live) setState({ module, failed: false });
      },
      () => {
        if (!live) return;
        setState({ module: null, failed: true });
        // Stored in English like every notice; Notices translates it when shown.
        appStore.getState().addNotices([translate('en', 'app.partFailed')]);
      },
    );
    return () => {
      live = false;
    };
    // `load` is a module-level import() wrapper: asked for once, when wanted.
  }, [wanted, here]); // eslint-disable-line react-hooks/exhaustive-deps
  return state;
}
