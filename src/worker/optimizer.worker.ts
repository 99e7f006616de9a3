/** The worker entry: everything lives in the dispatcher so tests can drive it without a Worker. */
import { createDispatcher } from './dispatcher';
import { restFor } from './pacing';
import type { ToWorker } from './protocol';

// Runs pause between slices on a two-core machine, so the page's thread keeps its core (restFor).
const dispatcher = createDispatcher((message, transfer = []) => self.postMessage(message, { transfer }), undefined, {
  rest: restFor(self.navigator?.hardwareConcurrency),
});
self.onmessage = (event: MessageEvent<ToWorker>) => dispatcher.handle(event.data);
