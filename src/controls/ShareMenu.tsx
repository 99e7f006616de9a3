/** Copy the link, export the runs as JSON, save the plot as PNG. */
import { useState } from 'react';
import { appStore } from '../state/store';
import { trajectories } from '../state/trajectories';
import { buildExport, download, renderPlotPng } from '../app/exportData';

export function ShareMenu() {
  const [copied, setCopied] = useState<string | null>(null);
  const say = (text: string) => {
    setCopied(text);
    setTimeout(() => setCopied(null), 2000);
  };
  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      say('Link copied');
    } catch {
      // Clipboard permission refused (or an insecure origin): let the user copy it by hand.
      window.prompt('Copy this link:', window.location.href);
    }
  };
  const exportJson = () => {
    const data = buildExport(appStore.getState().scene, trajectories);
    download('optiscope-runs.json', new Blob([JSON.stringify(data, null, 1)], { type: 'application/json' }));
  };
  const exportPng = async () => {
    const svg = document.querySelector<SVGSVGElement>('[data-testid="contour-plot"]');
    if (!svg) return;
    const canvases = [...document.querySelectorAll<HTMLCanvasElement>('[data-testid="trajectory-canvas"]')];
    try {
      download('optiscope-plot.png', await renderPlotPng(svg, canvases));
    } catch {
      appStore.getState().addNotices(['The picture could not be saved as PNG in this browser; the JSON export still works.']);
    }
  };
  return (
    <div className="share" role="group" aria-label="Share and export">
      <button type="button" onClick={copyLink} data-testid="copy-link">Copy link</button>
      <button type="button" onClick={exportJson} data-testid="export-json">Export JSON</button>
      <button type="button" onClick={exportPng} data-testid="export-png">Save PNG</button>
      <span className="toast" role="status" aria-live="polite">{copied}</span>
    </div>
  );
}
