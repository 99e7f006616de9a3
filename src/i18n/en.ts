/** English messages: the reference catalogue. Every key used on the page is defined here. */
export const en = {
  'app.tagline': 'Watch optimizers walk over loss surfaces.',
} as const;

export type MessageKey = keyof typeof en;
