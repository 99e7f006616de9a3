/**
 * The start point as a real button over the plot: drag it (mouse, pen or
 * touch) to move the start continuously, or focus it and use the arrow keys
 * (Shift for larger steps). It lives outside the SVG, which is role="img"
 * and so may not contain interactive elements, and outside d3-zoom's area,
 * so dragging it never pans.
 */
import { type KeyboardEvent, memo, type PointerEvent, useEffect, useLayoutEffect, useRef } from 'react';
import type { Vec2, ViewBox } from '../core/types';
import { formatValue } from './format';
import { pixelToSurface, surfaceToPixel } from './scales';
import { useDisplayView, type LiveView } from './liveView';

export interface StartHandleProps {
  start: Vec2;
  /** The displayed view and the plotting area's size in CSS pixels. */
  view: ViewBox;
  /** A gesture's view kept outside React, which then stands for `view` (liveView.ts). */
  live?: LiveView;
  width: number;
  height: number;
  onMove: (x: number, y: number) => void;
  /** Accessible name; the coordinates are appended. */
  label?: string;
}

/** Arrow keys move the start by this fraction of the view (ten times more with Shift). */
const keyStep = 0.01;

/** Memoised: a new grid leaves the handle where it is. */
export const StartHandle = memo(function StartHandle({ start, live, width, height, onMove, label = 'Start point', ...props }: StartHandleProps) {
  const view = useDisplayView(live, props.view);
  const dragging = useRef(false);
  const pending = useRef<Vec2 | null>(null);
  const frame = useRef(0);
  const onMoveRef = useRef(onMove);
  useLayoutEffect(() => {
    onMoveRef.current = onMove;
  });

  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const [px, py] = surfaceToPixel(view, width, height, start[0], start[1]);
  if (!(px >= 0 && px <= width && py >= 0 && py <= height)) return null;

  // Many pointer moves per frame would each start a new set of runs; send the latest once per frame.
  const send = (point: Vec2) => {
    pending.current = point;
    if (frame.current !== 0) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const p = pending.current;
      pending.current = null;
      if (p) onMoveRef.current(p[0], p[1]);
    });
  };

  const pointAt = (event: PointerEvent<HTMLButtonElement>): Vec2 => {
    const box = event.currentTarget.parentElement?.getBoundingClientRect();
    const left = box?.left ?? 0;
    const top = box?.top ?? 0;
    const sx = box && box.width > 0 ? width / box.width : 1;
    const sy = box && box.height > 0 ? height / box.height : 1;
    const x = Math.min(width, Math.max(0, (event.clientX - left) * sx));
    const y = Math.min(height, Math.max(0, (event.clientY - top) * sy));
    return pixelToSurface(view, width, height, x, y);
  };

  const onPointerDown = (event: PointerEvent<HTMLButtonElement>) => {
    if (event.button !== 0) return;
    dragging.current = true;
    event.currentTarget.setPointerCapture?.(event.pointerId);
    event.preventDefault();
  };
  const onPointerMove = (event: PointerEvent<HTMLButtonElement>) => {
    if (dragging.current) send(pointAt(event));
  };
  const onPointerUp = (event: PointerEvent<HTMLButtonElement>) => {
    if (!dragging.current) return;
    dragging.current = false;
    event.currentTarget.releasePointerCapture?.(event.pointerId);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const dx = { ArrowLeft: -1, ArrowRight: 1 }[event.key] ?? 0;
    const dy = { ArrowDown: -1, ArrowUp: 1 }[event.key] ?? 0;
    if (dx === 0 && dy === 0) return;
    event.preventDefault();
    const step = event.shiftKey ? keyStep * 10 : keyStep;
    onMove(
      start[0] + dx * step * (view.x[1] - view.x[0]),
      start[1] + dy * step * (view.y[1] - view.y[0]),
    );
  };

  return (
    <button
      type="button"
      className="plot-start-handle"
      style={{ left: `${px}px`, top: `${py}px` }}
      aria-label={`${label} (${formatValue(start[0], 3)}, ${formatValue(start[1], 3)})`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
});
