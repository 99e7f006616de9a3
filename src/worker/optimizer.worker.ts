/** The worker entry: everything lives in the dispatcher so tests can drive it without a Worker. */
import { createDispatcher } from './dispatcher';
import type { ToWorker } from './protocol';

const dispatcher = createDispatcher((message, transfer = []) => self.postMessage(message, { transfer }));
self.onmessage = (event: MessageEvent<ToWorker>) => dispatcher.handle(event.data);
