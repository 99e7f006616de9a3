import { describe, expect, it } from 'vitest';
import { fadedColor, paintLossChart, rawOpacity } from '../../src/plot/paintLossChart';
import type { PaintedRun } from '../../src/plot/paintTrajectories';
import { createRecordingContext } from './fakeContext';

function lossRun(losses: number[], color = '#0072B2'): PaintedRun {
  const points = new Float64Array(losses.length * 3);
  losses.forEach((f, k) => points.set([k, 0, f], 3 * k));
  return { points, count: losses.length, color, status: 'budget' };
}

interface StrokedPath {
  style: unknown;
  width: number;
  vertices: Array<[number, number]>;
}

/** Every stroked path with its colour, width and vertices (the moveTo/lineTo calls since its beginPath). */
function strokedPaths(ctx: ReturnType<typeof createRecordingContext>): StrokedPath[] {
  const out: StrokedPath[] = [];
  let vertices: Array<[number, number]> = [];
  for (const call of ctx.calls) {
    if (call.name === 'beginPath') vertices = [];
    if (call.name === 'moveTo' || call.name === 'lineTo') vertices.push(call.args as [number, number]);
    if (call.name === 'stroke') out.push({ style: call.strokeStyle, width: call.lineWidth, vertices });
  }
  return out;
}

// A noisy descent: the average should run through the middle of the zig-zag.
const noisy = Array.from({ length: 60 }, (_, k) => 10 / (k + 1) + 1 + (k % 2 === 0 ? 0.8 : -0.8));

describe('paintLossChart smoothing', () => {
  it('draws one line per run in its colour when smoothing is off', () => {
    const ctx = createRecordingContext();
    paintLossChart(ctx, { runs: [lossRun(noisy)], width: 400, height: 200, upTo: Infinity, smoothing: null });
    const runs = strokedPaths(ctx).filter((p) => p.vertices.length > 10);
    expect(runs).toHaveLength(1);
    expect(runs[0].style).toBe('#0072B2');
  });

  it('draws the raw curve faint and thin, then the smoothed one bold in the run colour', () => {
    const ctx = createRecordingContext();
    paintLossChart(ctx, {
      runs: [lossRun(noisy), lossRun(noisy, '#D55E00')], width: 400, height: 200, upTo: Infinity,
      smoothing: { beta: 0.9, biasCorrection: true },
    });
    const runs = strokedPaths(ctx).filter((p) => p.vertices.length > 10);
    expect(runs.map((p) => p.style)).toEqual([
      fadedColor('#0072B2', rawOpacity), '#0072B2', fadedColor('#D55E00', rawOpacity), '#D55E00',
    ]);
    expect(fadedColor('#0072B2', rawOpacity)).toBe('rgba(0, 114, 178, 0.3)');
    expect(runs[0].width).toBeLessThan(runs[1].width);
    // The smoothed line zig-zags far less than the raw one.
    const wiggle = (p: StrokedPath) => p.vertices.slice(20).reduce((sum, v, k, all) => (k ? sum + Math.abs(v[1] - all[k - 1][1]) : 0), 0);
    expect(wiggle(runs[1])).toBeLessThan(wiggle(runs[0]) / 4);
  });

  it('starts the uncorrected average far below the first loss and the corrected one on it', () => {
    const paint = (biasCorrection: boolean) => {
      const ctx = createRecordingContext();
      paintLossChart(ctx, { runs: [lossRun(noisy)], width: 400, height: 200, upTo: Infinity, smoothing: { beta: 0.9, biasCorrection } });
      return strokedPaths(ctx).filter((p) => p.vertices.length > 10);
    };
    const [raw, corrected] = paint(true);
    const [, uncorrected] = paint(false);
    // Pixel y grows downwards: the same first point for the corrected average, lower (larger y) without.
    expect(corrected.vertices[0][1]).toBeCloseTo(raw.vertices[0][1], 6);
    expect(uncorrected.vertices[0][1]).toBeGreaterThan(raw.vertices[0][1] + 50);
  });

  it('treats β = 0 as no smoothing', () => {
    const ctx = createRecordingContext();
    paintLossChart(ctx, { runs: [lossRun(noisy)], width: 400, height: 200, upTo: Infinity, smoothing: { beta: 0, biasCorrection: true } });
    const runs = strokedPaths(ctx).filter((p) => p.vertices.length > 10);
    expect(runs.map((p) => p.style)).toEqual(['#0072B2']);
  });

  it('smooths only the steps replayed so far, the same prefix a full replay shows', () => {
    const full = createRecordingContext();
    paintLossChart(full, { runs: [lossRun(noisy)], width: 400, height: 200, upTo: Infinity, smoothing: { beta: 0.8, biasCorrection: false } });
    const part = createRecordingContext();
    paintLossChart(part, { runs: [lossRun(noisy)], width: 400, height: 200, upTo: 20, smoothing: { beta: 0.8, biasCorrection: false } });
    const fullSmoothed = strokedPaths(full).filter((p) => p.vertices.length > 10)[1];
    const partSmoothed = strokedPaths(part).filter((p) => p.vertices.length > 10)[1];
    expect(partSmoothed.vertices).toHaveLength(21);
    expect(partSmoothed.vertices).toEqual(fullSmoothed.vertices.slice(0, 21));
  });
});
