import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { translate } from '../../src/i18n';
import { isKnownSentence, translateSentence } from '../../src/i18n/sentences';
import { decodeScene } from '../../src/state/urlCodec';
import { readTeachView } from '../../src/teach/urlTeach';
import { readPlaybackAt, startPlaybackSync } from '../../src/state/urlPlayback';
import { readInspectorRun, startInspectorSync } from '../../src/inspector/urlInspector';
import { createAppStore } from '../../src/state/store';
import { normalizeScene, normalizeView } from '../../src/state/normalize';
import { limits, type Scene } from '../../src/state/scene';
import { workerMessages } from '../../src/worker/client';
import { simulate } from '../../src/core';

/** Broken links, each exercising at least one correction the codec can report. */
const links = [
  'v=1&junk=1&s=bowl&s=saddle',
  'v=2', 'v=x', 's=moon', 'run=&run=lion',
  Array.from({ length: limits.runs.max + 2 }, () => 'run=gd').join('&'),
  'run=gd(lr=0.1', 'run=momentum(form=x)', 'run=adam(per=x)', 'run=gd(b1=0.5,eps=1)',
  'run=gd(sched=moon)', 'run=gd(grad=moon)', 's=bowl%zz', 'n=abc', 'start=1', 'max=7',
  'n=1e9', 'n=1.5', 'view=1,1,1,1', 'view=a,b,c,d', 'seed=-5', 'tol=-1', 's=bumpy&r=99', 'start=1e99,0',
  'run=gd(lr=abc)', 'run=gd(lr=Infinity)', 'run=adam(bc=7,ams=2,b1=5,b2=-1,eps=0,lr=1e9)', 'run=adamw(wd=-1)',
  'run=momentum(b=2)', 'run=gd(sched=step:0.5:1.5)', 'run=gd(sched=exp:7)', 'run=gd(sched=invtime:-1)',
  'run=gd(warm=x)', 'run=gd(warm=1e12)', 'run=gd(c=99)', 'run=gd(c=x)', 'run=gd(bs=0)', 'run=gd(bs=x)',
  'run=gd(hide=5)', 'run=gd(grad=central:0)', 'run=gd(grad=forward:x)', 'run=gd(zz=1)',
  'a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8&i=9&j=10&k=11&l=12&m=13&o=14',
  `s=bowl&${'x'.repeat(limits.hash.maxLength + 10)}`,
  // The user's own f(x, y): every kind of parse error, the box, fx on another surface.
  ...['cos(x', 'ln(x)', 'foo(x)', 'z', 'x%20$%20y', ')', '('.repeat(70) + 'x', '2x', 'x%20+', '()', 'sin%20x', 'max(x)',
    'sin(x,y)', 'x+'.repeat(300) + 'x', '%20', '1.2.3', '1e999', 'x.y'].map((fx) => `s=custom&fx=${fx}`),
  's=custom', 's=custom&fx=log(x)&box=-3,-1,-1,1', 's=bowl&fx=x&box=0,1,0,1', 's=custom&fx=x&box=1,0,0,1',
  's=custom&fx=x&box=a,b,c,d', 's=custom&fx=x&box=1,2', 's=custom&fx=x&box=-1e9,1,0,1',
];

function linkNotices(): string[] {
  const notices = links.flatMap((link) => decodeScene(link).notices);
  // What normalize reports for values that are not numbers at all (state made by code, not by a link).
  const raw = {
    surface: { id: 'bowl', ripple: 'x' }, start: ['a', 1], steps: 'many', seed: 1, tolerance: 0, maximize: false,
    runs: [{ key: 'k', label: 'l', color: 0, hidden: false, optimizer: { id: 'gd', learningRate: 'x' }, schedule: { kind: 'constant' }, gradient: { kind: 'analytic' }, batchSize: 1 }],
    view: null,
  } as unknown as Scene;
  normalizeScene(raw, notices);
  normalizeView({ x: [0], y: [1, 2] } as never, notices);
  // The query's teaching settings (teach/urlTeach).
  for (const query of ['?layout=x&ewa=abc', '?ewa=5', '?ewa=-1']) notices.push(...readTeachView(query).notices);
  // The replay's step (state/urlPlayback): unreadable, and past the step budget.
  notices.push(...readPlaybackAt('?at=soon').notices);
  const page = { location: { search: '?at=500', pathname: '/', hash: '' }, history: { state: null, replaceState: () => {} },
    addEventListener: () => {}, removeEventListener: () => {} } as unknown as Window;
  startPlaybackSync(createAppStore(), { window: page, defer: () => () => {}, onNotice: (text) => notices.push(text) })();
  // The inspector's run (inspector/urlInspector): unreadable, and past the last run.
  notices.push(...readInspectorRun('?insp=x').notices);
  const inspecting = { ...page, location: { search: '?insp=9', pathname: '/', hash: '' } } as unknown as Window;
  startInspectorSync(createAppStore(), { window: inspecting, onNotice: (text) => notices.push(text) })();
  return [...new Set(notices)];
}

describe('translateSentence', () => {
  it('knows every notice a broken link produces, and says each one in Korean', () => {
    const notices = linkNotices();
    expect(notices.length).toBeGreaterThan(55);
    const unknown = notices.filter((n) => !isKnownSentence(n));
    expect(unknown, 'notices with no pattern in the catalogue').toEqual([]);
    for (const notice of notices) {
      const korean = translateSentence('ko', notice);
      expect(korean, notice).not.toBe(notice);
      expect(korean, notice).not.toMatch(/\{\w+\}/);
      expect(korean, notice).toMatch(/[가-힣]/);
    }
  });

  it('translates the run prefix, the setting name and keeps the numbers and quoted text', () => {
    expect(translateSentence('ko', 'Run 2: Learning rate 5000 is out of range; used 1000.'))
      .toBe('실행 2: 학습률 값 5000은(는) 범위를 벗어나 1000을(를) 썼습니다.');
    expect(translateSentence('ko', "Ignored unknown surface 'moon'; showing the ellipse."))
      .toBe("알 수 없는 곡면 'moon'은(는) 무시하고 타원을 보여 줍니다.");
    expect(translateSentence('ko', 'Start x 1e+99 is out of range; used 1000000.')).toContain('시작점 x');
    expect(translateSentence('ko', 'Run 1: β1 5 is out of range; used 0.999999.')).toContain('β1 값 5');
  });

  it('leaves English as it is, and an unknown sentence as written', () => {
    const notice = "Ignored unknown optimizer 'lion'.";
    expect(translateSentence('en', notice)).toBe(notice);
    expect(translateSentence('ko', 'Something nobody wrote a pattern for.')).toBe('Something nobody wrote a pattern for.');
    expect(translateSentence('ko', 'Run 3: something new.')).toBe('실행 3: something new.');
  });

  it('matches the worker restart messages word for word', () => {
    expect(en['worker.restarted']).toBe(workerMessages.restarted);
    expect(en['worker.gaveUp']).toBe(workerMessages.gaveUp);
    expect(translateSentence('ko', workerMessages.restarted)).toBe(translate('ko', 'worker.restarted'));
    expect(translateSentence('ko', workerMessages.gaveUp)).toBe(translate('ko', 'worker.gaveUp'));
  });

  it("says the core's stop messages in Korean", () => {
    const bowl = { id: 'bowl' as const, ripple: 0 };
    const messages = [
      simulate({ surface: bowl, optimizer: { id: 'gd', learningRate: 10 }, start: [1, 1], steps: 200 }).message,
      simulate({ surface: bowl, optimizer: { id: 'gd', learningRate: 0.1 }, start: [1, 1], steps: 500, tolerance: 1e-6 }).message,
      simulate({ surface: bowl, optimizer: { id: 'gd', learningRate: 0.01 }, start: [1, 1], steps: 3 }).message,
      simulate({ surface: { id: 'plateau', ripple: 0 }, optimizer: { id: 'newton', learningRate: 1 }, start: [6, 6], steps: 5 }).message,
      simulate({ surface: bowl, optimizer: { id: 'linesearch' }, start: [0, 0], steps: 5 }).message,
      simulate({ surface: bowl, optimizer: { id: 'gd', learningRate: 0.1 }, start: [Number.NaN, 0], steps: 5 }).message,
    ];
    expect(messages[0]).toMatch(/^Diverged at step/);
    expect(messages[3]).toMatch(/Hessian is singular/);
    for (const message of messages) {
      expect(isKnownSentence(message), message).toBe(true);
      expect(translateSentence('ko', message), message).toMatch(/[가-힣]/);
    }
    expect(translateSentence('ko', messages[3])).toMatch(/^\d+ 스텝에서 멈춤: 헤시안이 특이 행렬입니다/);
  });

  it("says in Korean that a custom function's domain was left", () => {
    const custom = { id: 'custom' as const, expression: 'log(x)', view: { x: [-2, 2] as [number, number], y: [-2, 2] as [number, number] } };
    const messages = [
      simulate({ surface: custom, optimizer: { id: 'gd', learningRate: 0.1 }, start: [-1, 0], steps: 5 }).message,
      simulate({ surface: custom, optimizer: { id: 'gd', learningRate: 10 }, start: [1, 0], steps: 5 }).message,
    ];
    for (const message of messages) {
      expect(message).toMatch(/outside the function's domain/);
      expect(isKnownSentence(message), message).toBe(true);
      expect(translateSentence('ko', message), message).toMatch(/정의역 밖/);
    }
  });

  it('says in Korean that f was infinite (a pole or an overflow), apart from leaving the domain', () => {
    const custom = (expression: string) => ({ id: 'custom' as const, expression, view: { x: [-5, 5] as [number, number], y: [-5, 5] as [number, number] } });
    const messages = [
      simulate({ surface: custom('exp(x^2 + y^2)'), optimizer: { id: 'gd', learningRate: 0.1 }, start: [3, 0], steps: 5 }).message,
      simulate({ surface: custom('1/x^2 + y'), optimizer: { id: 'gd' }, start: [0, 1], steps: 5 }).message,
    ];
    expect(translateSentence('ko', messages[0])).toBe('1 스텝에서 멈춤: (−4859, 0)에서 f가 +∞입니다 (극점이거나, 가장 큰 수를 넘는 값).');
    expect(translateSentence('ko', messages[1])).toBe('실행을 시작할 수 없었습니다: (0, 1)에서 f가 +∞입니다 (극점이거나, 가장 큰 수를 넘는 값).');
  });

  it('says the notices made by the page itself in Korean', () => {
    expect(translateSentence('ko', translate('en', 'share.pngFailed'))).toBe(translate('ko', 'share.pngFailed'));
    expect(translateSentence('ko', `At most ${limits.runs.max} runs fit on one plot; remove one first.`)).toContain('최대 12개');
    expect(translateSentence('ko', translate('en', 'link.unknownLanguage', { value: "'fr'" }))).toBe("알 수 없는 언어 'fr'은(는) 무시했습니다.");
    expect(translateSentence('ko', 'The start (1.5, 1) is outside the domain of the new f or outside its box: the runs start at (−1, 0.75).'))
      .toBe('시작점 (1.5, 1)은(는) 새 f의 정의역 밖이거나 상자 밖이므로 (−1, 0.75)에서 시작합니다.');
  });
});

describe('worker failures shown to the user', () => {
  it('translates the wrapped sentence and keeps the raw cause readable', () => {
    const text = 'A computation failed (Cannot read properties of undefined). The other runs carry on; changing a setting tries again.';
    expect(translateSentence('ko', text)).toBe('계산 하나가 실패했습니다 (Cannot read properties of undefined). 다른 실행은 계속됩니다. 설정을 바꾸면 다시 시도합니다.');
  });
});
