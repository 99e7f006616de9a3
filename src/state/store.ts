/**
 * The single source of truth for what the user chose: one zustand store made
 * of typed slices (pmndrs' "advanced TypeScript" slices pattern). Streamed
 * trajectories live outside it, in trajectories.ts.
 *
 * `createAppStore` builds a fresh vanilla store (tests make one each); the
 * page uses `appStore` and reads it in components with `useAppStore(selector)`.
 */
import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { limits } from './scene';
import { createSceneSlice, type SceneSlice } from './sceneSlice';
import { createPlaybackSlice, type PlaybackSlice } from './playbackSlice';

export type { RunPatch } from './sceneSlice';
export type { Playback } from './playbackSlice';

export interface NoticeSlice {
  /** Short sentences for the user (what a link got wrong, why an action was refused). */
  notices: string[];
  dismissNotice(index: number): void;
  addNotices(notices: string[]): void;
  setNotices(notices: string[]): void;
}

export type AppState = SceneSlice & NoticeSlice & PlaybackSlice;
export type AppStore = StoreApi<AppState>;

/** Keeps the newest notices when there are too many to read. */
function capped(notices: string[]): string[] {
  return notices.length > limits.notices.max ? notices.slice(notices.length - limits.notices.max) : notices;
}

const createNoticeSlice: StateCreator<AppState, [], [], NoticeSlice> = (set, get) => ({
  notices: [],
  dismissNotice: (index) => {
    const { notices } = get();
    if (index >= 0 && index < notices.length) set({ notices: notices.filter((_, i) => i !== index) });
  },
  addNotices: (more) => {
    if (more.length) set({ notices: capped([...get().notices, ...more]) });
  },
  setNotices: (notices) => set({ notices: capped([...notices]) }),
});

export function createAppStore(): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createSceneSlice(...a),
    ...createNoticeSlice(...a),
    ...createPlaybackSlice(...a),
  }));
}

/** The page's one store. */
export const appStore = createAppStore();

/** Read the page's store in a component; the selector must return a stable value (see selectors.ts). */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
