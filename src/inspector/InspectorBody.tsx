/**
 * The open inspector (loaded on first open, see InspectorPanel): a run
 * picker, the numbers of the inspected step for that run, and its update
 * rule typeset with the symbols tied to the numbers.
 */
import { useMemo } from 'react';
import { useAppStore } from '../state/store';
import { selectSimulationConfigs, selectVisibleRuns } from '../state/selectors';
import { useLanguage, useT } from '../i18n';
import { translateSentence } from '../i18n/sentences';
import { answerFor, inspectedStep, useInspector } from './inspectorStore';
import { useInspectionRequests } from './useInspectionRequests';
import type { WorkerLike } from '../worker/client';
import { updateRule } from './formulas';
import { pointRows, stepNotice, stepRows, type PanelRow } from './panelRows';
import { FormulaView, litClass } from './FormulaView';
import './inspector.css';

export interface InspectorBodyProps {
  /** Test seam: the worker the inspector talks to (a real one by default). */
  createWorker?: () => WorkerLike;
}

export function InspectorBody({ createWorker }: InspectorBodyProps = {}) {
  useInspectionRequests({ createWorker });
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const runs = useAppStore(selectVisibleRuns);
  const configs = useAppStore((s) => selectSimulationConfigs(s.scene));
  const maximize = useAppStore((s) => s.scene.maximize);
  const step = useAppStore((s) => inspectedStep(s.playback, s.scene.steps));
  const { answer, selected, highlight, error, select, setHighlight } = useInspector();

  const run = runs.find((r) => r.key === selected) ?? runs[0];
  const item = run ? answerFor(answer, step, configs, run.key) : null;
  const rule = useMemo(() => (run ? updateRule(run.optimizer, maximize) : null), [run, maximize]);
  const rows: PanelRow[] = item && run && rule
    ? item.kind === 'step' ? stepRows(item, run.optimizer, maximize, rule.symbols, t) : pointRows(item, t)
    : [];
  const notice = item ? stepNotice(item, t, (english) => translateSentence(lang, english)) : null;

  if (!run || !rule) return <p className="inspector-muted">{t('inspector.noRuns')}</p>;
  return (
    <div className="inspector-body">
      <div className="inspector-head">
        <label className="field">
          {t('inspector.run')}
          <select value={run.key} onChange={(e) => select(e.target.value)} data-testid="inspector-run">
            {runs.map((r) => (
              <option key={r.key} value={r.key}>{r.label}</option>
            ))}
          </select>
        </label>
        <output className="inspector-step" data-testid="inspector-step">
          {step === null ? t('inspector.playing') : item ? t('inspector.step', { step }) : t('inspector.loading', { step })}
        </output>
      </div>
      {error ? <p className="inspector-error" role="alert">{error}</p> : null}
      {notice ? <p className="inspector-notice" data-testid="inspector-notice">{notice}</p> : null}
      {rows.length > 0 ? (
        <div className="inspector-table-wrap">
          <table className="inspector-table" data-testid="inspector-table" onPointerLeave={() => setHighlight(null)}>
            <caption className="visually-hidden">{t('inspector.numbers', { step: step ?? 0, run: run.label })}</caption>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={row.name}
                  data-row={row.name}
                  data-sym={row.id}
                  className={highlight === row.id ? litClass : undefined}
                  tabIndex={0}
                  onPointerEnter={() => setHighlight(row.id)}
                  onFocus={() => setHighlight(row.id)}
                  onBlur={() => setHighlight(null)}
                >
                  <th scope="row" className="inspector-symbol">{row.symbol}</th>
                  <td className="inspector-value" data-testid={`inspector-value-${row.name}`}>{row.value}</td>
                  <td className="inspector-what">{row.what}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <h3 className="inspector-subhead">{t('inspector.formula')}</h3>
      <FormulaView tex={rule.tex} highlight={highlight} onHighlight={setHighlight} />
      <p className="inspector-muted">{t('inspector.hoverHint')}</p>
      <details className="inspector-conventions" open>
        <summary>{t('inspector.conventions')}</summary>
        <ul>
          {rule.conventions.map((sentence, i) => (
            <li key={i}>{sentence[lang]}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}
