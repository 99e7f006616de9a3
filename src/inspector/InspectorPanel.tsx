/**
 * The step inspector: a button that opens it, and, once open, the numbers of
 * the inspected step with the update rule (InspectorBody, fetched on first
 * open together with the plot layer and the inspector's styles, and KaTeX
 * after it). Only this button is in the page's first load.
 */
import { lazy, Suspense } from 'react';
import { useT } from '../i18n';
import { useInspector } from './inspectorStore';

const InspectorBody = lazy(() => import('./InspectorBody').then((m) => ({ default: m.InspectorBody })));

export function InspectorPanel() {
  const t = useT();
  const open = useInspector((s) => s.open);
  const setOpen = useInspector((s) => s.setOpen);
  return (
    <section className="inspector panel" aria-label={t('inspector.region')} data-testid="inspector">
      <button
        type="button"
        className="inspector-toggle"
        aria-expanded={open}
        aria-controls="inspector-content"
        onClick={() => setOpen(!open)}
        data-testid="inspector-toggle"
      >
        {open ? '▾' : '▸'} {t('inspector.toggle')}
      </button>
      {open ? (
        <div id="inspector-content">
          <Suspense fallback={<p className="inspector-muted">{t('inspector.opening')}</p>}>
            <InspectorBody />
          </Suspense>
        </div>
      ) : null}
    </section>
  );
}
