/**
 * KaTeX, fetched the first time a formula is shown: its script and style
 * sheet (with the fonts it names) are separate chunks of the build, so the
 * page pays nothing for them until the inspector opens. Everything comes from
 * this site; the style sheet arrives as a <link>, which the page's CSP
 * (style-src 'self') allows, and katex.render styles its spans through the
 * CSSOM, which a CSP does not restrict.
 */
import type { KatexOptions } from 'katex';

type Katex = typeof import('katex').default;

let loading: Promise<Katex> | null = null;

export function loadKatex(): Promise<Katex> {
  loading ??= Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(([module]) => module.default);
  // A failed load (offline, a stale deployment) may be retried by the next formula.
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/**
 * Our TeX marks symbols with \htmlData{sym=…}; that command, with only the
 * `sym` key, is the one trusted. Strict mode stays on for everything else, so
 * a slip in a formula fails the formula tests instead of rendering oddly.
 */
export const katexOptions: KatexOptions = {
  displayMode: true,
  throwOnError: true,
  output: 'htmlAndMathml',
  strict: (code: string) => (code === 'htmlExtension' ? 'ignore' : 'error'),
  trust: (context) =>
    context.command === '\\htmlData' && Object.keys(context.attributes).every((name) => name === 'data-sym'),
};
