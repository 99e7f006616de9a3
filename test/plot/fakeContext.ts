/** A 2D context that records what the painters ask of it. */
export interface Call {
  name: string;
  args: unknown[];
  /** strokeStyle / fillStyle / lineWidth / globalCompositeOperation at the time of the call. */
  strokeStyle: unknown;
  fillStyle: unknown;
  lineWidth: number;
  globalCompositeOperation: string;
}

export function createRecordingContext() {
  const calls: Call[] = [];
  const ctx = {
    strokeStyle: '#000' as unknown,
    fillStyle: '#000' as unknown,
    lineWidth: 1,
    globalCompositeOperation: 'source-over',
    lineJoin: 'miter',
    lineCap: 'butt',
    font: '10px sans-serif',
    textAlign: 'start',
    textBaseline: 'alphabetic',
    calls,
    count(name: string) {
      return calls.filter((c) => c.name === name).length;
    },
    named(name: string) {
      return calls.filter((c) => c.name === name);
    },
  };
  const methods = ['beginPath', 'moveTo', 'lineTo', 'arc', 'stroke', 'fill', 'clearRect', 'save', 'restore', 'closePath', 'fillText', 'setTransform', 'rect', 'clip', 'drawImage'];
  for (const name of methods) {
    (ctx as Record<string, unknown>)[name] = (...args: unknown[]) => {
      calls.push({
        name, args, strokeStyle: ctx.strokeStyle, fillStyle: ctx.fillStyle, lineWidth: ctx.lineWidth,
        globalCompositeOperation: ctx.globalCompositeOperation,
      });
    };
  }
  // The painters type their context narrowly; the fake satisfies it at run time.
  return ctx as typeof ctx & CanvasRenderingContext2D;
}

/** x, y, f interleaved from a list of points. */
export function pointsOf(list: Array<[number, number, number?]>): Float64Array {
  const out = new Float64Array(list.length * 3);
  list.forEach(([x, y, f = x * x + y * y], k) => out.set([x, y, f], 3 * k));
  return out;
}
