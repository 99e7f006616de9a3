/** Keeping a value's identity while it is equal, so memoised components it is handed skip their renders. */
import { useRef } from 'react';

/**
 * `value`, or the one given at the last render when `equal` says they are
 * the same: a memoised component handed it then skips its render. Every grid
 * from the worker brings its levels and critical points anew, most often the
 * same numbers (a gesture's grids keep their levels, a surface's critical
 * points stay where they are).
 */
export function useSameValue<T>(value: T, equal: (a: T, b: T) => boolean): T {
  const last = useRef(value);
  if (last.current !== value && !equal(last.current, value)) last.current = value;
  return last.current;
}

/** Whether two arrays hold the same numbers in the same order. */
export function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}
