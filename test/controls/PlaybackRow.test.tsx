// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { PlaybackRow } from '../../src/controls/PlaybackRow';

afterEach(cleanup);

const row = { playing: false, showAll: false, autoSpeed: true, speed: 20, autoRate: 833 };
const noop = () => {};
const actions = { play: noop, pause: noop, stepForward: noop, stepBack: noop, resetPlayback: noop, setSpeed: noop, setAutoSpeed: noop, showAll: noop, setStep: noop };

describe('PlaybackRow', () => {
  it('counts the current step and keeps room for the last one, so the row does not move as digits come', () => {
    render(<PlaybackRow {...row} steps={5000} current={7} actions={actions} />);
    const count = screen.getByTestId('step-count');
    // What is read and announced is the current step only; the widest text is drawn hidden by CSS.
    expect(count.textContent).toBe('step 7 / 5000');
    expect(count.getAttribute('data-widest')).toBe('step 5000 / 5000');
  });

  it('without actions is a hidden, inert stand-in with no test ids or group role', () => {
    const { container } = render(<PlaybackRow {...row} steps={60} current={60} />);
    const standIn = container.firstElementChild!;
    expect(standIn.getAttribute('aria-hidden')).toBe('true');
    expect(standIn.hasAttribute('inert')).toBe(true);
    expect(standIn.getAttribute('role')).toBeNull();
    expect(container.querySelectorAll('[data-testid]')).toHaveLength(0);
  });
});
