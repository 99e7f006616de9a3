import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { appStore } from './state/store';
import { startUrlSync } from './state/urlSync';
import { startLanguageSync } from './i18n/urlLanguage';
import { startTeachSync } from './teach/urlTeach';
import './app/app.css';

// The link is read before the first render, so the first paint already shows the linked view.
startUrlSync(appStore);
// After the scene: loading a link replaces the notices, and a bad `lang` adds one.
startLanguageSync({ onNotice: (text) => appStore.getState().addNotices([text]) });
// The layout and loss smoothing ride in the query too (?layout=side&ewa=0.9).
startTeachSync({ onNotice: (text) => appStore.getState().addNotices([text]) });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
