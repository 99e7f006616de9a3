/**
 * The inspector panel's table for one run at one step: each row a symbol as
 * the update rule writes it, what it is, and its value in six significant
 * digits. A row's `id` is the symbol id of the formula (symbols.ts), so the
 * two can light each other up. Only numbers the rule uses are listed.
 */
import type { OptimizerConfig } from '../core/types';
import { optimizerDefaults } from '../core';
import type { MessageKey, Translate } from '../i18n';
import type { StepInspection } from '../worker/protocol';
import { formatInspected, formatPair } from './format';
import { effectiveRates } from './stepVectors';
import { carriedState, derivedState, matrixState, symbolIds as S } from './symbols';

export interface PanelRow {
  /** Symbol id shared with the formula (two rows may share one: g and ‖g‖). */
  id: string;
  /** Unique within the table: the row's data-row. */
  name: string;
  /** The symbol as the formula writes it, in plain Unicode. */
  symbol: string;
  /** What the number is, in the page's language. */
  what: string;
  value: string;
}

const stateSymbols: Record<string, string> = {
  velocity: 'v', m: 'm', s: 's', sMax: 'sᵐᵃˣ', u: 'u', mHat: 'm̂', sHat: 'ŝ', delta: 'd', direction: 'p', stepSize: 'α',
};

const hyperparameters = [
  { id: S.beta, symbol: 'β', field: 'beta', what: 'inspector.row.beta' },
  { id: S.beta1, symbol: 'β₁', field: 'beta1', what: 'inspector.row.beta1' },
  { id: S.beta2, symbol: 'β₂', field: 'beta2', what: 'inspector.row.beta2' },
  { id: S.epsilon, symbol: 'ε', field: 'epsilon', what: 'inspector.row.epsilon' },
  { id: S.lambda, symbol: 'λ', field: 'weightDecay', what: 'inspector.row.lambda' },
] as const;

function stateWhat(name: string, optimizer: OptimizerConfig): MessageKey {
  if (name === 's' && optimizer.id === 'adagrad') return 'inspector.row.sSum';
  return `inspector.row.${name}` as MessageKey;
}

/**
 * Rows for a step the run took. `symbols` are the ids the update rule marks
 * (UpdateRule.symbols): state and hyperparameters outside it are left out.
 */
export function stepRows(
  item: StepInspection, optimizer: OptimizerConfig, maximize: boolean, symbols: readonly string[], t: Translate,
): PanelRow[] {
  if (item.kind !== 'step' || !item.from || !item.to || !item.gradient || !item.delta || item.learningRate === null) return [];
  const uses = new Set(symbols);
  const full = { ...optimizerDefaults(optimizer.id), ...optimizer } as Record<string, unknown>;
  const rows: PanelRow[] = [
    { id: S.step, name: 'step', symbol: 't', what: t('inspector.row.step'), value: String(item.step) },
    { id: S.from, name: 'from', symbol: 'xₜ₋₁', what: t('inspector.row.from'), value: formatPair([item.from[0], item.from[1]]) },
    { id: S.fFrom, name: 'f', symbol: 'f(xₜ₋₁)', what: t('inspector.row.f'), value: formatInspected(item.from[2]) },
    {
      id: S.gradient, name: 'gradient', symbol: 'gₜ', what: t(maximize ? 'inspector.row.gradientAscent' : 'inspector.row.gradient'),
      value: formatPair(item.gradient),
    },
    { id: S.gradient, name: 'gradientNorm', symbol: '‖gₜ‖', what: t('inspector.row.gradientNorm'), value: formatInspected(Math.hypot(...item.gradient)) },
  ];
  if (uses.has(S.learningRate)) {
    rows.push({ id: S.learningRate, name: 'learningRate', symbol: 'ηₜ', what: t('inspector.row.learningRate'), value: formatInspected(item.learningRate) });
  }
  for (const h of hyperparameters) {
    const value = full[h.field];
    if (uses.has(h.id) && typeof value === 'number') rows.push({ id: h.id, name: h.field, symbol: h.symbol, what: t(h.what), value: formatInspected(value) });
  }
  for (const name of carriedState) {
    if (!item.after[name] || !uses.has(S.after(name))) continue;
    const what = t(stateWhat(name, optimizer));
    const symbol = stateSymbols[name];
    rows.push(
      { id: S.before(name), name: `${name}-prev`, symbol: `${symbol}ₜ₋₁`, what: t('inspector.before', { what }), value: formatPair(item.before[name]) },
      { id: S.after(name), name, symbol: `${symbol}ₜ`, what: t('inspector.after', { what }), value: formatPair(item.after[name]) },
    );
  }
  // Newton's H before the direction p = H⁻¹g, as the rule writes them.
  const { hessianX, hessianY } = item.after;
  if (hessianX && hessianY && uses.has(S.derived(matrixState.hessianX))) rows.push(...hessianRows(hessianX, hessianY, maximize, t));
  for (const name of derivedState) {
    const value = item.after[name];
    if (!value || !uses.has(S.derived(name))) continue;
    // The line search's step size is one number, stored on both axes.
    const text = name === 'stepSize' ? formatInspected(value[0]) : formatPair(value);
    rows.push({ id: S.derived(name), name, symbol: `${stateSymbols[name]}ₜ`, what: t(stateWhat(name, optimizer)), value: text });
  }
  const rates = effectiveRates(item, optimizer);
  if (rates) rows.push({ id: 'rates', name: 'rates', symbol: rateSymbol(optimizer), what: t('inspector.row.rates'), value: formatPair(rates) });
  rows.push(
    { id: S.delta, name: 'delta', symbol: 'Δx', what: t('inspector.row.dx'), value: formatPair(item.delta) },
    { id: S.to, name: 'to', symbol: 'xₜ', what: t('inspector.row.to'), value: formatPair([item.to[0], item.to[1]]) },
    { id: 'f-next', name: 'fTo', symbol: 'f(xₜ)', what: t('inspector.row.fTo'), value: formatInspected(item.to[2]) },
  );
  return rows;
}

/**
 * Newton's H at xₜ₋₁ (its rows as the core records them) and its eigenvalues,
 * which say what the local quadratic's stationary point is: both positive a
 * minimum, both negative a maximum, mixed signs a saddle (where Newton walks
 * straight in).
 */
function hessianRows(rowX: readonly [number, number], rowY: readonly [number, number], maximize: boolean, t: Translate): PanelRow[] {
  const [a, b] = rowX;
  const c = rowY[1];
  const mean = (a + c) / 2;
  const spread = Math.hypot((a - c) / 2, b);
  const det = a * c - b * b;
  // The larger-magnitude eigenvalue directly, the other from det = λ₁λ₂: mean − spread
  // cancels to nothing for an ill-conditioned H (diag(1e6, 1e−12) would read 0).
  const big = mean + (mean < 0 ? -spread : spread);
  const small = big === 0 ? 0 : det / big;
  const [low, high] = small < big ? [small, big] : [big, small];
  const kind = det < 0 ? 'saddle' : det === 0 ? 'flat' : a + c > 0 ? 'min' : 'max';
  return [
    {
      // Climbing, Newton minimizes −f: the H it used is −∇²f, and the sentences are about that model.
      id: S.derived(matrixState.hessianX), name: 'hessian', symbol: 'H', what: t(maximize ? 'inspector.row.hessianAscent' : 'inspector.row.hessian'),
      value: `(${formatPair([a, b])}, ${formatPair([rowY[0], c])})`,
    },
    {
      id: S.derived(matrixState.hessianX), name: 'hessianEigenvalues', symbol: 'λ(H)', what: t(`inspector.row.hessianEigen.${kind}`),
      value: formatPair([low, high]),
    },
  ];
}

/** How the effective rate is computed, as stepVectors.effectiveRates does. */
function rateSymbol(optimizer: OptimizerConfig): string {
  if (optimizer.id === 'adadelta') return 'η√(uₜ₋₁+ε)/√(sₜ+ε)';
  if (optimizer.id !== 'adam' && optimizer.id !== 'adamw') return 'η/(√sₜ+ε)';
  if (optimizer.biasCorrection ?? true) return 'η/(1−β₁ᵗ)/(√ŝₜ+ε)';
  return optimizer.amsgrad ? 'η/(√sᵐᵃˣₜ+ε)' : 'η/(√sₜ+ε)';
}

/** The sentence shown instead of (or above) the rows when the run took no step t. */
export function stepNotice(item: StepInspection, t: Translate, sentence: (english: string) => string = (english) => english): string | null {
  switch (item.kind) {
    case 'step':
      return null;
    case 'start':
      return t('inspector.start');
    case 'error':
      return t('inspector.error', { message: item.message });
    case 'stopped':
      // The core's own sentence says why (past the 1e6 bound, not finite, f infinite, off the domain).
      if (item.status === 'diverged' && item.stoppedAt === item.step) return item.message ? sentence(item.message) : t('inspector.divergedAt', { step: item.step });
      if (item.stoppedAt === item.step) return t('inspector.stoppedHere', { step: item.step });
      return t('inspector.stoppedBefore', { step: item.stoppedAt });
  }
}

/** Rows for a step the run did not take: where it was, and "diverged" where a step would be. */
export function pointRows(item: StepInspection, t: Translate): PanelRow[] {
  if (!item.from || item.kind === 'step' || item.kind === 'error') return [];
  // A run that stopped before step t has no x_{t−1}; the notice says where it stopped.
  if (item.kind === 'stopped' && item.stoppedAt !== item.step) return [];
  const start = item.kind === 'start';
  const rows: PanelRow[] = [
    { id: S.step, name: 'step', symbol: 't', what: t('inspector.row.step'), value: String(item.step) },
    { id: S.from, name: 'from', symbol: start ? 'x₀' : 'xₜ₋₁', what: t('inspector.row.from'), value: formatPair([item.from[0], item.from[1]]) },
    { id: S.fFrom, name: 'f', symbol: start ? 'f(x₀)' : 'f(xₜ₋₁)', what: t('inspector.row.f'), value: formatInspected(item.from[2]) },
  ];
  if (item.kind === 'stopped' && item.status === 'diverged' && item.stoppedAt === item.step) {
    rows.push({ id: S.delta, name: 'delta', symbol: 'Δx', what: t('inspector.row.dx'), value: t('inspector.diverged') });
  }
  return rows;
}
