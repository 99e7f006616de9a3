/** The page: header, the plot with its playback bar and loss chart, and the controls. */
import { lazy, Suspense } from 'react';
import { PlotPanel } from './PlotPanel';
import { useAnimation } from './useAnimation';
import { useKeyboard } from './useKeyboard';
import { useT } from '../i18n';
import { LanguageSwitch } from '../controls/LanguageSwitch';
import { Notices } from '../controls/Notices';
import { PresetNote } from '../teach/PresetNote';
import { PresetMenu } from '../controls/PresetMenu';
import { ShareMenu } from '../controls/ShareMenu';
import { useAfterFirstPicture } from './useAfterFirstPicture';
import { ChunkBoundary } from './ChunkBoundary';

// Its own chunk: the column is built after the first picture (below).
const SettingsColumn = lazy(() => import('./SettingsColumn'));

export function App() {
  useAnimation();
  useKeyboard();
  const t = useT();
  // The settings column (its own 360 px, so nothing moves) is built once the
  // plot's first picture is drawn: on a cold open it is half of React's first
  // render, and the picture is what the reader looks at first.
  const settings = useAfterFirstPicture();
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
      <PresetNote />
      <main className="app-main">
        <PlotPanel />
        <aside className="controls" aria-label={t('app.settings')} aria-busy={!settings}>
          {settings && (
            <ChunkBoundary>
              <Suspense fallback={null}>
                <SettingsColumn />
              </Suspense>
            </ChunkBoundary>
          )}
        </aside>
      </main>
    </div>
  );
}
