/**
 * Words on the page, in Korean and English. Components call `useT()` and
 * write `t('runs.add')`; a message may hold {name} placeholders filled from
 * `vars`. A key missing from a catalogue falls back to English, then to the
 * key itself, so a gap shows up as readable English, never as a crash.
 * Messages are plain text: React escapes them, nothing is parsed as HTML.
 */
import { create } from 'zustand';
import { en, type MessageKey } from './en';
import { ko } from './ko';

export type Lang = 'en' | 'ko';
export const languages: readonly Lang[] = ['en', 'ko'];
export type { MessageKey };

const catalogues: Record<Lang, Partial<Record<MessageKey, string>>> = { en, ko };

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
  const template = catalogues[lang][key] ?? en[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

interface LanguageState {
  lang: Lang;
  setLang(lang: Lang): void;
}

/** The page's language. Kept apart from the scene store; the URL sync reads and writes it too. */
export const useLanguage = create<LanguageState>()((set) => ({
  lang: browserLanguage(),
  setLang: (lang) => set({ lang: languages.includes(lang) ? lang : 'en' }),
}));

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** `t` for the current language; components re-render when it changes. */
export function useT(): Translate {
  const lang = useLanguage((s) => s.lang);
  return (key, vars) => translate(lang, key, vars);
}
