/** The page: header, the plot with its playback bar and loss chart, and the controls. */
import { useEffect, useState, type ComponentType } from 'react';
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
import { appStore } from '../state/store';
import { translate } from '../i18n';

type Column = ComponentType<{ onShown(shown: true): void }>;

export function App() {
  useAnimation();
  useKeyboard();
  const t = useT();
  const narrow = useNarrowLayout();
  // The settings column (its own 360 px, so nothing moves) is built once the
  // plot's first picture is drawn: on a cold open it is half of React's first
  // render, and the picture is what the reader looks at first.
  const settings = useAfterFirstPicture();
  // The column is a chunk of its own, asked for then. Not React.lazy: a lazy
  // component's retry after its chunk arrives is a low-priority render that
  // the replay's per-frame renders starved for up to five seconds (logreg,
  // eight runs streaming); a state set when the chunk arrives renders at once.
  const [SettingsColumn, setSettingsColumn] = useState<Column | null>(null);
  const [columnFailed, setColumnFailed] = useState(false);
  useEffect(() => {
    if (!settings) return;
    let live = true;
    import('./SettingsColumn').then(
      (module) => live && setSettingsColumn(() => module.default),
      () => {
        if (!live) return;
        setColumnFailed(true);
        // Stored in English like every notice; Notices translates it when shown.
        appStore.getState().addNotices([translate('en', 'app.partFailed')]);
      },
    );
    return () => {
      live = false;
    };
  }, [settings]);
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
              In one column it sits under the plot's playback bar instead (PlotPanel). */}
          {!narrow && <PresetNote />}
          {/* The chunk did not load (a render error inside it shows the boundary's fallback instead). */}
          {columnFailed && !SettingsColumn && <p className="hint">{t('app.partFailed')}</p>}
          {SettingsColumn && (
            <ChunkBoundary fallback={<p className="hint">{t('app.partFailed')}</p>} onFailed={() => setColumnFailed(true)}>
              <SettingsColumn onShown={setColumnShown} />
            </ChunkBoundary>
          )}
        </aside>
      </main>
    </div>
  );
}
