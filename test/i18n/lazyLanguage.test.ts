import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ko } from '../../src/i18n/ko';
import { en } from '../../src/i18n/en';

// A fresh copy of the module, without the Korean words test/setup.ts registers: as a page starts.
let i18n: typeof import('../../src/i18n');
beforeEach(async () => {
  vi.resetModules();
  vi.stubGlobal('navigator', { languages: ['en-US'], language: 'en-US' });
  i18n = await import('../../src/i18n');
  vi.unstubAllGlobals();
});

describe('the Korean catalogue, loaded on demand', () => {
  it('is not there until asked for; the page switches only once the words have come', async () => {
    expect(i18n.isLanguageLoaded('ko')).toBe(false);
    i18n.useLanguage.getState().setLang('ko');
    expect(i18n.useLanguage.getState()).toMatchObject({ lang: 'en', wanted: 'ko' });
    await i18n.languageReady();
    expect(i18n.useLanguage.getState()).toMatchObject({ lang: 'ko', wanted: 'ko' });
    expect(i18n.translate('ko', 'app.title')).toBe(ko['app.title']);
    expect(ko['app.title']).not.toBe(en['app.title']);
  });

  it('stays in English when English is asked for again before Korean arrives', async () => {
    i18n.useLanguage.getState().setLang('ko');
    i18n.useLanguage.getState().setLang('en');
    await i18n.loadLanguage('ko');
    expect(i18n.useLanguage.getState()).toMatchObject({ lang: 'en', wanted: 'en' });
    // The words stay for next time: a later switch is immediate.
    i18n.useLanguage.getState().setLang('ko');
    expect(i18n.useLanguage.getState().lang).toBe('ko');
  });

  it('falls back to English words for a language still loading', () => {
    expect(i18n.translate('ko', 'app.title')).toBe(en['app.title']);
  });
});
