/**
 * Around a part of the page that is its own chunk (loaded with import()): if
 * the chunk cannot be loaded — the connection dropped, or a tab left open
 * across a new version whose files have other names — that part shows
 * `fallback` and the page says why, instead of React unmounting the whole page.
 */
import { Component, type ReactNode } from 'react';
import { appStore } from '../state/store';
import { translate } from '../i18n';

interface Props {
  children: ReactNode;
  fallback?: ReactNode;
  /** Called once the part has failed, e.g. so a container no longer says it is busy. */
  onFailed?: () => void;
}

export class ChunkBoundary extends Component<Props, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  componentDidCatch(): void {
    // Stored in English like every notice; Notices translates it when shown.
    appStore.getState().addNotices([translate('en', 'app.partFailed')]);
    this.props.onFailed?.();
  }

  render(): ReactNode {
    return this.state.failed ? (this.props.fallback ?? null) : this.props.children;
  }
}
