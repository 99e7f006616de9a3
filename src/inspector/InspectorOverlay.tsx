/**
 * Mount point of the inspector's layer over the plot: nothing until the
 * inspector is opened, then its canvas, loaded with the inspector's chunk so
 * the page's first load does not carry it.
 */
import { lazy, Suspense } from 'react';
import { useInspector } from './inspectorStore';
import type { InspectorCanvasProps } from './InspectorCanvas';

const InspectorCanvas = lazy(() => import('./InspectorCanvas').then((m) => ({ default: m.InspectorCanvas })));

export type InspectorOverlayProps = InspectorCanvasProps;

export function InspectorOverlay(props: InspectorOverlayProps) {
  const open = useInspector((s) => s.open);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <InspectorCanvas {...props} />
    </Suspense>
  );
}
