// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { InspectorCanvas } from '../../src/inspector/InspectorCanvas';
import { createRecordingContext } from '../plot/fakeContext';
import { fakeScreen } from '../plot/fakeScreen';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('InspectorCanvas', () => {
  it('repaints at the new pixel ratio when the window moves to another screen', () => {
    const screen = fakeScreen(1);
    const ctx = createRecordingContext();
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => ctx as never);
    const { getByTestId } = render(<InspectorCanvas width={120} height={80} view={{ x: [-1, 1], y: [-1, 1] }} runs={[]} />);
    const canvas = getByTestId('inspector-canvas') as HTMLCanvasElement;
    expect([canvas.width, canvas.height]).toEqual([120, 80]);
    expect(ctx.named('setTransform').at(-1)?.args).toEqual([1, 0, 0, 1, 0, 0]);
    expect(screen.moveTo(2)).toBeGreaterThan(0);
    // Sharp on the new screen: twice the device pixels, painted again at twice the scale.
    expect([canvas.width, canvas.height]).toEqual([240, 160]);
    expect(ctx.named('setTransform').at(-1)?.args).toEqual([2, 0, 0, 2, 0, 0]);
    expect(screen.watching(2)).toBe(true);
  });
});
