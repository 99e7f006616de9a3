// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readLanguage, startLanguageSync, withLanguage } from '../../src/i18n/urlLanguage';
import { useLanguage } from '../../src/i18n';

let stop: (() => void) | undefined;
const search = () => new URLSearchParams(window.location.search);

function open(url: string, browser: string[] = ['en-US']) {
  vi.stubGlobal('navigator', { languages: browser, language: browser[0] });
  window.history.replaceState(null, '', url);
  // The store starts from the browser, as on a fresh page load.
  const lang = browser[0].startsWith('ko') ? 'ko' : 'en';
  useLanguage.setState({ lang, wanted: lang });
}

beforeEach(() => {
  document.documentElement.lang = 'en';
});

afterEach(() => {
  stop?.();
  stop = undefined;
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  useLanguage.setState({ lang: 'en', wanted: 'en' });
});

describe('readLanguage and withLanguage', () => {
  it('read the language, ignore an empty one and return an unknown one raw', () => {
    expect(readLanguage('?lang=ko')).toBe('ko');
    expect(readLanguage('?x=1&lang=ko-KR')).toBe('ko');
    expect(readLanguage('')).toBeNull();
    expect(readLanguage('?lang=')).toBeNull();
    expect(readLanguage('?lang=fr')).toEqual({ unknown: 'fr' });
  });

  it('set the language and keep every other parameter', () => {
    expect(withLanguage('', 'ko')).toBe('?lang=ko');
    expect(withLanguage('?embed=1&lang=en', 'ko')).toBe('?embed=1&lang=ko');
    expect(withLanguage('?lang=en&lang=fr', 'ko')).toBe('?lang=ko');
  });
});

describe('startLanguageSync', () => {
  it('opens a Korean link in Korean for an English browser, and marks the page as Korean', () => {
    open('/?lang=ko#v=1&s=bowl', ['en-US']);
    stop = startLanguageSync({ window });
    expect(useLanguage.getState().lang).toBe('ko');
    expect(document.documentElement.lang).toBe('ko');
    expect(document.title).toContain('최적화');
    expect(window.location.hash).toBe('#v=1&s=bowl');
  });

  it('writes the browser language into a link that has none, in place and keeping the hash', () => {
    open('/#v=1&s=saddle', ['ko-KR', 'en']);
    const length = window.history.length;
    stop = startLanguageSync({ window });
    expect(search().get('lang')).toBe('ko');
    expect(window.location.hash).toBe('#v=1&s=saddle');
    expect(window.history.length).toBe(length);
  });

  it('reports an unknown language, follows the browser and corrects the link', () => {
    open('/?lang=%3Cb%3Efr#v=1', ['en-US']);
    const notices: string[] = [];
    stop = startLanguageSync({ window, onNotice: (text) => notices.push(text) });
    expect(notices).toEqual(["Ignored unknown language '<b>fr'."]);
    expect(useLanguage.getState().lang).toBe('en');
    expect(search().get('lang')).toBe('en');
  });

  it('follows a switch into the link, <html lang> and the title without a new history entry', () => {
    open('/?lang=en#v=1&s=bowl');
    stop = startLanguageSync({ window });
    const length = window.history.length;
    useLanguage.getState().setLang('ko');
    expect(search().get('lang')).toBe('ko');
    expect(document.documentElement.lang).toBe('ko');
    expect(window.location.hash).toBe('#v=1&s=bowl');
    expect(window.history.length).toBe(length);
    useLanguage.getState().setLang('en');
    expect(search().get('lang')).toBe('en');
    expect(document.title).toBe('Optiscope — see how optimizers move');
  });

  it('keeps the language on screen when Back leads to an entry written in another', () => {
    open('/?lang=en#v=1&s=bowl');
    stop = startLanguageSync({ window });
    useLanguage.getState().setLang('ko');
    window.history.replaceState(null, '', '/?lang=en#v=1&s=saddle');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(useLanguage.getState().lang).toBe('ko');
    expect(search().get('lang')).toBe('ko');
    expect(window.location.hash).toBe('#v=1&s=saddle');
  });

  it('stops writing once stopped', () => {
    open('/?lang=en');
    stop = startLanguageSync({ window });
    stop();
    stop = undefined;
    useLanguage.getState().setLang('ko');
    expect(search().get('lang')).toBe('en');
  });
});
