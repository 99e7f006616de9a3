// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import type { ViewBox } from '../../src/core/types';
import { ContourPlot } from '../../src/plot/ContourPlot';
import { plotInnerSize } from '../../src/plot/scales';
import { createLiveView } from '../../src/plot/liveView';
import { act } from 'react';

afterEach(async () => {
  cleanup();
  // d3 lifts its post-drag click blocker on a zero timeout; let it run before the next test clicks.
  await new Promise((resolve) => setTimeout(resolve, 0));
});

const view: ViewBox = { x: [-4, 4], y: [-2, 2] };
const inner = plotInnerSize(400, 300);
const box = { left: 0, top: 0, width: inner.width, height: inner.height, right: inner.width, bottom: inner.height, x: 0, y: 0, toJSON: () => ({}) };

/** The plot, once d3-zoom (a chunk of its own) is attached to it. */
async function setup(displayView: ViewBox = view) {
  const plot = mount(displayView);
  await waitFor(() => expect(plot.area.dataset.zoom).toBe('ready'));
  return plot;
}

function mount(displayView: ViewBox = view) {
  const onPick = vi.fn();
  const onViewChange = vi.fn();
  const onGestureEnd = vi.fn();
  const onPictureDue = vi.fn();
  const props = {
    contours: null, view, displayView, width: 400, height: 300,
    criticalPoints: [], onPick, onViewChange, onGestureEnd, onPictureDue,
  };
  const result = render(<ContourPlot {...props} />);
  const area = result.container.querySelector('.plot-zoom-area') as SVGGElement;
  const hit = result.container.querySelector('.plot-hit') as SVGRectElement;
  // happy-dom does no layout and has no SVG matrices: send d3.pointer down its
  // getBoundingClientRect path, with the boxes a browser would report.
  const svg = result.container.querySelector('svg')!;
  Object.defineProperty(svg, 'createSVGPoint', { value: undefined, configurable: true });
  for (const element of [area, hit]) {
    vi.spyOn(element, 'getBoundingClientRect').mockReturnValue(box);
    Object.defineProperty(element, 'clientLeft', { value: 0, configurable: true });
    Object.defineProperty(element, 'clientTop', { value: 0, configurable: true });
  }
  return { ...result, props, area, hit, onPick, onViewChange, onGestureEnd, onPictureDue };
}

function drag(area: Element, from: [number, number], to: [number, number]) {
  fireEvent.mouseDown(area, { clientX: from[0], clientY: from[1], button: 0, view: window });
  fireEvent.mouseMove(window, { clientX: to[0], clientY: to[1], view: window });
  fireEvent.mouseUp(window, { clientX: to[0], clientY: to[1], view: window });
}

describe('ContourPlot zoom and pan', () => {
  it('zooms in about the pointer on a wheel turn', async () => {
    const { area, onViewChange } = await setup();
    // happy-dom's WheelEvent drops the mouse fields; add them as a browser would.
    const wheel = new WheelEvent('wheel', { deltaY: -200, deltaMode: 0, bubbles: true, cancelable: true });
    Object.defineProperties(wheel, { clientX: { value: inner.width / 2 }, clientY: { value: inner.height / 2 } });
    fireEvent(area, wheel);
    expect(onViewChange).toHaveBeenCalled();
    const next: ViewBox = onViewChange.mock.calls.at(-1)![0];
    expect(next.x[1] - next.x[0]).toBeLessThan(8);
    expect((next.x[0] + next.x[1]) / 2).toBeCloseTo(0, 9);
    expect((next.y[0] + next.y[1]) / 2).toBeCloseTo(0, 9);
  });

  it('keeps a wheel at the zoom limit from scrolling the page', async () => {
    const { area } = await setup();
    const wheel = (deltaY: number) => {
      const event = new WheelEvent('wheel', { deltaY, deltaMode: 0, bubbles: true, cancelable: true });
      Object.defineProperties(event, { clientX: { value: inner.width / 2 }, clientY: { value: inner.height / 2 } });
      fireEvent(area, event);
      return event.defaultPrevented;
    };
    // One huge notch reaches the scale extent's edge; after that gesture has ended (150 ms), a new one
    // can zoom no further, and d3-zoom alone would let the page scroll.
    expect(wheel(-1e5)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(wheel(-100)).toBe(true);
  });

  it('pans on a drag and swallows the click that ends it', async () => {
    const { area, hit, onViewChange, onPick } = await setup();
    drag(area, [100, 100], [140, 100]);
    const next: ViewBox = onViewChange.mock.calls.at(-1)![0];
    // 40 px to the right shows what lay 40 px to the left.
    expect(next.x[0]).toBeCloseTo(-4 - (40 * 8) / inner.width, 9);
    fireEvent.click(hit, { clientX: 140, clientY: 100 });
    expect(onPick).not.toHaveBeenCalled();
  });

  it('says when a gesture ends: a drag on release, not a view set from outside', async () => {
    const { area, rerender, props, onGestureEnd, onViewChange } = await setup();
    fireEvent.mouseDown(area, { clientX: 100, clientY: 100, button: 0, view: window });
    fireEvent.mouseMove(window, { clientX: 140, clientY: 100, view: window });
    expect(onViewChange).toHaveBeenCalled();
    // Each step of the drag says it is part of a gesture (its grids may be coarse).
    expect(onViewChange.mock.calls.every(([, gesture]) => gesture === true)).toBe(true);
    expect(onGestureEnd).not.toHaveBeenCalled();
    fireEvent.mouseUp(window, { clientX: 140, clientY: 100, view: window });
    expect(onGestureEnd).toHaveBeenCalledTimes(1);
    // A reset or a link moves the view without a gesture: nothing ends.
    rerender(<ContourPlot {...props} displayView={{ x: [10, 20], y: [0, 5] }} />);
    expect(onGestureEnd).toHaveBeenCalledTimes(1);
  });

  it('paces a drag\'s pictures: its first step at once, steps in quick succession once the view holds still', async () => {
    const { area, onViewChange, onPictureDue } = await setup();
    fireEvent.mouseDown(area, { clientX: 100, clientY: 100, button: 0, view: window });
    fireEvent.mouseMove(window, { clientX: 110, clientY: 100, view: window });
    expect(onPictureDue).toHaveBeenCalledTimes(1);
    expect(onPictureDue.mock.calls[0][0]).toEqual(onViewChange.mock.calls.at(-1)![0]);
    fireEvent.mouseMove(window, { clientX: 120, clientY: 100, view: window });
    fireEvent.mouseMove(window, { clientX: 140, clientY: 100, view: window });
    expect(onPictureDue).toHaveBeenCalledTimes(1);
    // No step for a frame: the pictures are made for where the drag stands.
    await waitFor(() => expect(onPictureDue).toHaveBeenCalledTimes(2));
    expect(onPictureDue.mock.calls[1][0]).toEqual(onViewChange.mock.calls.at(-1)![0]);
    fireEvent.mouseUp(window, { clientX: 140, clientY: 100, view: window });
    expect(onPictureDue).toHaveBeenCalledTimes(2);
  });

  it('a zoom button is one step, not a gesture: no gesture to end, and said so with its view', async () => {
    const { getByRole, onViewChange, onGestureEnd, onPictureDue } = await setup();
    fireEvent.click(getByRole('button', { name: 'Zoom out' }));
    expect(onViewChange).toHaveBeenCalledTimes(1);
    const [next, gesture] = onViewChange.mock.calls[0];
    expect(next.x[1] - next.x[0]).toBeCloseTo(8 * 1.5, 9);
    expect(gesture).toBe(false);
    expect(onGestureEnd).not.toHaveBeenCalled();
    // Its pictures are made by the view change itself, not paced.
    expect(onPictureDue).not.toHaveBeenCalled();
  });

  it('ends a gesture the plot is taken away in the middle of', async () => {
    const { area, unmount, onGestureEnd, onViewChange } = await setup();
    fireEvent.mouseDown(area, { clientX: 100, clientY: 100, button: 0, view: window });
    fireEvent.mouseMove(window, { clientX: 140, clientY: 100, view: window });
    expect(onGestureEnd).not.toHaveBeenCalled();
    // Switching to the side-by-side panels unmounts this plot before the pointer is released.
    const views = onViewChange.mock.calls.length;
    unmount();
    expect(onGestureEnd).toHaveBeenCalledTimes(1);
    // The drag goes on over a plot no longer there: no view from it, no second gesture.
    fireEvent.mouseMove(window, { clientX: 180, clientY: 100, view: window });
    fireEvent.mouseUp(window, { clientX: 180, clientY: 100, view: window });
    expect(onViewChange).toHaveBeenCalledTimes(views);
    expect(onGestureEnd).toHaveBeenCalledTimes(1);
  });

  it('counts a press that wobbles less than the click distance as a click, and pans nothing for it', async () => {
    const { area, hit, onPick, onViewChange, onPictureDue } = await setup();
    drag(area, [100, 100], [102, 101]);
    fireEvent.click(hit, { clientX: 102, clientY: 101 });
    expect(onPick).toHaveBeenCalledTimes(1);
    expect(onViewChange).not.toHaveBeenCalled();
    expect(onPictureDue).not.toHaveBeenCalled();
    // The wobble is not carried into the next drag either: 40 px pans exactly 40 px from the view on screen.
    await new Promise((resolve) => setTimeout(resolve, 0));
    drag(area, [100, 100], [140, 100]);
    const next: ViewBox = onViewChange.mock.calls.at(-1)![0];
    expect(next.x[0]).toBeCloseTo(-4 - (40 * 8) / inner.width, 9);
    expect(next.y).toEqual(view.y);
  });

  it('a drag that leaves the click distance pans by all of its travel, the first few pixels too', async () => {
    const { area, onViewChange } = await setup();
    fireEvent.mouseDown(area, { clientX: 100, clientY: 100, button: 0, view: window });
    fireEvent.mouseMove(window, { clientX: 103, clientY: 100, view: window });
    expect(onViewChange).not.toHaveBeenCalled();
    fireEvent.mouseMove(window, { clientX: 110, clientY: 100, view: window });
    fireEvent.mouseUp(window, { clientX: 110, clientY: 100, view: window });
    const next: ViewBox = onViewChange.mock.calls.at(-1)![0];
    expect(next.x[0]).toBeCloseTo(-4 - (10 * 8) / inner.width, 9);
  });

  it('applies a zoom button pressed before d3-zoom has arrived, and takes clicks meanwhile', async () => {
    const { area, hit, getByRole, onViewChange, onPick } = mount();
    // Within the same task as the mount: the chunk cannot have arrived yet.
    expect(area.dataset.zoom).toBeUndefined();
    fireEvent.click(hit, { clientX: 10, clientY: 10 });
    expect(onPick).toHaveBeenCalledTimes(1);
    fireEvent.click(getByRole('button', { name: 'Zoom in' }));
    await waitFor(() => expect(onViewChange).toHaveBeenCalled());
    const next: ViewBox = onViewChange.mock.calls.at(-1)![0];
    expect(next.x[1] - next.x[0]).toBeCloseTo(8 / 1.5, 9);
  });

  it('continues a gesture from the view it handed out, and restarts from a view set elsewhere', async () => {
    const { area, onViewChange, rerender, props } = await setup();
    drag(area, [100, 100], [140, 100]);
    const panned: ViewBox = onViewChange.mock.calls.at(-1)![0];
    rerender(<ContourPlot {...props} displayView={panned} />);
    drag(area, [100, 100], [140, 100]);
    const twice: ViewBox = onViewChange.mock.calls.at(-1)![0];
    expect(twice.x[0]).toBeCloseTo(panned.x[0] - (40 * 8) / inner.width, 9);
    // A reset (or a link) puts the view elsewhere: the next pan starts from there.
    const reset: ViewBox = { x: [10, 20], y: [0, 5] };
    rerender(<ContourPlot {...props} displayView={reset} />);
    drag(area, [100, 100], [140, 100]);
    const fromReset: ViewBox = onViewChange.mock.calls.at(-1)![0];
    expect(fromReset.x[0]).toBeCloseTo(10 - (40 * 10) / inner.width, 9);
    expect(fromReset.y).toEqual(reset.y);
  });

  it('a view set elsewhere mid-gesture (a reset) has its pictures made at once', async () => {
    const { area, rerender, props, onViewChange, onPictureDue } = await setup();
    fireEvent.mouseDown(area, { clientX: 100, clientY: 100, button: 0, view: window });
    fireEvent.mouseMove(window, { clientX: 110, clientY: 100, view: window });
    fireEvent.mouseMove(window, { clientX: 120, clientY: 100, view: window });
    expect(onPictureDue).toHaveBeenCalledTimes(1);
    rerender(<ContourPlot {...props} displayView={onViewChange.mock.calls.at(-1)![0]} />);
    expect(onPictureDue).toHaveBeenCalledTimes(1);
    const reset: ViewBox = { x: [10, 20], y: [0, 5] };
    rerender(<ContourPlot {...props} displayView={reset} />);
    expect(onPictureDue).toHaveBeenCalledTimes(2);
    expect(onPictureDue.mock.calls[1][0]).toEqual(reset);
    fireEvent.mouseUp(window, { clientX: 120, clientY: 100, view: window });
  });

  it('with a live view, follows a gesture\'s view it did not emit (a side-by-side panel\'s, Reset view) and not its own', async () => {
    const live = createLiveView();
    const { area, rerender, props, onViewChange, onPictureDue } = await setup();
    rerender(<ContourPlot {...props} live={live} />);
    // Its own steps put in the channel (as PlotPanel does): the drag goes on from them.
    onViewChange.mockImplementation((next: ViewBox, gesture: boolean) => {
      if (gesture) live.set({ view: next, pathsMade: null });
    });
    fireEvent.mouseDown(area, { clientX: 100, clientY: 100, button: 0, view: window });
    fireEvent.mouseMove(window, { clientX: 110, clientY: 100, view: window });
    fireEvent.mouseMove(window, { clientX: 120, clientY: 100, view: window });
    const dragged: ViewBox = onViewChange.mock.calls.at(-1)![0];
    expect(dragged.x[0]).toBeCloseTo(-4 - (20 * 8) / inner.width, 9);
    const due = onPictureDue.mock.calls.length;
    // Reset view mid-gesture, while the store's view stays as it was: the drag goes on from the reset view.
    const reset: ViewBox = { x: [10, 20], y: [0, 5] };
    act(() => live.set({ view: reset, pathsMade: null }));
    expect(onPictureDue).toHaveBeenCalledTimes(due + 1);
    expect(onPictureDue.mock.calls.at(-1)![0]).toEqual(reset);
    fireEvent.mouseMove(window, { clientX: 140, clientY: 100, view: window });
    const fromReset: ViewBox = onViewChange.mock.calls.at(-1)![0];
    expect(fromReset.x[0]).toBeCloseTo(10 - (20 * 10) / inner.width, 9);
    expect(fromReset.y).toEqual(reset.y);
    fireEvent.mouseUp(window, { clientX: 140, clientY: 100, view: window });
    // The channel emptied at the end says nothing: the view handed in (unchanged here) stays the anchor's business.
    act(() => live.set(null));
    // Another panel's gesture moves the shared view: this plot's next gesture starts there.
    const elsewhere: ViewBox = { x: [0, 2], y: [0, 1] };
    act(() => live.set({ view: elsewhere, pathsMade: null }));
    drag(area, [100, 100], [140, 100]);
    const next: ViewBox = onViewChange.mock.calls.at(-1)![0];
    expect(next.x[0]).toBeCloseTo(0 - (40 * 2) / inner.width, 9);
  });

  it('a resize mid-gesture anchors at the gesture\'s live view, not at the view from before it', async () => {
    const live = createLiveView();
    const { area, rerender, props, onViewChange } = await setup();
    rerender(<ContourPlot {...props} live={live} />);
    onViewChange.mockImplementation((next: ViewBox, gesture: boolean) => {
      if (gesture) live.set({ view: next, pathsMade: null });
    });
    fireEvent.mouseDown(area, { clientX: 100, clientY: 100, button: 0, view: window });
    fireEvent.mouseMove(window, { clientX: 120, clientY: 100, view: window });
    const dragged: ViewBox = onViewChange.mock.calls.at(-1)![0];
    // A scrollbar appears: the plot is 20 px narrower.
    rerender(<ContourPlot {...props} live={live} width={380} />);
    fireEvent.mouseMove(window, { clientX: 130, clientY: 100, view: window });
    const after: ViewBox = onViewChange.mock.calls.at(-1)![0];
    const narrower = plotInnerSize(380, 300).width;
    expect(after.x[0]).toBeCloseTo(dragged.x[0] - (10 * (dragged.x[1] - dragged.x[0])) / narrower, 9);
    fireEvent.mouseUp(window, { clientX: 130, clientY: 100, view: window });
  });

  it('a drag begun before a wheel gesture has ended is one gesture with it, ended once, on release', async () => {
    const { area, onGestureEnd, onViewChange } = await setup();
    const wheel = new WheelEvent('wheel', { deltaY: -100, deltaMode: 0, bubbles: true, cancelable: true });
    Object.defineProperties(wheel, { clientX: { value: 100 }, clientY: { value: 100 } });
    fireEvent(area, wheel);
    fireEvent.mouseDown(area, { clientX: 100, clientY: 100, button: 0, view: window });
    fireEvent.mouseMove(window, { clientX: 120, clientY: 100, view: window });
    // d3-zoom ends the wheel's gesture 150 ms after its notch, while the drag goes on.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(onGestureEnd).not.toHaveBeenCalled();
    fireEvent.mouseMove(window, { clientX: 140, clientY: 100, view: window });
    expect(onViewChange.mock.calls.at(-1)![1]).toBe(true);
    fireEvent.mouseUp(window, { clientX: 140, clientY: 100, view: window });
    expect(onGestureEnd).toHaveBeenCalledTimes(1);
  });
});

describe('which events start a pan or a zoom', () => {
  it('two fingers or more on a touch screen, never one (it scrolls the page); a wheel or a plain press', async () => {
    const { startsGesture } = await import('../../src/plot/usePlotZoom');
    expect(startsGesture({ type: 'touchstart', touches: { length: 1 } })).toBe(false);
    expect(startsGesture({ type: 'touchstart', touches: { length: 2 } })).toBe(true);
    expect(startsGesture({ type: 'mousedown', button: 0 })).toBe(true);
    expect(startsGesture({ type: 'mousedown', button: 2 })).toBe(false);
    expect(startsGesture({ type: 'mousedown', button: 0, ctrlKey: true })).toBe(false);
    expect(startsGesture({ type: 'wheel', ctrlKey: true })).toBe(true);
  });
});
