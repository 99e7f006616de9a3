import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { en, type MessageKey } from '../../src/i18n/en';
import { ko } from '../../src/i18n/ko';
import { browserLanguage, isMessageKey, parseLanguage, translate, useLanguage } from '../../src/i18n';
import { optimizerIds, surfaceIds } from '../../src/core';
import { optimizerName, surfaceName } from '../../src/i18n/names';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Every .ts/.tsx file under src/. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  useLanguage.setState({ lang: 'en' });
});

describe('the catalogues', () => {
  it('define the same keys in Korean as in English, none empty', () => {
    const missing = Object.keys(en).filter((key) => !(key in ko));
    const extra = Object.keys(ko).filter((key) => !(key in en));
    expect(missing, 'keys English has and Korean lacks').toEqual([]);
    expect(extra, 'keys Korean has and English lacks').toEqual([]);
    for (const [key, text] of Object.entries(ko)) expect(text?.trim(), key).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as MessageKey[]) {
      expect(placeholders(ko[key] ?? ''), key).toEqual(placeholders(en[key]));
    }
  });

  it('hold every key the page asks for by name', () => {
    // t('…') and translate(lang, '…') with a literal key, anywhere in src/.
    const used = new Set<string>();
    for (const file of sourceFiles(join(__dirname, '../../src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([\w.-]+)'/g)) used.add(m[1]);
      for (const m of text.matchAll(/\btranslate\(\s*[\w.'"]+,\s*'([\w.-]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(50);
    const unknown = [...used].filter((key) => !isMessageKey(key) || ko[key] === undefined);
    expect(unknown).toEqual([]);
  });

  it('name every surface and translate the generic optimizer names, keeping the others', () => {
    const t = (key: MessageKey) => translate('ko', key);
    for (const id of surfaceIds) expect(isMessageKey(`surface.${id}`), id).toBe(true);
    expect(surfaceName(t, 'saddle')).toBe('안장');
    expect(optimizerName(t, 'gd')).toBe('경사 하강법 (GD / SGD)');
    expect(optimizerName(t, 'adam')).toBe('Adam');
    expect(optimizerName(t, 'rmsprop')).toBe('RMSProp');
    expect(optimizerIds.map((id) => optimizerName((key) => translate('en', key), id))).not.toContain('');
  });
});

describe('translate', () => {
  it('gives the message in the language asked for', () => {
    expect(translate('en', 'runs.title')).toBe('Runs');
    expect(translate('ko', 'runs.title')).toBe('실행');
    expect(translate('ko', 'run.learningRate')).toBe('학습률 η');
  });

  it('fills {placeholders} from vars and leaves unknown ones visible', () => {
    expect(translate('en', 'playback.count', { step: 3, steps: 100 })).toBe('step 3 / 100');
    expect(translate('ko', 'status.converged', { step: 42 })).toBe('42 스텝에서 수렴');
    expect(translate('en', 'playback.count', { step: 3 })).toBe('step 3 / {steps}');
  });

  it('does not read a placeholder inside a filled value as another placeholder', () => {
    expect(translate('en', 'run.aria', { n: 1, label: '{n} is mine' })).toBe('Run 1: {n} is mine');
  });

  it('falls back to English when Korean lacks a key, and to the key when English does too', () => {
    const saved = ko['runs.title'];
    delete ko['runs.title'];
    try {
      expect(translate('ko', 'runs.title')).toBe('Runs');
    } finally {
      ko['runs.title'] = saved;
    }
    expect(translate('ko', 'no.such.key' as MessageKey)).toBe('no.such.key');
  });
});

describe('the language', () => {
  it('reads tags with a region or in any case, and nothing else', () => {
    expect(parseLanguage('ko')).toBe('ko');
    expect(parseLanguage('ko-KR')).toBe('ko');
    expect(parseLanguage(' EN_us ')).toBe('en');
    expect(parseLanguage('fr')).toBeNull();
    expect(parseLanguage('kor')).toBeNull();
    expect(parseLanguage('')).toBeNull();
  });

  it("follows the first of the browser's languages that the page has", () => {
    vi.stubGlobal('navigator', { languages: ['ja-JP', 'ko-KR', 'en-US'], language: 'ja-JP' });
    expect(browserLanguage()).toBe('ko');
    vi.stubGlobal('navigator', { languages: ['en-GB', 'ko'], language: 'en-GB' });
    expect(browserLanguage()).toBe('en');
    vi.stubGlobal('navigator', { languages: ['fr', 'de'], language: 'fr' });
    expect(browserLanguage()).toBe('en');
  });

  it('refuses a language it does not have', () => {
    useLanguage.getState().setLang('ko');
    expect(useLanguage.getState().lang).toBe('ko');
    useLanguage.getState().setLang('fr' as 'en');
    expect(useLanguage.getState().lang).toBe('en');
  });
});
