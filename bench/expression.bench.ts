/**
 * Expression benchmark: steps per second of `simulate` on a typed-in surface
 * (parsed, compiled, differentiated by forward-mode AD) next to the same
 * surface hand-written, in the same process. Budget (issue 7): the compiled
 * expression at least a quarter as fast as the hand-written surface.
 * Rounds alternate between the two sides so a busy machine slows both alike.
 * The compiled surface caches its last point (src/core/expression/pointCache.ts);
 * runs are kept short so the timed steps move and the cache only saves the
 * second pass at each new point, never a whole step.
 * Run with `npx tsx bench/expression.bench.ts [surface] [optimizer]` (the
 * optional arguments keep only the matching cases).
 */
import os from 'node:os';
import { createSimulation, createSurface, type OptimizerId, type SurfaceSpec, type Vec2, type ViewBox } from '../src/core';

const steps = 100_000;
const rounds = 9;
const budget = 0.25;

const cases: Array<{ id: 'ellipse' | 'rosenbrock' | 'himmelblau' | 'bumpy'; expression: string }> = [
  { id: 'ellipse', expression: 'x^2/20 + y^2' },
  { id: 'rosenbrock', expression: '(1 - x)^2 + 100*(y - x^2)^2' },
  { id: 'himmelblau', expression: '(x^2 + y - 11)^2 + (x + y^2 - 7)^2' },
  { id: 'bumpy', expression: 'x*cos(pi*x) + y*cos(pi*y)' },
];

/** Learning rates that keep each run on its surface for the whole budget. */
const learningRates: Record<string, Partial<Record<OptimizerId, number>>> = {
  ellipse: { gd: 0.1, adam: 0.1, newton: 0.1 },
  rosenbrock: { gd: 2e-4, adam: 0.01, newton: 0.1 },
  himmelblau: { gd: 0.002, adam: 0.05, newton: 0.1 },
  bumpy: { gd: 0.01, adam: 0.01, newton: 0.1 },
};
const optimizers: OptimizerId[] = ['gd', 'adam', 'newton'];

/**
 * CPU time of this process, not wall time: on a machine shared with other
 * work, wall time counts the moments this process waited for a core.
 */
function cpuMilliseconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Runs are short and start from a 4 × 4 grid over the view, so nearly every timed step still moves. */
const runLength = 200;

function startsIn(view: ViewBox): Vec2[] {
  const starts: Vec2[] = [];
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) {
      starts.push([
        view.x[0] + ((i + 0.5) / 4) * (view.x[1] - view.x[0]),
        view.y[0] + ((j + 0.5) / 4) * (view.y[1] - view.y[0]),
      ]);
    }
  }
  return starts;
}

/** Runs from each start in turn until `steps` steps are done; returns the steps and the iterates of the last lap. */
function run(surface: SurfaceSpec, id: OptimizerId, learningRate: number, starts: Vec2[]): { done: number; paths: Float64Array[] } {
  let done = 0;
  const paths: Float64Array[] = [];
  for (let k = 0; done < steps; k++) {
    const start = starts[k % starts.length];
    const simulation = createSimulation({ surface, optimizer: { id, learningRate }, start, steps: runLength });
    const path = simulation.advance(runLength);
    if (k < starts.length) paths.push(path);
    done += Math.max(simulation.steps, 1);
  }
  return { done, paths };
}

/**
 * The share of steps that landed exactly where the previous one was. The
 * compiled surface answers a repeated point from its cache, so a run parked
 * on a fixed point would flatter it; this shows that the timed steps move.
 */
function parkedShare(paths: Float64Array[]): number {
  let parked = 0;
  let total = 0;
  for (const path of paths) {
    for (let k = 3; k < path.length; k += 3) {
      total++;
      if (path[k] === path[k - 3] && path[k + 1] === path[k - 2]) parked++;
    }
  }
  return total ? parked / total : 0;
}

function measure(builtin: SurfaceSpec, custom: SurfaceSpec, id: OptimizerId, learningRate: number, starts: Vec2[]) {
  const time = (spec: SurfaceSpec) => {
    const t0 = cpuMilliseconds();
    const { done } = run(spec, id, learningRate, starts);
    return done / (cpuMilliseconds() - t0);
  };
  const parked = parkedShare(run(custom, id, learningRate, starts).paths);
  time(builtin);
  let builtinRate = 0;
  let customRate = 0;
  for (let r = 0; r < rounds; r++) {
    builtinRate = Math.max(builtinRate, time(builtin));
    customRate = Math.max(customRate, time(custom));
  }
  return { builtinRate, customRate, parked };
}

const [onlySurface, onlyOptimizer] = process.argv.slice(2);
const rows: string[][] = [];
let failures = 0;
const chosen = onlySurface ? onlySurface.split(',').map((name) => cases.find((c) => c.id === name)!) : cases;
for (const { id, expression } of chosen) {
  const hand = createSurface(id);
  const custom: SurfaceSpec = { id: 'custom', expression, view: hand.view, start: hand.start };
  for (const optimizer of optimizers.filter((o) => !onlyOptimizer || o === onlyOptimizer)) {
    const { builtinRate, customRate, parked } = measure(id, custom, optimizer, learningRates[id][optimizer]!, startsIn(hand.view));
    const ratio = customRate / builtinRate;
    if (ratio < budget) failures++;
    rows.push([
      `${id} · ${optimizer}`,
      expression,
      `${(builtinRate / 1000).toFixed(2)} M/s`,
      `${(customRate / 1000).toFixed(2)} M/s`,
      ratio.toFixed(2),
      `${(parked * 100).toFixed(1)}%`,
      ratio >= budget ? 'pass' : 'FAIL',
    ]);
  }
}

const header = ['surface · optimizer', 'typed as', 'hand-written', 'compiled', 'ratio', 'parked', `≥ ${budget}`];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
console.log(`Expression benchmark — ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}`);
console.log(`${steps.toLocaleString('en')} steps of simulate per timing (CPU time) in runs of ${runLength} from 16 starts, best of ${rounds}, rounds alternating`);
console.log('parked: share of steps that did not move (answered from the point cache)\n');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
if (failures) {
  console.log(`\n${failures} case(s) below budget.`);
  process.exitCode = 1;
}
