// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { appStore } from '../../src/state/store';
import { decodeScene } from '../../src/state/urlCodec';
import { useLanguage } from '../../src/i18n';
import { createDispatcher } from '../../src/worker/dispatcher';
import type { ToWorker } from '../../src/worker/protocol';
import { InspectorBody } from '../../src/inspector/InspectorBody';
import { useInspector } from '../../src/inspector/inspectorStore';
import { FakeWorker } from '../worker/harness';

/** A FakeWorker answered by the real dispatcher (and so the real core), one task at a time. */
function workerWithDispatcher() {
  const worker = new FakeWorker();
  const tasks: Array<() => void> = [];
  const dispatcher = createDispatcher((message) => worker.reply(message), (task) => void tasks.push(task));
  const post = worker.postMessage.bind(worker);
  worker.postMessage = (message: ToWorker) => {
    post(message);
    dispatcher.handle(message);
    // The answer arrives later, as from a real worker.
    setTimeout(() => {
      while (tasks.length > 0) tasks.shift()!();
    }, 0);
  };
  return worker;
}

// happy-dom has no compatMode, and KaTeX refuses to render in what it takes for quirks mode.
Object.defineProperty(document, 'compatMode', { value: 'CSS1Compat', configurable: true });

const row = (name: string) => document.querySelector(`tr[data-row="${name}"]`) as HTMLElement | null;
const valueOf = (name: string) => row(name)?.querySelector('.inspector-value')?.textContent;

beforeEach(() => {
  FakeWorker.created = [];
  useLanguage.setState({ lang: 'en' });
  const { scene } = decodeScene('v=1&s=ellipse&start=-7,2&n=30&run=momentum(lr=0.1)&run=adam(lr=0.3)');
  appStore.getState().loadScene(scene);
  appStore.getState().resetPlayback();
  useInspector.setState({ open: true, selected: null, answer: null, error: null, highlight: null });
});

afterEach(() => {
  cleanup();
  useInspector.getState().setOpen(false);
});

describe('InspectorBody', () => {
  it('asks its worker for the step on screen and lists that step’s numbers', async () => {
    render(<InspectorBody createWorker={workerWithDispatcher} />);
    act(() => {
      for (let i = 0; i < 3; i++) appStore.getState().stepForward();
    });
    await waitFor(() => expect(valueOf('velocity')).toBe('(−1.87047, 7.96)'));
    expect(valueOf('from')).toBe('(−6.7977, 0.92)');
    expect(screen.getByTestId('inspector-step').textContent).toBe('Step 3');
    const asked = FakeWorker.created[0].posted.filter((m) => m.type === 'inspect');
    expect(asked.at(-1)).toMatchObject({ type: 'inspect', step: 3 });
  });

  it('asks for nothing while the replay plays, and says how to inspect', async () => {
    render(<InspectorBody createWorker={workerWithDispatcher} />);
    act(() => appStore.getState().play());
    await waitFor(() => expect(screen.getByTestId('inspector-step').textContent).toMatch(/Pause/));
    const before = FakeWorker.created[0]?.posted.length ?? 0;
    act(() => appStore.getState().advance(0.2));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(FakeWorker.created[0]?.posted.length ?? 0).toBe(before);
  });

  it('switches runs with the picker, and lights a number’s symbol in the typeset rule', async () => {
    render(<InspectorBody createWorker={workerWithDispatcher} />);
    act(() => appStore.getState().setStep(2));
    await waitFor(() => expect(valueOf('velocity')).toBeTruthy());
    const picker = screen.getByTestId('inspector-run') as HTMLSelectElement;
    fireEvent.change(picker, { target: { value: picker.options[1].value } });
    await waitFor(() => expect(valueOf('mHat')).toBeTruthy());
    expect(valueOf('velocity')).toBeUndefined();
    // KaTeX arrives by dynamic import.
    await waitFor(() => expect(screen.getByTestId('inspector-formula').getAttribute('data-status')).toBe('ready'));
    fireEvent.pointerEnter(row('mHat')!);
    const lit = [...document.querySelectorAll('.inspector-tex .is-lit')].map((el) => el.getAttribute('data-sym'));
    expect(lit).toEqual(['mHat', 'mHat']);
    expect(row('mHat')!.className).toContain('is-lit');
    // And the other way round: pointing at β₁ in the rule lights its row.
    const beta1 = document.querySelector('.inspector-tex [data-sym="beta1"]')!;
    fireEvent.pointerOver(beta1);
    expect(useInspector.getState().highlight).toBe('beta1');
    expect(row('beta1')!.className).toContain('is-lit');
    expect(row('mHat')!.className).not.toContain('is-lit');
  });
});
