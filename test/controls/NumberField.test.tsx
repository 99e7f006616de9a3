// @vitest-environment happy-dom
/**
 * The typed number field says so when a typed value is changed to fit:
 * clamped into its range or rounded to a whole number. The line under the
 * field states the true limits and the value used, is announced (a status
 * region the input points at), and goes on the next valid edit or when the
 * value changes from elsewhere, never by itself. An in-range value, text that is not a number, and a value the
 * owner refuses get no such line.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { useStore } from 'zustand';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { NumberField, type NumberFieldProps } from '../../src/controls/NumberField';
import { LogSlider } from '../../src/controls/LogSlider';
import { Slider } from '../../src/controls/Slider';
import { SceneControls } from '../../src/controls/SceneControls';
import { useLanguage } from '../../src/i18n';
import { limits } from '../../src/state/scene';
import { defaultScene } from '../../src/state/defaults';
import { appStore, createAppStore, type AppStore } from '../../src/state/store';

beforeEach(() => {
  vi.useFakeTimers();
  useLanguage.setState({ lang: 'en' });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** Focus, type, and leave with Enter (or blur), as a user does. */
function typeInto(input: HTMLElement, text: string, leave: 'enter' | 'blur' = 'blur') {
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: text } });
  if (leave === 'enter') fireEvent.keyDown(input, { key: 'Enter' });
  fireEvent.blur(input);
}

type HarnessProps = Partial<NumberFieldProps> & { initial: number; keep?: (typed: number, current: number) => number };

/** A field over a value its owner keeps (as `keep` says, by default as sent). */
function Harness({ initial, keep = (typed) => typed, onCommit, ...props }: HarnessProps) {
  const [value, setValue] = useState(initial);
  return (
    <NumberField
      label="learning rate η"
      testId="field"
      {...props}
      value={value}
      onCommit={(typed) => {
        onCommit?.(typed);
        setValue((current) => keep(typed, current));
      }}
    />
  );
}

const input = () => screen.getByTestId('field') as HTMLInputElement;
const note = () => screen.getByTestId('field-note');

describe('NumberField: a typed value changed to fit', () => {
  it('says the limits and the value used when a typed value is out of range, and sends the clamped value', () => {
    const onCommit = vi.fn();
    render(<Harness initial={0.01} min={limits.learningRate.min} max={limits.learningRate.max} onCommit={onCommit} />);
    typeInto(input(), '1e9', 'enter');
    expect(onCommit).toHaveBeenLastCalledWith(1000);
    expect(input().value).toBe('1000');
    expect(note().textContent).toBe('Learning rate η must be between 0.00001 and 1000; used 1000.');
    typeInto(input(), '-3');
    expect(onCommit).toHaveBeenLastCalledWith(1e-5);
    expect(note().textContent).toBe('Learning rate η must be between 0.00001 and 1000; used 0.00001.');
  });

  it('leaves a one-letter symbol as it is at the start of the sentence (h is not the Hessian H)', () => {
    render(<Harness initial={1e-5} label="h" min={limits.difference.min} max={limits.difference.max} />);
    typeInto(input(), '0');
    expect(note().textContent).toBe('h must be between 1e-10 and 100; used 1e-10.');
  });

  it('says so even when the clamped value is the one already there', () => {
    const onCommit = vi.fn();
    render(<Harness initial={1000} min={limits.learningRate.min} max={limits.learningRate.max} onCommit={onCommit} />);
    typeInto(input(), '1e9');
    expect(onCommit).not.toHaveBeenCalled();
    expect(input().value).toBe('1000');
    expect(note().textContent).toBe('Learning rate η must be between 0.00001 and 1000; used 1000.');
  });

  it('shows no message for an in-range value', () => {
    const onCommit = vi.fn();
    render(<Harness initial={0.01} min={limits.learningRate.min} max={limits.learningRate.max} onCommit={onCommit} />);
    typeInto(input(), '0.5');
    expect(onCommit).toHaveBeenLastCalledWith(0.5);
    expect(note().textContent).toBe('');
    expect(input().hasAttribute('aria-describedby')).toBe(false);
    expect(input().getAttribute('aria-invalid')).toBe('false');
  });

  it('says a non-integer in a whole-number field was rounded', () => {
    const onCommit = vi.fn();
    render(<Harness label="steps" initial={60} min={limits.steps.min} max={limits.steps.max} integer onCommit={onCommit} />);
    typeInto(input(), '2.5');
    expect(onCommit).toHaveBeenLastCalledWith(3);
    expect(input().value).toBe('3');
    expect(note().textContent).toBe('Steps must be a whole number; used 3.');
    // Out of range and not whole: the range is what matters.
    typeInto(input(), '-5.5');
    expect(note().textContent).toBe('Steps must be between 1 and 100000; used 1.');
  });

  it('is announced: a status region that the input points at', () => {
    render(<Harness initial={0.01} min={limits.learningRate.min} max={limits.learningRate.max} />);
    // The live region is there before there is anything to say, so the words are announced when they come.
    expect(screen.getByRole('status')).toBe(note());
    typeInto(input(), '1e9');
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toContain('used 1000');
    expect(input().getAttribute('aria-describedby')).toBe(status.id);
    expect(status.className).not.toContain('visually-hidden');
  });

  it('goes away on the next valid edit, or when the value changes from elsewhere; never by itself', () => {
    render(<Harness initial={0.01} min={limits.learningRate.min} max={limits.learningRate.max} />);
    typeInto(input(), '1e9');
    expect(note().textContent).not.toBe('');
    // Still typing: a half-typed or still-out-of-range text keeps it; a valid one takes it away.
    fireEvent.focus(input());
    fireEvent.change(input(), { target: { value: '2e' } });
    expect(note().textContent).not.toBe('');
    fireEvent.change(input(), { target: { value: '2000' } });
    expect(note().textContent).not.toBe('');
    fireEvent.change(input(), { target: { value: '20' } });
    expect(note().textContent).toBe('');
    expect(input().value).toBe('20');
    fireEvent.blur(input());

    typeInto(input(), '-1');
    expect(note().textContent).toContain('used 0.00001');
    // A reader who looked away still finds it.
    act(() => { vi.advanceTimersByTime(60_000); });
    expect(note().textContent).toContain('used 0.00001');
  });

  it('keeps its message while its own value comes back, and drops it when the value is changed from elsewhere', () => {
    let setFromElsewhere: (value: number) => void = () => {};
    function Owner() {
      const [value, setValue] = useState(0.01);
      setFromElsewhere = setValue;
      return <NumberField label="learning rate η" testId="field" min={limits.learningRate.min} max={limits.learningRate.max} value={value} onCommit={setValue} />;
    }
    render(<Owner />);
    typeInto(input(), '-1');
    expect(input().value).toBe('1e-5');
    expect(note().textContent).toContain('used 0.00001');
    // A preset (or the slider) sets another value: the message was about the old one.
    act(() => setFromElsewhere(0.3));
    expect(input().value).toBe('0.3');
    expect(note().textContent).toBe('');
    expect(input().hasAttribute('aria-describedby')).toBe(false);
  });

  it('keeps reverting text that is not a number, without a message', () => {
    const onCommit = vi.fn();
    render(<Harness initial={0.01} min={limits.learningRate.min} max={limits.learningRate.max} onCommit={onCommit} />);
    fireEvent.focus(input());
    fireEvent.change(input(), { target: { value: 'abc' } });
    expect(input().getAttribute('aria-invalid')).toBe('true');
    fireEvent.blur(input());
    expect(onCommit).not.toHaveBeenCalled();
    expect(input().value).toBe('0.01');
    expect(note().textContent).toBe('');
  });

  it('sends nothing when left untouched, so a value rounded for display is not changed', () => {
    const onCommit = vi.fn();
    render(<Harness label="seed" initial={limits.seed.max} min={limits.seed.min} max={limits.seed.max} integer onCommit={onCommit} />);
    expect(input().value).toBe('4.295e+9');
    fireEvent.focus(input());
    fireEvent.blur(input());
    expect(onCommit).not.toHaveBeenCalled();
    expect(note().textContent).toBe('');
  });

  it('shows the message in Korean when the page is in Korean', () => {
    useLanguage.setState({ lang: 'ko' });
    render(<Harness label="학습률 η" initial={0.01} min={limits.learningRate.min} max={limits.learningRate.max} />);
    typeInto(input(), '1e9');
    expect(note().textContent).toBe('학습률 η 값은 0.00001에서 1000 사이여야 하므로 1000을(를) 썼습니다.');
  });
});

describe('NumberField: a value its owner clamps or rounds (no limits given to the field)', () => {
  let store: AppStore;
  beforeEach(() => {
    store = createAppStore();
  });

  /** Steps, seed and start x as the store keeps them: the setters clamp and round. */
  function StoreFields() {
    const scene = useStore(store, (s) => s.scene);
    const { setSteps, setSeed, setStart } = store.getState();
    return (
      <>
        <NumberField label="steps" value={scene.steps} onCommit={setSteps} testId="steps" />
        <NumberField label="seed" value={scene.seed} onCommit={setSeed} testId="seed" />
        <NumberField label="start x" value={scene.start[0]} onCommit={(x) => setStart([x, scene.start[1]])} testId="start-x" />
      </>
    );
  }

  it('says which limit applied and the value used', () => {
    render(<StoreFields />);
    const steps = screen.getByTestId('steps');
    typeInto(steps, '10000000', 'enter');
    expect(store.getState().scene.steps).toBe(100_000);
    expect(screen.getByTestId('steps-note').textContent).toBe('Steps must be at most 100000; used 100000.');
    typeInto(steps, '-5');
    expect(screen.getByTestId('steps-note').textContent).toBe('Steps must be at least 1; used 1.');
    typeInto(screen.getByTestId('start-x'), '1e300');
    expect(screen.getByTestId('start-x-note').textContent).toBe('Start x must be at most 1000000; used 1000000.');
    expect(screen.getByTestId('start-x').getAttribute('aria-describedby')).toBe(screen.getByTestId('start-x-note').id);
  });

  it('says a non-integer was rounded', () => {
    render(<StoreFields />);
    typeInto(screen.getByTestId('steps'), '2.5');
    expect(screen.getByTestId('steps-note').textContent).toBe('Steps must be a whole number; used 3.');
    typeInto(screen.getByTestId('seed'), '1.5');
    expect(store.getState().scene.seed).toBe(2);
    expect(screen.getByTestId('seed-note').textContent).toBe('Seed must be a whole number; used 2.');
  });

  it('shows none for a value kept as typed, nor for one the owner refuses', () => {
    render(<StoreFields />);
    typeInto(screen.getByTestId('steps'), '250');
    expect(store.getState().scene.steps).toBe(250);
    expect(screen.getByTestId('steps-note').textContent).toBe('');
    cleanup();
    // An owner that refuses (leaves the value as it was) explains itself; the field adds nothing.
    render(<Harness initial={-2} keep={(_typed, current) => current} />);
    typeInto(input(), '5');
    expect(input().value).toBe('-2');
    expect(note().textContent).toBe('');
  });

  it('works in the real surface panel', () => {
    appStore.setState({ scene: defaultScene() });
    render(<SceneControls />);
    typeInto(screen.getByTestId('steps'), '10000000');
    expect(screen.getByTestId('steps-note').textContent).toMatch(/^Steps must be .*100000; used 100000\.$/);
    typeInto(screen.getByTestId('seed'), '1.5');
    expect(screen.getByTestId('seed-note').textContent).toBe('Seed must be a whole number; used 2.');
    appStore.setState({ scene: defaultScene() });
  });
});

describe('the typed field of a slider', () => {
  function LearningRate({ typedRange }: { typedRange?: { min: number; max: number } }) {
    const [value, setValue] = useState(0.01);
    return <LogSlider label="learning rate η" value={value} min={1e-5} max={10} onChange={setValue} testId="lr" typedRange={typedRange} />;
  }
  function Beta({ typedRange }: { typedRange?: { min: number; max: number } }) {
    const [value, setValue] = useState(0.9);
    return <Slider label="β₁" value={value} min={0} max={0.999} step={0.001} onChange={setValue} testId="beta1" typedRange={typedRange} />;
  }

  it('states the limits the app accepts when typed, not the slider span, named without "(typed)"', () => {
    render(<LearningRate typedRange={limits.learningRate} />);
    typeInto(screen.getByTestId('lr-text'), '1e9');
    expect(screen.getByTestId('lr-text-note').textContent).toBe('Learning rate η must be between 0.00001 and 1000; used 1000.');
    // 100 is beyond the slider's 10 but a fine learning rate: kept, nothing said.
    typeInto(screen.getByTestId('lr-text'), '100');
    expect((screen.getByTestId('lr-text') as HTMLInputElement).value).toBe('100');
    expect(screen.getByTestId('lr-text-note').textContent).toBe('');
  });

  it('never clamps a typed β to the slider span, and states β limits when given', () => {
    render(<Beta />);
    typeInto(screen.getByTestId('beta1-text'), '0.9995');
    expect((screen.getByTestId('beta1-text') as HTMLInputElement).value).toBe('0.9995');
    expect(screen.getByTestId('beta1-text-note').textContent).toBe('');
    cleanup();
    render(<Beta typedRange={limits.beta} />);
    typeInto(screen.getByTestId('beta1-text'), '1.5');
    expect(screen.getByTestId('beta1-text-note').textContent).toBe('β₁ must be between 0 and 0.999999; used 0.999999.');
  });
});
