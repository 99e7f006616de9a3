/**
 * Words on the page, in Korean and English. Components call `useT()` and
 * write `t('runs.add')`; a message may hold {name} placeholders filled from
 * `vars`. A key missing from a catalogue falls back to English, then to the
 * key itself, so a gap shows up as readable English, never as a crash.
 * Messages are plain text: React escapes them, nothing is parsed as HTML.
 */
import { create } from 'zustand';
import { en, type MessageKey } from './en';

export type Lang = 'en' | 'ko';
export const languages: readonly Lang[] = ['en', 'ko'];
export type { MessageKey };

type Catalogue = Partial<Record<MessageKey, string>>;

/**
 * English is always here. Korean is a chunk of its own (≈ 6 KB gzipped),
 * fetched when the page is to be shown in Korean: an English page never
 * downloads it, and a Korean one waits for it before its first render
 * (main.tsx), so no English flashes by.
 */
const catalogues: Partial<Record<Lang, Catalogue>> = { en };
const loaders: Record<Exclude<Lang, 'en'>, () => Promise<Catalogue>> = {
  ko: () => import('./ko').then((module) => module.ko),
};
const loading = new Map<Lang, Promise<void>>();

/** Whether `lang`'s words are here, so the page can switch to it at once. */
export function isLanguageLoaded(lang: Lang): boolean {
  return catalogues[lang] !== undefined;
}

/** Make `lang`'s words available (tests register a catalogue directly). */
export function registerCatalogue(lang: Lang, catalogue: Catalogue): void {
  catalogues[lang] = catalogue;
}

/** Fetch `lang`'s catalogue once; resolves when it is here (or could not be had: English stays). */
export function loadLanguage(lang: Lang): Promise<void> {
  if (isLanguageLoaded(lang) || lang === 'en') return Promise.resolve();
  let pending = loading.get(lang);
  if (!pending) {
    pending = loaders[lang]()
      .then((catalogue) => registerCatalogue(lang, catalogue))
      .catch(() => {
        // Offline or blocked: the page stays in the language it shows; a later switch tries again.
        loading.delete(lang);
      });
    loading.set(lang, pending);
  }
  return pending;
}

/** The browser's preferred language if we have it, else English. */
export function browserLanguage(): Lang {
  const preferred = typeof navigator !== 'undefined' ? navigator.languages ?? [navigator.language] : [];
  // The first of the user's languages we have wins: ['ja', 'ko', 'en'] gives Korean.
  for (const tag of preferred) {
    const lang = tag ? parseLanguage(tag) : null;
    if (lang) return lang;
  }
  return 'en';
}

/** Whether `key` is in the catalogue: for keys built at run time (`surface.${id}`). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** The language a tag such as "ko", "ko-KR" or "EN_us" names, or null when it is none of ours. */
export function parseLanguage(tag: string): Lang | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return (languages as readonly string[]).includes(primary) ? (primary as Lang) : null;
}

export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const template = catalogues[lang]?.[key] ?? en[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

interface LanguageState {
  /** The language on screen; it becomes a language only once that language's words are here. */
  lang: Lang;
  /** The language asked for last; `lang` follows as soon as its catalogue is loaded. */
  wanted: Lang;
  setLang(lang: Lang): void;
}

/** The page's language. Kept apart from the scene store; the URL sync reads and writes it too. */
export const useLanguage = create<LanguageState>()((set, get) => ({
  lang: 'en',
  wanted: 'en',
  setLang: (asked) => {
    const lang = languages.includes(asked) ? asked : 'en';
    if (isLanguageLoaded(lang)) {
      set({ lang, wanted: lang });
      return;
    }
    set({ wanted: lang });
    void loadLanguage(lang).then(() => {
      // Only if nothing else was asked meanwhile, and only if the words came.
      if (get().wanted === lang && isLanguageLoaded(lang)) set({ lang });
    });
  },
}));

/**
 * Resolves when the language asked for is on screen, could not be loaded, or
 * after `timeoutMs`: a stalled chunk must not keep the page blank (it then
 * opens in English and switches when the words come).
 */
export function languageReady(timeoutMs = 1500): Promise<void> {
  const { wanted } = useLanguage.getState();
  return Promise.race([loadLanguage(wanted), new Promise<void>((resolve) => setTimeout(resolve, timeoutMs))]);
}

// A fresh page follows the browser until the link says otherwise (urlLanguage).
useLanguage.getState().setLang(browserLanguage());

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** `t` for the current language; components re-render when it changes. */
export function useT(): Translate {
  const lang = useLanguage((s) => s.lang);
  return (key, vars) => translate(lang, key, vars);
}
