/**
 * "Export": the full configuration and every run's trajectory as JSON, and
 * the plot as a PNG. Both are built in the page from what is on screen.
 */
import type { Scene } from '../state/scene';
import type { TrajectoryStore } from '../state/trajectories';
import { toSimulationConfig } from '../state/selectors';
import { encodeScene } from '../state/urlCodec';

export const exportFormat = 'optiscope-export/1';

export function buildExport(scene: Scene, store: TrajectoryStore) {
  return {
    format: exportFormat,
    link: `#${encodeScene(scene)}`,
    scene,
    runs: scene.runs.map((run) => {
      const t = store.get(run.key);
      const points: Array<[number, number, number]> = [];
      if (t) for (let k = 0; k < t.count; k++) points.push([t.points[3 * k], t.points[3 * k + 1], t.points[3 * k + 2]]);
      return {
        label: run.label,
        hidden: run.hidden,
        config: toSimulationConfig(scene, run),
        status: t?.status ?? 'running',
        stoppedAt: t?.stoppedAt ?? 0,
        message: t?.message ?? '',
        steps: Math.max(0, points.length - 1),
        /** [x, y, f] per step, the start first. */
        points,
      };
    }),
  };
}

/** Offer a file for download without leaving the page. */
export function download(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Style properties the page's CSS gives the SVG that must travel with it into the image. */
const carriedStyles = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'opacity',
  'font-family', 'font-size', 'font-style', 'font-weight', 'text-anchor', 'dominant-baseline', 'visibility',
] as const;

/**
 * An SVG rasterised through an <img> sees none of the page's style sheets, so
 * copy each element's computed style onto its clone (without this the legend
 * bar came out black and the text serif).
 */
function inlineStyles(source: Element, target: Element) {
  const computed = getComputedStyle(source);
  // Through the CSSOM, not a style attribute: the CSP (style-src 'self') blocks the attribute.
  const style = (target as SVGElement).style;
  for (const name of carriedStyles) style.setProperty(name, computed.getPropertyValue(name));
  for (let i = 0; i < source.children.length; i++) inlineStyles(source.children[i], target.children[i]);
}

/** A line of the PNG's legend: a run (with its colour's dot), or a caption (no colour). */
export interface LegendEntry {
  color?: string;
  text: string;
}

const legendRow = 22;
/** Room under the SVG box for the axis title that overflows it. */
const legendGap = 18;

/**
 * The plot as a PNG: the contour bands' canvas, the SVG (axes, markers,
 * legend) rasterised through an <img> over it, the trajectory canvas over
 * that, and a legend of the runs under it, at the screen's pixel ratio.
 */
export async function renderPlotPng(
  svg: SVGSVGElement,
  canvases: { under: HTMLCanvasElement[]; over: HTMLCanvasElement[] },
  legend: LegendEntry[] = [],
): Promise<Blob> {
  const { width, height } = svg.getBoundingClientRect();
  const ratio = window.devicePixelRatio || 1;
  const out = document.createElement('canvas');
  out.width = Math.round(width * ratio);
  out.height = Math.round((height + legendGap + legend.length * legendRow) * ratio);
  const ctx = out.getContext('2d')!;
  const page = getComputedStyle(document.body);
  ctx.fillStyle = page.backgroundColor || '#fff';
  ctx.fillRect(0, 0, out.width, out.height);
  const origin = svg.getBoundingClientRect();
  const place = (canvas: HTMLCanvasElement) => {
    const box = canvas.getBoundingClientRect();
    ctx.drawImage(canvas, (box.left - origin.left) * ratio, (box.top - origin.top) * ratio, box.width * ratio, box.height * ratio);
  };
  /** Clip to the canvas's box: mid-gesture a canvas is stretched past it, and the box clips it on screen. */
  const clipToBox = (canvas: HTMLCanvasElement) => {
    const clip = canvas.parentElement?.getBoundingClientRect() ?? canvas.getBoundingClientRect();
    ctx.beginPath();
    ctx.rect((clip.left - origin.left) * ratio, (clip.top - origin.top) * ratio, clip.width * ratio, clip.height * ratio);
    ctx.clip();
  };
  // The contour bands lie under the SVG (axes, markers, legend), the paths over it.
  canvases.under.forEach((canvas) => {
    ctx.save();
    clipToBox(canvas);
    // The box's own grey shows where a zoomed-out picture no longer reaches.
    const boxColor = canvas.parentElement ? getComputedStyle(canvas.parentElement).backgroundColor : '';
    if (boxColor) {
      ctx.fillStyle = boxColor;
      ctx.fill();
    }
    place(canvas);
    ctx.restore();
  });
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(clone)], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    ctx.drawImage(image, 0, 0, width * ratio, height * ratio);
  } finally {
    URL.revokeObjectURL(url);
  }
  canvases.over.forEach((canvas) => {
    ctx.save();
    clipToBox(canvas);
    place(canvas);
    ctx.restore();
  });
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.font = `13px ${page.fontFamily}`;
  ctx.textBaseline = 'middle';
  legend.forEach((entry, i) => {
    const y = height + legendGap + i * legendRow + legendRow / 2;
    if (entry.color) {
      ctx.fillStyle = entry.color;
      ctx.beginPath();
      ctx.arc(52, y, 6, 0, 2 * Math.PI);
      ctx.fill();
    }
    ctx.fillStyle = page.color || '#000';
    ctx.fillText(entry.text, entry.color ? 64 : 44, y);
  });
  return new Promise((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}
