// Zoom under a wheel step in every frame, as a trackpad or a flicked wheel
// sends them (the notches of zoom.mjs come ~50 ms apart: Playwright's wheel
// waits for Chromium's acknowledgement). Playwright cannot send input that
// fast, so the page dispatches the wheel events itself, one per animation
// frame, to the plot's zoom area: d3-zoom handles them as a real wheel, but
// the browser's own input routing is not exercised. Six gestures of 60
// frames, zooming in and out by turns; counted: frames missed, and how many
// grids were painted during the gestures (making the pictures anew on
// every step painted 20–47 a second; see src/plot/gesturePacing.ts).

import { sleep } from './page.mjs';

const gestures = 6;
const framesPerGesture = 60;

/** One gesture in the page: [gaps between its frames, bands paints during it, its length in ms]. */
function continuousGesture([direction, frames]) {
  return new Promise((resolve) => {
    const area = document.querySelector('[data-testid="contour-plot"] .plot-zoom-area');
    const bands = document.querySelector('[data-testid="contour-bands"]');
    const box = area.getBoundingClientRect();
    const paintsBefore = Number(bands.dataset.paints);
    const times = [];
    const step = (time) => {
      times.push(time);
      if (times.length > frames) {
        resolve([times.slice(1).map((t, i) => t - times[i]), Number(bands.dataset.paints) - paintsBefore, times.at(-1) - times[0]]);
        return;
      }
      area.dispatchEvent(new WheelEvent('wheel', {
        deltaY: direction * 8, deltaMode: 0, clientX: box.x + box.width * 0.45, clientY: box.y + box.height * 0.55, bubbles: true, cancelable: true,
      }));
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
}

/** Rows for the table, measured on a page showing the zoom scene. */
export async function measureContinuousZoom(page, missedFrames) {
  const gaps = [];
  let painted = 0;
  let ms = 0;
  for (let g = 0; g < gestures; g++) {
    const [gestureGaps, paints, length] = await page.evaluate(continuousGesture, [g % 2 === 0 ? -1 : 1, framesPerGesture]);
    gaps.push(...gestureGaps);
    painted += paints;
    ms += length;
    await sleep(400);
  }
  const missed = missedFrames(gaps);
  return [{
    figure: 'zoom, a wheel step every frame: frames missed', value: missed, unit: 'frames', budget: 0, op: '≤',
    note: `${gaps.length + missed} frames in ${gestures} gestures (wheel events sent by the page); longest gap ${Math.max(0, ...gaps).toFixed(1)} ms; grids painted during them: ${(painted / (ms / 1000)).toFixed(1)} a second`,
  }];
}

