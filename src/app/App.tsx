/** The page: header, the plot with its playback bar and loss chart, and the controls. */
import { PlotPanel } from './PlotPanel';
import { useAnimation } from './useAnimation';
import { useKeyboard } from './useKeyboard';
import { Notices } from '../controls/Notices';
import { PresetMenu } from '../controls/PresetMenu';
import { ShareMenu } from '../controls/ShareMenu';
import { SceneControls } from '../controls/SceneControls';
import { RunList } from '../controls/RunList';

export function App() {
  useAnimation();
  useKeyboard();
  return (
    <div className="app">
      <header className="app-header">
        <h1>
          <img src="./favicon.svg" alt="" width={24} height={24} /> Optiscope
        </h1>
        <p className="tagline">Watch optimizers walk over loss surfaces.</p>
        <PresetMenu />
        <ShareMenu />
      </header>
      <Notices />
      <main className="app-main">
        <PlotPanel />
        <aside className="controls" aria-label="Settings">
          <SceneControls />
          <RunList />
        </aside>
      </main>
    </div>
  );
}
