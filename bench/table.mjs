// The one table `npm run bench` prints: figure, value, budget, result, and
// the machine it was measured on. Rows: { figure, value, unit, budget?, op?, note?, fail? }.

import os from 'node:os';

const decimals = { ms: 1, KB: 1, MB: 1, '×': 2, 'M steps/s': 2, frames: 0 };

function format(value, unit) {
  if (!Number.isFinite(value)) return '—';
  const text = value.toFixed(decimals[unit] ?? 1);
  return unit === '×' ? text : `${text} ${unit}`;
}

/** 'pass', 'FAIL', or '' for a row without a budget. */
export function verdict(row) {
  if (row.fail) return 'FAIL';
  if (row.budget === undefined) return '';
  if (!Number.isFinite(row.value)) return 'FAIL';
  const ok = row.op === '≥' ? row.value >= row.budget : row.value <= row.budget;
  return ok ? 'pass' : 'FAIL';
}

export function machine(chromium) {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown CPU',
    cores: cpus.length,
    node: process.version,
    chromium,
    load: os.loadavg()[0],
  };
}

function cells(row) {
  const budget = row.budget === undefined ? '' : `${row.op} ${format(row.budget, row.unit)}`;
  const note = [row.note, row.fail].filter(Boolean).join('; ');
  return [row.figure, format(row.value, row.unit), budget, verdict(row), note];
}

/** Prints the table; returns whether every budget holds. */
export function printTable(rows, { chromium, loadBefore } = {}) {
  const m = machine(chromium);
  const load = loadBefore === undefined ? m.load.toFixed(2) : `${loadBefore.toFixed(2)} before, ${m.load.toFixed(2)} after`;
  const header = ['figure', 'value', 'budget', 'result', 'note'];
  const body = rows.map(cells);
  const widths = header.slice(0, 4).map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (r) => [...r.slice(0, 4).map((c, i) => c.padEnd(widths[i])), r[4]].join('  ').trimEnd();
  console.log(`\nOptiscope speed budgets — ${m.cpu}, ${m.cores} cores, Node ${m.node}, Chromium ${m.chromium ?? 'not run'}`);
  console.log(`headless, 1280×800; load average ${load} (1 min; other work on the machine inflates the figures)\n`);
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w)).concat('')));
  for (const r of body) console.log(line(r));
  const failed = rows.filter((row) => verdict(row) === 'FAIL');
  console.log(failed.length ? `\n${failed.length} budget(s) missed: ${failed.map((r) => r.figure).join('; ')}` : '\nEvery budget holds.');
  return failed.length === 0;
}

/** The same table in Markdown, for README.md's Benchmarks section. */
export function markdownTable(rows, { chromium } = {}) {
  const m = machine(chromium);
  const lines = [
    `${m.cpu}, ${m.cores} cores, Node ${m.node}, Chromium ${m.chromium ?? 'not run'}, load average ${m.load.toFixed(1)}:`,
    '',
    '| figure | value | budget | result | note |',
    '|---|---|---|---|---|',
    ...rows.map((row) => `| ${cells(row).map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`),
  ];
  return lines.join('\n');
}
