// @vitest-environment happy-dom
/**
 * The expression field: text is applied once typing pauses (or on Enter),
 * a broken text shows the column and message under the field and applies
 * nothing, and an expression arriving from elsewhere replaces the draft.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ViewBox } from '../../src/core/types';
import { ExpressionField } from '../../src/controls/ExpressionField';
import { checkExpression, problemContext } from '../../src/controls/expressionCheck';
import { useLanguage } from '../../src/i18n';

const box: ViewBox = { x: [-2, 2], y: [-2, 2] };

beforeEach(() => {
  vi.useFakeTimers();
  useLanguage.setState({ lang: 'en' });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function setup(expression = 'x^2 + y^2') {
  const onApply = vi.fn<(text: string) => boolean>(() => true);
  const view = render(<ExpressionField expression={expression} box={box} onApply={onApply} delayMs={300} />);
  const input = screen.getByTestId('expression') as HTMLInputElement;
  const type = (text: string) => fireEvent.change(input, { target: { value: text } });
  return { onApply, input, type, rerender: (next: string) => view.rerender(<ExpressionField expression={next} box={box} onApply={onApply} delayMs={300} />) };
}

describe('ExpressionField', () => {
  it('applies valid text once typing pauses, trimmed, and only once', () => {
    const { onApply, type } = setup();
    type('sin(x)');
    type('sin(x) + y ');
    act(() => { vi.advanceTimersByTime(299); });
    expect(onApply).not.toHaveBeenCalled();
    act(() => { vi.advanceTimersByTime(1); });
    expect(onApply).toHaveBeenCalledTimes(1);
    expect(onApply).toHaveBeenCalledWith('sin(x) + y');
    expect(screen.queryByTestId('expression-error')).toBeNull();
  });

  it("shows the column and message of a syntax error and applies nothing", () => {
    const { onApply, input, type } = setup();
    type('1 + cos(x');
    act(() => { vi.advanceTimersByTime(300); });
    expect(onApply).not.toHaveBeenCalled();
    const error = screen.getByTestId('expression-error');
    expect(error.textContent).toContain("Column 10: expected ')' after 'cos(x'");
    expect(error.textContent).toContain('The plot keeps the last f that worked.');
    expect(error.getAttribute('data-column')).toBe('10');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(error.id);
  });

  it('counts columns in the text as typed, leading spaces included', () => {
    expect(checkExpression('   x +', box)).toMatchObject({ ok: false, column: 7 });
    expect(checkExpression('x + 2x', box)).toMatchObject({ ok: false, column: 6, message: "expected an operator between '2' and 'x'" });
    const long = '(x^2 + y - 11)^2 + (x + y^2 - 7)^2 + zz';
    expect(problemContext(long, long.indexOf('zz') + 1, 2)).toEqual({ before: '…^2 - 7)^2 + ', marked: 'zz', after: '' });
    expect(problemContext('cos(x', 6, 0)).toEqual({ before: 'cos(x', marked: '', after: '' });
  });

  it('says so when f is finite nowhere in the box, without a column', () => {
    const { onApply, type } = setup();
    type('log(-1 - x^2)');
    act(() => { vi.advanceTimersByTime(300); });
    expect(onApply).not.toHaveBeenCalled();
    expect(screen.getByTestId('expression-error').textContent).toMatch(/^f has no finite value anywhere in the view/);
  });

  it('applies at once on Enter, and clears the error when the text is fixed', () => {
    const { onApply, input, type } = setup();
    type('x +');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(screen.getByTestId('expression-error')).toBeTruthy();
    type('x + y');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onApply).toHaveBeenCalledWith('x + y');
    expect(screen.queryByTestId('expression-error')).toBeNull();
  });

  it('shows messages in Korean when the page is in Korean', () => {
    useLanguage.setState({ lang: 'ko' });
    const { type } = setup();
    type('cos(x');
    act(() => { vi.advanceTimersByTime(300); });
    expect(screen.getByTestId('expression-error').textContent).toContain("6번째 칸: 'cos(x' 뒤에 ')'가 있어야 합니다");
  });

  it('takes an expression from elsewhere (a link, an example) over a broken draft', () => {
    const { input, type, rerender } = setup();
    type('x +');
    act(() => { vi.advanceTimersByTime(300); });
    rerender('x*y');
    expect(input.value).toBe('x*y');
    expect(screen.queryByTestId('expression-error')).toBeNull();
  });

  it('shows markup as text', () => {
    const { type } = setup();
    type('<img src=x onerror=alert(1)>');
    act(() => { vi.advanceTimersByTime(300); });
    const error = screen.getByTestId('expression-error');
    expect(error.querySelector('img')).toBeNull();
    expect(error.textContent).toContain("Column 1: unexpected character '<'");
  });
});
