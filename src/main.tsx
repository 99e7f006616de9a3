import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { appStore } from './state/store';
import { startUrlSync } from './state/urlSync';
import './app/app.css';

// The link is read before the first render, so the first paint already shows the linked view.
startUrlSync(appStore);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
