/**
 * The query string's view settings (language, teaching views, the replay's
 * step, the inspector), each kept by its own module; what they share:
 * editing one parameter and rewriting the current history entry.
 */

/** `search` with each key set to its value, or removed for null; other parameters kept in place. */
export function withParams(search: string, changes: Readonly<Record<string, string | null>>): string {
  const params = new URLSearchParams(search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) params.delete(key);
    else params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * Rewrite the current entry's query to `search` (path and hash kept): view
 * settings change pixels, not what is computed, so they make no history.
 */
export function replaceQuery(win: Window, search: string): void {
  if (search === win.location.search) return;
  const { pathname, hash } = win.location;
  try {
    win.history.replaceState(win.history.state, '', `${pathname}${search}${hash}`);
  } catch {
    // Throttled by the browser: the page is right; the next change writes the link.
  }
}
