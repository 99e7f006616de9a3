/**
 * An update rule typeset by KaTeX (fetched on first use), whose symbols light
 * up with the panel's numbers: `highlight` lights every span marked
 * data-sym="<id>", and pointing at such a span reports its id.
 * KaTeX writes into an element React leaves empty, so the two never fight.
 */
import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { useT } from '../i18n';
import { katexOptions, loadKatex } from './katexLoader';

export interface FormulaViewProps {
  tex: string;
  highlight: string | null;
  onHighlight(id: string | null): void;
}

/** Class that marks a lit symbol, in the formula and in the panel. */
export const litClass = 'is-lit';

export function FormulaView({ tex, highlight, onHighlight }: FormulaViewProps) {
  const t = useT();
  const target = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [rendered, setRendered] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    loadKatex().then(
      (katex) => {
        if (!live || !target.current) return;
        try {
          katex.render(tex, target.current, katexOptions);
          setRendered(tex);
          setStatus('ready');
        } catch {
          setStatus('failed');
        }
      },
      () => live && setStatus('failed'),
    );
    return () => {
      live = false;
    };
  }, [tex]);

  useEffect(() => {
    const root = target.current;
    if (!root) return;
    for (const lit of root.querySelectorAll(`.${litClass}`)) lit.classList.remove(litClass);
    if (highlight === null) return;
    for (const el of root.querySelectorAll('[data-sym]')) {
      if (el.getAttribute('data-sym') === highlight) el.classList.add(litClass);
    }
  }, [highlight, rendered]);

  const onPointerOver = (event: PointerEvent<HTMLDivElement>) => {
    const marked = (event.target as Element).closest?.('[data-sym]');
    onHighlight(marked && target.current?.contains(marked) ? marked.getAttribute('data-sym') : null);
  };

  return (
    <div className="inspector-formula" data-testid="inspector-formula" data-status={status}>
      {status !== 'ready' ? (
        <p className="inspector-muted" role="status">
          {status === 'loading' ? t('inspector.formulaLoading') : t('inspector.formulaFailed')}
        </p>
      ) : null}
      <div ref={target} className="inspector-tex" onPointerOver={onPointerOver} onPointerLeave={() => onHighlight(null)} />
    </div>
  );
}
