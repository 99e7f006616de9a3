// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { readTeachView, startTeachSync, withTeachView } from '../../src/teach/urlTeach';
import { defaultSmoothing, useTeachStore } from '../../src/teach/teachStore';

afterEach(() => {
  useTeachStore.getState().setLayout('single');
  useTeachStore.getState().setSmoothing(defaultSmoothing);
});

describe('the teaching view in the link', () => {
  it('reads side-by-side layout and smoothing with its β and bias correction', () => {
    expect(readTeachView('?lang=ko&layout=side&ewa=0.95&ewabc=0')).toEqual({
      view: { layout: 'multiples', smoothing: { on: true, beta: 0.95, biasCorrection: false } },
      notices: [],
    });
  });

  it('falls back to the defaults and says why on unknown or broken values, clamping β to 0.99', () => {
    const { view, notices } = readTeachView('?layout=%3Cb%3E&ewa=abc');
    expect(view).toEqual({ layout: 'single', smoothing: defaultSmoothing });
    expect(notices).toEqual(["Ignored unknown layout '<b>'.", "Ignored smoothing 'abc': not a number."]);
    expect(readTeachView('?ewa=5')).toEqual({
      view: { layout: 'single', smoothing: { on: true, beta: 0.99, biasCorrection: true } },
      notices: ['Smoothing β 5 is out of range (0 to 0.99); used 0.99.'],
    });
    expect(readTeachView('?ewa=-0.5').notices).toEqual(['Smoothing β -0.5 is out of range (0 to 0.99); used 0.']);
    expect(readTeachView('?ewa=0.99').notices).toEqual([]);
  });

  it('writes only what differs from the defaults and keeps other parameters', () => {
    expect(withTeachView('?lang=en', { layout: 'single', smoothing: defaultSmoothing })).toBe('?lang=en');
    expect(withTeachView('?lang=en&ewa=0.5', { layout: 'multiples', smoothing: { on: true, beta: 0.9, biasCorrection: true } }))
      .toBe('?lang=en&ewa=0.9&layout=side');
  });

  it('loads the link into the store and rewrites the query when the settings change', () => {
    window.history.replaceState(null, '', '/?lang=en&layout=side#v=1&s=bowl');
    const stop = startTeachSync();
    expect(useTeachStore.getState().layout).toBe('multiples');
    useTeachStore.getState().setLayout('single');
    useTeachStore.getState().setSmoothing({ on: true, beta: 0.8 });
    expect(window.location.search).toBe('?lang=en&ewa=0.8');
    expect(window.location.hash).toBe('#v=1&s=bowl');
    stop();
  });
});

describe('the teaching notices in Korean', () => {
  it('translates both sentences', async () => {
    const { translateSentence } = await import('../../src/i18n/sentences');
    const { notices } = readTeachView('?layout=grid&ewa=x');
    expect(notices.map((n) => translateSentence('ko', n))).toEqual([
      "알 수 없는 배치 'grid'은(는) 무시했습니다.",
      "평활화 값 'x'은(는) 숫자가 아니라 무시했습니다.",
    ]);
  });
});
