/** Copy the link, export the runs as JSON, save the plot as PNG. */
import { useState } from 'react';
import { appStore } from '../state/store';
import { trajectories } from '../state/trajectories';
import { encodeScene } from '../state/urlCodec';
import { currentSearch } from '../state/urlPlayback';
import { pngLegend } from './pngLegend';
import { translate, useT } from '../i18n';

// Exporting is loaded when first used, not with the page.
const loadExport = () => import('../app/exportData');

export function ShareMenu() {
  const [copied, setCopied] = useState<string | null>(null);
  const t = useT();
  const say = (text: string) => {
    setCopied(text);
    setTimeout(() => setCopied(null), 2000);
  };
  const copyLink = async () => {
    // Built from the store, not read from the address bar, which has no hash until the first
    // change and writes the replay's step in idle time.
    const { origin, pathname, search } = window.location;
    const link = `${origin}${pathname}${currentSearch(appStore, search)}#${encodeScene(appStore.getState().scene)}`;
    try {
      await navigator.clipboard.writeText(link);
      say(t('share.copied'));
    } catch {
      // Clipboard permission refused (or an insecure origin): let the user copy it by hand.
      window.prompt(t('share.copyPrompt'), link);
    }
  };
  const exportJson = async () => {
    const loaded = await loadExport().catch(() => null);
    if (!loaded) {
      appStore.getState().addNotices([translate('en', 'app.partFailed')]);
      return;
    }
    const { buildExport, download } = loaded;
    const data = buildExport(appStore.getState().scene, trajectories);
    download('optiscope-runs.json', new Blob([JSON.stringify(data, null, 1)], { type: 'application/json' }));
  };
  const exportPng = async () => {
    const svg = document.querySelector<SVGSVGElement>('[data-testid="contour-plot"]');
    if (!svg) return;
    const canvases = {
      under: [...document.querySelectorAll<HTMLCanvasElement>('[data-testid="contour-bands"]')],
      over: [...document.querySelectorAll<HTMLCanvasElement>('[data-testid="trajectory-canvas"]')],
    };
    // The start handle and zoom buttons are HTML over the plot, not part of the figure.
    const { scene, playback } = appStore.getState();
    const loaded = await loadExport().catch(() => null);
    if (!loaded) {
      appStore.getState().addNotices([translate('en', 'app.partFailed')]);
      return;
    }
    const { download, renderPlotPng } = loaded;
    const { caption, runs } = pngLegend(scene, playback, (key) => trajectories.get(key), t);
    const legend = [{ text: caption }, ...runs];
    try {
      download('optiscope-plot.png', await renderPlotPng(svg, canvases, legend));
    } catch {
      // Stored in English like every notice; Notices translates it when shown.
      appStore.getState().addNotices([translate('en', 'share.pngFailed')]);
    }
  };
  return (
    <div className="share" role="group" aria-label={t('share.group')}>
      <button type="button" onClick={copyLink} data-testid="copy-link">{t('share.copyLink')}</button>
      <button type="button" onClick={exportJson} data-testid="export-json">{t('share.exportJson')}</button>
      <button type="button" onClick={exportPng} data-testid="export-png">{t('share.savePng')}</button>
      <span className="toast" role="status" aria-live="polite">{copied}</span>
    </div>
  );
}
