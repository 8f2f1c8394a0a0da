// What the shell shows: the screen in front. Screens are named by one id each, in the order the nav lists them.

import type { StateCreator } from 'zustand';
import type { WorkbenchState } from './store';

export const SCREEN_IDS = ['workbook', 'import', 'editor', 'compare', 'rebalance', 'finance', 'export'] as const;

export type ScreenId = (typeof SCREEN_IDS)[number];

export interface UiSlice {
  screen: ScreenId;
  showScreen(screen: ScreenId): void;
}

export function isScreenId(text: string): text is ScreenId {
  return (SCREEN_IDS as readonly string[]).includes(text);
}

export const createUiSlice: StateCreator<WorkbenchState, [], [], UiSlice> = (set) => ({
  screen: 'workbook',
  showScreen: (screen) => set({ screen }),
});
