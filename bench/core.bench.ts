/**
 * Core benchmark: steps per second of `simulate` for every optimizer on
 * `bumpy`, next to a hand-written loop of the same update, measured in the
 * same process, in CPU time. Budget: the core at least half as fast as the
 * hand loop (the median ratio of back-to-back pairs, see paired).
 * `npm run bench` bundles it with Vite (as the worker is bundled) and reads
 * its figures from the file named by OPTISCOPE_BENCH_JSON. `npx tsx
 * bench/core.bench.ts` runs it too, but tsx wraps every closure it creates
 * to keep its name, which slows a run's setup: line search, whose runs on
 * bumpy end after a few steps, then reads ~1.5× slower than it is.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { createSimulation, optimizerIds, type OptimizerId } from '../src/core';
import { handLoop, learningRate } from './handLoops';

const steps = 100_000;
const rounds = 9;

/**
 * CPU time of this process in ms. Wall time on a machine shared with other
 * work counts the time other processes held the core; the CPU time of a
 * single-threaded loop is the loop's own work.
 */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

interface Paired {
  /** The best round of each side. */
  best: [{ ms: number; steps: number }, { ms: number; steps: number }];
  /** The median over rounds of a's rate ÷ b's, each pair timed back to back. */
  ratio: number;
}

/**
 * `rounds` pairs of runs, a then b and b then a in turns. The ratio is the
 * median of the pairs' ratios: each pair meets the same spell of the
 * machine. Taken as the best of each side apart, the two bests could come
 * from different spells: on a shared machine whose speed wobbled by a factor
 * of two within seconds, nesterov read 0.53 once (its loop's best from a
 * quick spell, simulate's from a slow one) where every other run read 0.71–0.78.
 */
function paired(a: () => number, b: () => number): Paired {
  const best: Paired['best'] = [{ ms: Infinity, steps: 0 }, { ms: Infinity, steps: 0 }];
  const ratios: number[] = [];
  const sides = [a, b];
  for (let r = 0; r < rounds; r++) {
    const rate = [0, 0];
    for (const side of r % 2 === 0 ? [0, 1] : [1, 0]) {
      const t0 = cpuMs();
      const steps = sides[side]();
      const ms = cpuMs() - t0;
      rate[side] = steps / ms;
      if (ms < best[side].ms) best[side] = { ms, steps };
    }
    ratios.push(rate[0] / rate[1]);
  }
  ratios.sort((x, y) => x - y);
  return { best, ratio: ratios[(rounds - 1) >> 1] };
}

/**
 * Repeat runs from the start until `steps` steps are done in all, so an
 * optimizer that stops early (line search stalls at a minimum) is still timed
 * over the same amount of work on both sides.
 */
function repeatUntil(total: number, one: (budget: number) => number): number {
  let done = 0;
  while (done < total) {
    const taken = one(total - done);
    done += Math.max(taken, 1);
  }
  return done;
}

function measure(id: OptimizerId) {
  const hand = handLoop(id);
  const out = new Float64Array(steps * 3);
  const core = () =>
    repeatUntil(steps, (budget) => {
      const run = createSimulation({ surface: 'bumpy', optimizer: { id, learningRate: learningRate[id] }, steps: budget });
      run.advance(budget);
      return run.steps;
    });
  const handRun = () => repeatUntil(steps, (budget) => hand(budget, out));
  // Warm both paths so the JIT has compiled them before timing.
  core();
  handRun();
  const { best: [c, h], ratio } = paired(core, handRun);
  return { coreRate: c.steps / c.ms, handRate: h.steps / h.ms, ratio };
}

const rows: string[][] = [];
const figures: Array<{ id: OptimizerId; coreRate: number; handRate: number; ratio: number }> = [];
let failures = 0;
for (const id of optimizerIds) {
  const { coreRate, handRate, ratio } = measure(id);
  figures.push({ id, coreRate: coreRate * 1000, handRate: handRate * 1000, ratio });
  const pass = ratio >= 0.5;
  if (!pass) failures++;
  rows.push([
    id,
    `${((coreRate * 1000) / 1e6).toFixed(2)} M/s`,
    `${((handRate * 1000) / 1e6).toFixed(2)} M/s`,
    ratio.toFixed(2),
    '≥ 0.50',
    pass ? 'pass' : 'FAIL',
  ]);
}

const header = ['optimizer (bumpy)', 'simulate', 'hand loop', 'speed ratio', 'budget', 'result'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
console.log(`Core benchmark — ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}`);
console.log(`${steps.toLocaleString('en')} steps per run, CPU time: rates the best of ${rounds}, ratio the median of ${rounds} back-to-back pairs\n`);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
if (process.env.OPTISCOPE_BENCH_JSON) writeFileSync(process.env.OPTISCOPE_BENCH_JSON, JSON.stringify(figures));
if (failures) {
  console.log(`\n${failures} optimizer(s) below budget.`);
  process.exitCode = 1;
}
