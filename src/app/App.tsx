/** The page: header, the plot with its playback bar and loss chart, and the controls. */
import { useState } from 'react';
import { PlotPanel } from './PlotPanel';
import { useAnimation } from './useAnimation';
import { useKeyboard } from './useKeyboard';
import { useT } from '../i18n';
import { LanguageSwitch } from '../controls/LanguageSwitch';
import { Notices } from '../controls/Notices';
import { PresetNote } from '../teach/PresetNote';
import { useNarrowLayout } from './useNarrowLayout';
import { PresetMenu } from '../controls/PresetMenu';
import { ShareMenu } from '../controls/ShareMenu';
import { useAfterFirstPicture } from './useAfterFirstPicture';
import { ChunkBoundary } from './ChunkBoundary';
import { useChunk } from './useChunk';
import { loadFormulaEngine } from '../state/formulaEngine';

// The column lets a reader type a surface: the formula engine (state/formulaEngine.ts) comes with it.
// Without it the column still comes; a typed f then says the engine could not be loaded.
const loadColumn = () => Promise.all([import('./SettingsColumn'), loadFormulaEngine().catch(() => undefined)]).then(([column]) => column);

export function App() {
  useAnimation();
  useKeyboard();
  const t = useT();
  const narrow = useNarrowLayout();
  // The settings column (its own 360 px, so nothing moves) is built once the
  // plot's first picture is drawn: on a cold open it is half of React's first
  // render, and the picture is what the reader looks at first.
  const settings = useAfterFirstPicture();
  // The column is a chunk of its own, asked for then (useChunk: not React.lazy).
  const { module: column, failed: columnMissing } = useChunk(loadColumn, settings);
  const SettingsColumn = column?.default ?? null;
  // A render error inside it shows the boundary's fallback instead.
  const [columnBroke, setColumnBroke] = useState(false);
  const columnFailed = columnMissing || columnBroke;
  // Busy until the column's controls are in the page.
  const [columnShown, setColumnShown] = useState(false);
  return (
    <div className="app">
      <header className="app-header">
        <h1>
          <img src="./favicon.svg" alt="" width={24} height={24} /> Optiscope
        </h1>
        <p className="tagline">{t('app.tagline')}</p>
        <PresetMenu />
        <ShareMenu />
        <LanguageSwitch />
      </header>
      <Notices />
      {/* Focusable from script only: where focus goes when the last notice above is closed. */}
      <main className="app-main" tabIndex={-1}>
        <PlotPanel />
        <aside className="controls" aria-label={t('app.settings')} aria-busy={!columnShown && !columnFailed}>
          {/* Beside the plot, not above it: it appears after the first picture, and above it pushed the plot down then.
              In one column it sits under the runs' colour key instead (PlotControls). */}
          {!narrow && <PresetNote />}
          {/* The chunk did not load (a render error inside it shows the boundary's fallback instead). */}
          {columnFailed && !SettingsColumn && <p className="hint">{t('app.partFailed')}</p>}
          {SettingsColumn && (
            <ChunkBoundary fallback={<p className="hint">{t('app.partFailed')}</p>} onFailed={() => setColumnBroke(true)}>
              <SettingsColumn onShown={setColumnShown} />
            </ChunkBoundary>
          )}
        </aside>
      </main>
    </div>
  );
}
