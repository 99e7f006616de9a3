// How quick the machine's memory is right now, in a fresh process: the time
// to touch 256 MB of new pages (a page fault each 4 KB) and to add over a
// 32 MB array three times. The browser figures follow it: a page opening
// maps and fills fresh memory in four processes, while the core benchmark's
// loops live in the cache and barely notice. On these shared machines it
// has been seen to vary from one hour to the next; the table prints it so a
// slow run can be told from a slow app.

import { spawnSync } from 'node:child_process';

const probe = `
function measure() {
  const t0 = performance.now();
  const pages = Buffer.allocUnsafeSlow(256 * 1024 * 1024);
  for (let i = 0; i < pages.length; i += 4096) pages[i] = 1;
  const t1 = performance.now();
  const a = new Float64Array(4 * 1024 * 1024).fill(1);
  const t2 = performance.now();
  let sum = 0;
  for (let k = 0; k < 3; k++) for (let i = 0; i < a.length; i++) sum += a[i];
  const t3 = performance.now();
  return { fault: t1 - t0, pass: t3 - t2, sum };
}
process.stdout.write(JSON.stringify(measure()));
`;

/** Best of three fresh processes: { fault, pass } in ms, or null if it could not run. */
export function measureMemory() {
  let best = null;
  for (let i = 0; i < 3; i++) {
    const run = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    if (run.status !== 0) return best;
    const { fault, pass } = JSON.parse(run.stdout);
    best = best ? { fault: Math.min(best.fault, fault), pass: Math.min(best.pass, pass) } : { fault, pass };
  }
  return best;
}

/** The table's row for one measurement (`when`: 'before' or 'after' the browser measurements). */
export function memoryRow(measured, when) {
  return {
    figure: `machine: touch 256 MB of fresh memory, ${when} (best of 3)`,
    value: measured?.fault ?? NaN,
    unit: 'ms',
    note: measured ? `then 3 passes over 32 MB: ${measured.pass.toFixed(0)} ms` : 'could not run',
  };
}
