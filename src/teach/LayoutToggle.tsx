/**
 * One plot with every run, or one small plot per run. Two pressed-state
 * buttons rather than a checkbox: both choices stay visible, so a learner
 * sees the other layout exists.
 */
import { memo } from 'react';
import { useT } from '../i18n';
import { useTeachStore, type PlotLayout } from './teachStore';
import './teach.css';

const choices: ReadonlyArray<{ layout: PlotLayout; key: 'teach.layout.single' | 'teach.layout.multiples' }> = [
  { layout: 'single', key: 'teach.layout.single' },
  { layout: 'multiples', key: 'teach.layout.multiples' },
];

/** Memoised: it reads the store itself, so the plot column's re-renders (every zoom step) pass it by. */
export const LayoutToggle = memo(function LayoutToggle() {
  const t = useT();
  const layout = useTeachStore((s) => s.layout);
  const setLayout = useTeachStore((s) => s.setLayout);
  return (
    <div className="teach-toggle" role="group" aria-label={t('teach.layout.label')} data-testid="layout-toggle">
      {choices.map((choice) => (
        <button
          key={choice.layout}
          type="button"
          aria-pressed={layout === choice.layout}
          onClick={() => setLayout(choice.layout)}
          data-testid={`layout-${choice.layout}`}
        >
          {t(choice.key)}
        </button>
      ))}
    </div>
  );
});
