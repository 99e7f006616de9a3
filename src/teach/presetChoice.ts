/**
 * Which preset's explanation the page shows. Kept apart from the scene store:
 * the note is about how the view was reached, not part of the view. It stays
 * until another preset is chosen, the reader closes it, or the surface
 * changes (PresetNoteText; other changes are pointed out in the note). Kept apart from the
 * presets themselves too, so the page can read it without loading them.
 */
import { create } from 'zustand';

export interface CurrentPresetState {
  /** The preset whose note is shown, or null. An unknown id shows nothing. */
  id: string | null;
  show(id: string): void;
  close(): void;
}

export const useCurrentPreset = create<CurrentPresetState>()((set) => ({
  id: null,
  show: (id) => set({ id }),
  close: () => set({ id: null }),
}));
