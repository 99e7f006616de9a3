// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useLanguage } from '../../src/i18n';
import { findPreset, presets } from '../../src/state/presets';
import { appStore } from '../../src/state/store';
import { defaultScene } from '../../src/state/defaults';
import { encodeScene } from '../../src/state/urlCodec';
import { PresetGallery } from '../../src/teach/PresetGallery';
import { PresetNote } from '../../src/teach/PresetNote';
import { PresetMenu } from '../../src/controls/PresetMenu';
import { matchPreset, useCurrentPreset } from '../../src/teach/currentPreset';
import { presetStanding } from '../../src/teach/PresetNoteText';
import { withoutKeys } from '../state/arbitraries';
import { noteContours, notePaint } from '../../src/plot/latency';

beforeEach(() => {
  act(() => {
    useLanguage.getState().setLang('en');
    useCurrentPreset.getState().close();
    appStore.getState().loadScene(defaultScene());
    appStore.getState().pause();
  });
});

afterEach(cleanup);

const cards = () => screen.getAllByRole('listitem').filter((li) => li.classList.contains('preset-card'));

describe('PresetGallery', () => {
  it('lists every preset as a card, grouped by topic, in English', () => {
    render(<PresetGallery onClose={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: 'Presets: the course, one view per idea' });
    expect(cards()).toHaveLength(presets.length);
    expect(presets.length).toBeGreaterThanOrEqual(14);
    expect(within(dialog).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Gradient descent and the learning rate', 'Momentum and adaptive methods', 'Batches and schedules', 'Gradients',
      'Landscapes: minima, saddles, plateaus',
    ]);
    // Screen readers hear the explanation with the card's name.
    const plateau = screen.getByRole('button', { name: 'Escaping a plateau' });
    const description = document.getElementById(plateau.getAttribute('aria-describedby')!);
    expect(description?.textContent).toBe(findPreset('plateau')!.description.en);
  });

  it('shows every title and explanation in Korean when the page is in Korean', () => {
    act(() => useLanguage.getState().setLang('ko'));
    render(<PresetGallery onClose={() => {}} />);
    expect(screen.getByRole('dialog', { name: '프리셋: 강의의 개념마다 하나의 장면' })).toBeTruthy();
    expect(cards()).toHaveLength(presets.length);
    for (const preset of presets) {
      expect(screen.getByRole('button', { name: preset.title.ko })).toBeTruthy();
      expect(screen.getByText(preset.description.ko)).toBeTruthy();
    }
    expect(screen.queryByText(presets[0].description.en)).toBeNull();
  });

  it('moves focus to the first card when it opens', () => {
    render(<PresetGallery onClose={() => {}} />);
    expect(document.activeElement?.textContent).toBe(presets[0].title.en);
  });

  it('loads, plays and explains the chosen preset, then closes', () => {
    const onClose = vi.fn();
    render(<PresetGallery onClose={onClose} />);
    fireEvent.click(screen.getByRole('button', { name: 'Escaping a plateau' }));
    const state = appStore.getState();
    expect(withoutKeys(state.scene)).toEqual(withoutKeys(findPreset('plateau')!.scene('en')));
    expect(state.playback.playing).toBe(true);
    expect(state.playback.step).toBe(0);
    expect(useCurrentPreset.getState().id).toBe('plateau');
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('loads a preset from a click anywhere on its card, as the intro promises', () => {
    const onClose = vi.fn();
    render(<PresetGallery onClose={onClose} />);
    const card = screen.getByTestId('preset-card-plateau');
    fireEvent.click(card.querySelector('p')!);
    expect(withoutKeys(appStore.getState().scene)).toEqual(withoutKeys(findPreset('plateau')!.scene('en')));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('loads the scene with its labels in the page language', () => {
    act(() => useLanguage.getState().setLang('ko'));
    render(<PresetGallery onClose={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: findPreset('mini-batch')!.title.ko }));
    expect(appStore.getState().scene.runs.map((r) => r.label)).toEqual(['SGD · 배치 1', '미니배치 · 8', '배치 GD · 256']);
  });

  it("gives each card a link to its view, with the page's language, that a plain click also loads", () => {
    const onClose = vi.fn();
    render(<PresetGallery onClose={onClose} />);
    const link = screen.getByRole('link', { name: 'Link to “Five learning rates”' });
    expect(link.getAttribute('href')).toBe(`?lang=en#${encodeScene(findPreset('learning-rate')!.scene('en'))}`);
    fireEvent.click(link);
    expect(withoutKeys(appStore.getState().scene)).toEqual(withoutKeys(findPreset('learning-rate')!.scene()));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('leaves a modified click on a link to the browser', () => {
    const onClose = vi.fn();
    render(<PresetGallery onClose={onClose} />);
    fireEvent.click(screen.getByRole('link', { name: 'Link to “Five learning rates”' }), { ctrlKey: true });
    expect(onClose).not.toHaveBeenCalled();
    expect(withoutKeys(appStore.getState().scene)).toEqual(withoutKeys(defaultScene()));
  });

  it('closes on Escape and with its close button', () => {
    const onClose = vi.fn();
    render(<PresetGallery onClose={onClose} />);
    fireEvent.keyDown(screen.getByRole('button', { name: 'A saddle point' }), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it("keeps keys typed inside from reaching the page's playback shortcuts", () => {
    const pageKeys = vi.fn();
    window.addEventListener('keydown', pageKeys);
    render(<PresetGallery onClose={() => {}} />);
    fireEvent.keyDown(screen.getByRole('button', { name: 'A saddle point' }), { key: ' ' });
    window.removeEventListener('keydown', pageKeys);
    expect(pageKeys).not.toHaveBeenCalled();
  });

  it('wraps Tab from the last control back to the first', () => {
    render(<PresetGallery onClose={() => {}} />);
    const dialog = screen.getByRole('dialog');
    const controls = dialog.querySelectorAll<HTMLElement>('button, a[href]');
    const last = controls[controls.length - 1];
    last.focus();
    fireEvent.keyDown(last, { key: 'Tab' });
    expect(document.activeElement).toBe(controls[0]);
    fireEvent.keyDown(controls[0], { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(last);
  });
});

describe('PresetMenu', () => {
  it('opens the gallery from the header button and gives focus back when it closes', async () => {
    render(<PresetMenu />);
    const button = screen.getByRole('button', { name: 'Presets' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    // The gallery is a chunk of its own, loaded on first use.
    expect(await screen.findByRole('dialog')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('dialog').contains(document.activeElement)).toBe(true));
    expect(button.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('names its button in Korean on a Korean page', () => {
    act(() => useLanguage.getState().setLang('ko'));
    render(<PresetMenu />);
    expect(screen.getByRole('button', { name: '프리셋' })).toBeTruthy();
  });
});

describe('PresetNote', () => {
  it('shows nothing until a preset is chosen', () => {
    render(<PresetNote />);
    expect(screen.queryByTestId('preset-note')).toBeNull();
  });

  it("keeps the chosen preset's explanation above the plot until it is closed", async () => {
    render(<PresetNote />);
    render(<PresetGallery onClose={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'A saddle point' }));
    const note = await screen.findByTestId('preset-note');
    expect(within(note).getByRole('heading').textContent).toBe('About this view: A saddle point');
    expect(within(note).getByText(findPreset('saddle')!.description.en)).toBeTruthy();
    act(() => appStore.getState().setSteps(10));
    expect(screen.getByTestId('preset-note')).toBeTruthy();
    act(() => useLanguage.getState().setLang('ko'));
    expect(within(screen.getByTestId('preset-note')).getByText(findPreset('saddle')!.description.ko)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '이 장면의 설명 닫기' }));
    expect(screen.queryByTestId('preset-note')).toBeNull();
  });

  it("explains a preset's view that arrives by link, in either language's labels, once the plot's first picture is drawn", async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame'] });
    try {
      render(<PresetNote />);
      act(() => appStore.getState().loadScene(findPreset('numeric-gradient')!.scene('ko')));
      // The presets chunk is not loaded, nor the link matched, while the page's thread draws the first picture.
      await act(async () => {
        await vi.advanceTimersByTimeAsync(100);
      });
      expect(screen.queryByTestId('preset-note')).toBeNull();
      // The contours and the paths are drawn: one frame later the note's work starts.
      act(() => {
        noteContours();
        notePaint(true);
      });
      await act(async () => {
        await vi.advanceTimersByTimeAsync(20);
      });
    } finally {
      vi.useRealTimers();
    }
    expect(within(await screen.findByTestId('preset-note')).getByRole('heading').textContent).toContain('A numerical gradient with h = 10');
  });

  it('tells the preset\'s own view (zoomed too) from a changed one and from another surface', () => {
    const saddle = findPreset('saddle')!;
    expect(presetStanding(saddle, saddle.scene('ko'))).toBe('same');
    expect(presetStanding(saddle, { ...saddle.scene('en'), view: { x: [-0.5, 0.5], y: [-0.5, 0.5] } })).toBe('same');
    expect(presetStanding(saddle, { ...saddle.scene('en'), steps: 17 })).toBe('changed');
    expect(presetStanding(saddle, { ...saddle.scene('en'), runs: saddle.scene('en').runs.slice(1) })).toBe('changed');
    expect(presetStanding(saddle, defaultScene())).toBe('elsewhere');
  });

  it('recognises only exact preset views', () => {
    expect(matchPreset(findPreset('warm-up')!.scene('en'))?.id).toBe('warm-up');
    expect(matchPreset({ ...findPreset('warm-up')!.scene('en'), steps: 401 })).toBeUndefined();
    expect(matchPreset(defaultScene())).toBeUndefined();
    const warmUp = findPreset('warm-up')!.scene('en');
    expect(matchPreset({ ...warmUp, start: [warmUp.start[0] + 0.5, warmUp.start[1]] })).toBeUndefined();
  });

  it('recognises every preset in both languages', () => {
    for (const preset of presets) {
      for (const lang of ['en', 'ko'] as const) expect(matchPreset(preset.scene(lang))?.id).toBe(preset.id);
    }
  });
});
