/**
 * Mount point of the inspector's layer over the plot: nothing until the
 * inspector is opened, then its canvas, loaded with the inspector's chunk so
 * the page's first load does not carry it.
 */
import { lazy, Suspense } from 'react';
import { useInspector } from './inspectorStore';
import type { InspectorCanvasProps } from './InspectorCanvas';
import { useDisplayView, type LiveView } from '../plot/liveView';

const InspectorCanvas = lazy(() => import('./InspectorCanvas').then((m) => ({ default: m.InspectorCanvas })));

export type InspectorOverlayProps = InspectorCanvasProps & {
  /** A gesture's view kept outside React, which then stands for `view` (liveView.ts). */
  live?: LiveView;
};

export function InspectorOverlay(props: InspectorOverlayProps) {
  const open = useInspector((s) => s.open);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <MovingInspector {...props} />
    </Suspense>
  );
}

/**
 * The open inspector's layer, drawn for the view on screen: a gesture's step
 * re-renders it alone. The view is read here rather than in the inspector's
 * chunk, which importing liveView split the plot's shared code off the
 * page's first chunk (+0.6 KB gzipped to the first paint).
 */
function MovingInspector({ live, view, ...props }: InspectorOverlayProps) {
  return <InspectorCanvas {...props} view={useDisplayView(live, view)} />;
}
