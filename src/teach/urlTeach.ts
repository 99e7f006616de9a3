/**
 * The teaching view settings' place in the link, beside `lang` in the query:
 * `?layout=side` (one small plot per run) and `?ewa=0.9` (loss smoothing on,
 * with β), `&ewabc=0` (without bias correction). Defaults are left out. Like
 * the language they change pixels, not what is computed, so they stay out of
 * the scene's hash and its history: a change replaces the current entry.
 */
import { formatNumber, quote } from '../state/normalize';
import { replaceQuery, withParams } from '../state/urlQuery';
import { clampSmoothingBeta, defaultSmoothing, maxSmoothingBeta, useTeachStore, type PlotLayout, type Smoothing } from './teachStore';

export interface TeachView {
  layout: PlotLayout;
  smoothing: Smoothing;
}

/** What a query string asks for, and a sentence per value that could not be used. */
export function readTeachView(search: string): { view: TeachView; notices: string[] } {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  let layout: PlotLayout = 'single';
  const rawLayout = params.get('layout');
  if (rawLayout === 'side') layout = 'multiples';
  else if (rawLayout !== null && rawLayout !== 'single') notices.push(`Ignored unknown layout ${quote(rawLayout)}.`);
  let smoothing = defaultSmoothing;
  const rawBeta = params.get('ewa');
  if (rawBeta !== null) {
    const beta = Number(rawBeta);
    if (rawBeta.trim() === '' || !Number.isFinite(beta)) notices.push(`Ignored smoothing ${quote(rawBeta)}: not a number.`);
    else {
      smoothing = { on: true, beta: clampSmoothingBeta(beta), biasCorrection: params.get('ewabc') !== '0' };
      if (smoothing.beta !== beta) notices.push(`Smoothing β ${formatNumber(beta)} is out of range (0 to ${maxSmoothingBeta}); used ${formatNumber(smoothing.beta)}.`);
    }
  }
  return { view: { layout, smoothing }, notices };
}

/** `search` with the teaching settings written (defaults removed), other parameters kept. */
export function withTeachView(search: string, view: TeachView): string {
  const { on, beta, biasCorrection } = view.smoothing;
  return withParams(search, {
    layout: view.layout === 'multiples' ? 'side' : null,
    ewa: on ? String(beta) : null,
    ewabc: on && !biasCorrection ? '0' : null,
  });
}

/** Read the settings from the link, then keep the link in step with them; returns a stop function. */
export function startTeachSync(options: { window?: Window; onNotice?: (text: string) => void } = {}): () => void {
  const win = options.window ?? window;
  const load = () => {
    const { view, notices } = readTeachView(win.location.search);
    const store = useTeachStore.getState();
    store.setLayout(view.layout);
    store.setSmoothing(view.smoothing);
    return notices;
  };
  const notices = load();
  for (const notice of notices) options.onNotice?.(notice);
  const write = () => {
    const { layout, smoothing } = useTeachStore.getState();
    replaceQuery(win, withTeachView(win.location.search, { layout, smoothing }));
  };
  const unsubscribe = useTeachStore.subscribe(write);
  const onPop = () => load();
  win.addEventListener('popstate', onPop);
  return () => {
    unsubscribe();
    win.removeEventListener('popstate', onPop);
  };
}
