/**
 * The settings column's contents: the surface and the runs. A chunk of its
 * own: App builds the column only after the plot's first picture, so its
 * code (every field, slider and editor) is not part of the JavaScript the
 * first picture waits for.
 */
import { useLayoutEffect } from 'react';
import { SceneControls } from '../controls/SceneControls';
import { RunList } from '../controls/RunList';

export default function SettingsColumn({ onShown }: { onShown(shown: true): void }) {
  useLayoutEffect(() => onShown(true), [onShown]);
  return (
    <>
      <SceneControls />
      <RunList />
    </>
  );
}
