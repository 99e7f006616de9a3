/**
 * The step inspector's place in the link, in the query beside the replay's
 * step: `?insp=2` opens the inspector on the second run (1-based, in the
 * legend's order). With `at=12` a link shows the numbers of step 12, as the
 * sender saw them. Like the other view settings it stays out of the scene's
 * hash and its history: a change replaces the current entry.
 *
 * Started by the inspector's panel, which is loaded after the first picture:
 * nothing here is in the page's first download.
 */
import type { AppStore } from '../state/store';
import { quote } from '../state/normalize';
import { replaceQuery, withParams } from '../state/urlQuery';
import { useInspector } from './inspectorStore';
import { whenLinkReadable } from '../state/formulaEngine';

/** The run the link asks for, 1-based, or null for a closed inspector; a sentence when its value cannot be used. */
export function readInspectorRun(search: string): { run: number | null; notices: string[] } {
  const raw = new URLSearchParams(search).get('insp');
  if (raw === null) return { run: null, notices: [] };
  const run = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(run) || run < 1) {
    return { run: 1, notices: [`Ignored inspector run ${quote(raw)}: not a run number; inspecting the first run.`] };
  }
  return { run, notices: [] };
}

/** `search` with `insp` written (removed for a closed inspector), other parameters kept. */
export function withInspectorRun(search: string, run: number | null): string {
  return withParams(search, { insp: run === null ? null : String(run) });
}

/** What the link should say: the inspected run's place among all runs, 1-based, or null when closed or with no run. */
export function inspectorRun(store: AppStore): number | null {
  const { open, selected } = useInspector.getState();
  if (!open) return null;
  const runs = store.getState().scene.runs;
  // No run picked: the panel shows the first visible one.
  const index = selected === null ? runs.findIndex((run) => !run.hidden) : runs.findIndex((run) => run.key === selected);
  return index < 0 ? null : index + 1;
}

/** Open the inspector on the link's run; returns sentences for what could not be used. */
function applyRun(store: AppStore, run: number | null): string[] {
  const inspector = useInspector.getState();
  if (run === null) {
    if (inspector.open) inspector.setOpen(false);
    return [];
  }
  const runs = store.getState().scene.runs;
  inspector.setOpen(true);
  const spec = runs[run - 1];
  inspector.select(spec ? spec.key : null);
  return spec || runs.length === 0 ? [] : [`Inspector run ${run} is past the last run (${runs.length}); inspecting the first run.`];
}

/** Read `insp` from the link now, then keep the link in step with the inspector; returns a stop function. */
export function startInspectorSync(
  store: AppStore, options: { window?: Window; onNotice?: (text: string) => void } = {},
): () => void {
  const win = options.window ?? window;
  /** Bumped by each load: a write the runs' change queued before it is stale. */
  let loads = 0;
  const load = () => {
    loads++;
    const { run, notices } = readInspectorRun(win.location.search);
    for (const notice of [...notices, ...applyRun(store, run)]) options.onNotice?.(notice);
  };
  load();
  const write = () => replaceQuery(win, withInspectorRun(win.location.search, inspectorRun(store)));
  write();
  const stopInspector = useInspector.subscribe((state, previous) => {
    if (state.open !== previous.open || state.selected !== previous.selected) write();
  });
  // The run's place changes when runs are added, removed, reordered or hidden. Written in a task
  // of its own, after the event that changed the runs has reached every listener: on Back, urlSync
  // loads the entry's scene first, and this entry's `insp` must be read (load, below) before a
  // write for the new runs drops it. A microtask did not wait: the browser runs microtasks between
  // one listener and the next, so Back wrote `insp` out of every entry it came to.
  const stopRuns = store.subscribe((state, previous) => {
    if (state.scene.runs === previous.scene.runs) return;
    const queued = loads;
    win.setTimeout(() => {
      if (!stopped && queued === loads) write();
    }, 0);
  });
  // Back and Forward: the scene is loaded anew (urlSync, which may wait for the formula engine),
  // then this entry's inspector.
  const onNavigate = () => whenLinkReadable(win, load);
  win.addEventListener('popstate', onNavigate);
  let stopped = false;
  return () => {
    stopped = true;
    stopInspector();
    stopRuns();
    win.removeEventListener('popstate', onNavigate);
  };
}
