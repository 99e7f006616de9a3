/**
 * Sentences written in English outside the catalogue — link corrections
 * (state/urlCodec, normalize, urlText), worker restarts, the core's stop
 * messages — translated when they are shown, so the state and the core stay
 * free of UI language and a notice already on screen follows a language switch.
 *
 * Each pattern is a catalogue entry whose English text equals what the code
 * writes; its {placeholders} become capture groups. The English template is
 * thus the one source of both the match and, through the other catalogue,
 * the output. A sentence that matches nothing is shown as written, in English
 * (test/i18n feeds real notices through here to catch that).
 */
import { en, type MessageKey } from './en';
import { translate, type Lang } from './index';

/** Groups of the catalogue that are sentence patterns, and single keys that are. */
const patternPrefixes = ['link.', 'worker.', 'stop.', 'expr.'];
const patternKeys: readonly MessageKey[] = ['runs.tooMany', 'share.pngFailed', 'app.partFailed'];

/** Setting names that are symbols, the same in every language; they still have to match as {what}. */
const symbolTerms = ['β', 'β1', 'β2', 'ε', 'AMSGrad'];

/** Placeholders whose text is itself a sentence (or fragment) to translate. */
const nested = new Set(['rest', 'cause']);

interface Pattern {
  key: MessageKey;
  regex: RegExp;
  names: string[];
}

let compiled: { patterns: Pattern[]; terms: Map<string, MessageKey | null> } | null = null;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compile(): NonNullable<typeof compiled> {
  const keys = Object.keys(en) as MessageKey[];
  const terms = new Map<string, MessageKey | null>();
  for (const key of keys) if (key.startsWith('term.')) terms.set(en[key], key);
  for (const symbol of symbolTerms) terms.set(symbol, null);
  // Longest first, so "Start x" is not read as "Start" followed by " x".
  const termGroup = `(${[...terms.keys()].sort((a, b) => b.length - a.length).map(escapeRegex).join('|')})`;
  const patterns = keys
    .filter((key) => patternKeys.includes(key) || patternPrefixes.some((prefix) => key.startsWith(prefix)))
    .map((key) => {
      const names: string[] = [];
      const source = en[key].split(/(\{\w+\})/).map((part) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        if (!name) return escapeRegex(part);
        names.push(name);
        if (name === 'what') return termGroup;
        if (name === 'n') return '(\\d+)';
        return nested.has(name) ? '(.+)' : '(.+?)';
      }).join('');
      return { key, regex: new RegExp(`^${source}$`, 's'), names };
    });
  return { patterns, terms };
}

/** `text` in `lang` when it is one of the known English sentences, else `text` unchanged. */
export function translateSentence(lang: Lang, text: string): string {
  if (lang === 'en' || text === '') return text;
  compiled ??= compile();
  const { patterns, terms } = compiled;
  for (const { key, regex, names } of patterns) {
    const match = regex.exec(text);
    if (!match) continue;
    const vars: Record<string, string> = {};
    names.forEach((name, i) => {
      const value = match[i + 1];
      if (name === 'what') {
        const term = terms.get(value);
        vars[name] = term ? translate(lang, term) : value;
      } else {
        vars[name] = nested.has(name) ? translateSentence(lang, value) : value;
      }
    });
    return translate(lang, key, vars);
  }
  return text;
}

/** Whether `text` is a sentence this module knows (for tests and diagnostics). */
export function isKnownSentence(text: string): boolean {
  compiled ??= compile();
  return compiled.patterns.some(({ regex, names }) => {
    const match = regex.exec(text);
    if (!match) return false;
    return names.every((name, i) => !nested.has(name) || isKnownSentence(match[i + 1]));
  });
}
