/** The worker entry: everything lives in the dispatcher so tests can drive it without a Worker. */
import { createDispatcher } from './dispatcher';
import { createMailingPost } from './mailbox';
import { restFor } from './pacing';
import type { ToWorker } from './protocol';

// Run replies go through the shared mailbox when the page sends one (mailbox.ts); chunk
// buffers of mailed replies stay here and go back to the dispatcher's pool.
const mail = createMailingPost(
  (message, transfer) => self.postMessage(message, { transfer }),
  (buffers) => dispatcher.handle({ type: 'recycle', buffers }),
);
// Runs pause between slices on a two-core machine, so the page's thread keeps its core (restFor).
const dispatcher = createDispatcher(mail.post, undefined, {
  rest: restFor(self.navigator?.hardwareConcurrency),
});
self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message?.type === 'mailbox') mail.attach(message.buffer);
  else dispatcher.handle(message);
};
