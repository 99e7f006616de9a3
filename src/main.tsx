// First: the worker starts loading while everything below is evaluated.
import './worker/prestart';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { appStore } from './state/store';
import { startUrlSync } from './state/urlSync';
import { linkNeedsFormulaEngine, loadFormulaEngine } from './state/formulaEngine';
import { startLanguageSync } from './i18n/urlLanguage';
import { languageReady } from './i18n';
import { startTeachSync } from './teach/urlTeach';
import { startPlaybackSync } from './state/urlPlayback';
import { startWorkerBridge } from './app/workerBridge';
import './app/app.css';

/** Read the link, start the worker and render the page. */
function start() {
  // The link is read before the first render, so the first paint already shows the linked view.
  startUrlSync(appStore);
  // After the scene: loading a link replaces the notices, and a bad `lang` adds one.
  startLanguageSync({ onNotice: (text) => appStore.getState().addNotices([text]) });
  // The layout and loss smoothing ride in the query too (?layout=side&ewa=0.9).
  startTeachSync({ onNotice: (text) => appStore.getState().addNotices([text]) });
  // A paused replay's step too (?at=12), clamped to the linked scene's step budget.
  startPlaybackSync(appStore, { onNotice: (text) => appStore.getState().addNotices([text]) });

  // Before the first render: the worker loads and computes the linked runs while React builds the page.
  startWorkerBridge(appStore);

  // As a transition, React renders the page in slices of a few ms instead of one
  // long task, so the worker can start and the first grid can arrive meanwhile.
  const root = createRoot(document.getElementById('root')!);
  // A Korean page waits for its words (one small chunk) rather than flashing English first.
  void languageReady().then(() => {
    startTransition(() => {
      root.render(
        <StrictMode>
          <App />
        </StrictMode>,
      );
    });
  });
}

// A link to a typed surface waits for the formula engine, a chunk of its own (state/formulaEngine.ts);
// if it cannot be fetched, reading the link says so ("the formula engine could not be loaded").
// Not a top-level await: one in the entry made the bundler split every module the entry shares
// with a lazy chunk into a file of its own (27 files for the first paint instead of 8).
if (linkNeedsFormulaEngine(window.location.hash)) void loadFormulaEngine().catch(() => undefined).then(start);
else start();
