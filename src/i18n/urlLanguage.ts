/**
 * The language's place in the link: `?lang=ko` in the query, beside the
 * scene's hash, so the scene codec and its history handling never see it
 * (urlSync writes `pathname + search + #hash` and so carries it along).
 *
 * The address bar always names the language shown — also on a first visit
 * that followed the browser — so a copied link opens in the language it was
 * copied in, whatever the receiver's browser prefers: a teacher's Korean link
 * opens in Korean for every student. A link without `lang` follows the
 * browser. An unknown value is reported and replaced by the browser's choice.
 * Switching language replaces the current history entry (it is not a step
 * of the scene, so Back does not undo it), and Back into an older entry keeps
 * the language on screen and rewrites the entry's `lang` to match.
 */
import { quote } from '../state/normalize';
import { parseLanguage, translate, useLanguage, type Lang } from './index';
import { replaceQuery, withParams } from '../state/urlQuery';

export const languageParam = 'lang';

export interface LanguageSyncOptions {
  window?: Window;
  /** Called with an English sentence (translated where notices are shown). */
  onNotice?: (text: string) => void;
}

/** The language a query string asks for: a Lang, null when absent or empty, or the raw text when unknown. */
export function readLanguage(search: string): Lang | null | { unknown: string } {
  const raw = new URLSearchParams(search).get(languageParam);
  if (raw === null || raw.trim() === '') return null;
  return parseLanguage(raw) ?? { unknown: raw };
}

/** `search` with `lang` set to `lang` and every other parameter kept (with its leading '?'). */
export function withLanguage(search: string, lang: Lang): string {
  return withParams(search, { [languageParam]: lang });
}

/** Start keeping the link, <html lang> and the title in step with the language; returns a stop function. */
export function startLanguageSync(options: LanguageSyncOptions = {}): () => void {
  const win = options.window ?? window;
  const asked = readLanguage(win.location.search);
  if (asked !== null && typeof asked === 'object') {
    options.onNotice?.(translate('en', 'link.unknownLanguage', { value: quote(asked.unknown) }));
  } else if (asked !== null) {
    useLanguage.getState().setLang(asked);
  }

  const apply = (lang: Lang) => {
    const doc = win.document;
    doc.documentElement.lang = lang;
    doc.title = translate(lang, 'app.title');
    const { search } = win.location;
    if (new URLSearchParams(search).get(languageParam) !== lang) replaceQuery(win, withLanguage(search, lang));
  };
  // A language still loading is written once it is on screen (the subscription below).
  const { lang, wanted } = useLanguage.getState();
  if (lang === wanted) apply(lang);

  const unsubscribe = useLanguage.subscribe((state, previous) => {
    if (state.lang !== previous.lang) apply(state.lang);
  });
  const onNavigate = () => apply(useLanguage.getState().lang);
  win.addEventListener('popstate', onNavigate);
  win.addEventListener('hashchange', onNavigate);
  return () => {
    unsubscribe();
    win.removeEventListener('popstate', onNavigate);
    win.removeEventListener('hashchange', onNavigate);
  };
}
