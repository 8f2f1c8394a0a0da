// What the shell shows: the screen in front, the locale numbers are written in, and what a screen keeps while the user
// looks at another (the import's picked files, mapping, progress and outcome). Screens are named by one id each, in
// the order the nav lists them. `numberLocale` always follows the choice: the system's locale or the one chosen.

import type { StateCreator } from 'zustand';
import { FALLBACK_NUMBER_LOCALE, localeOfChoice, SYSTEM_NUMBER_LOCALE, type NumberLocaleChoice } from '../app/number-locale';
import type { ImportOutcome } from '../screens/import/import-actions';
import type { PickedFile } from '../screens/import/UsageFilePanel';
import type { WorkbenchState } from './store';

export const SCREEN_IDS = ['workbook', 'import', 'editor', 'compare', 'rebalance', 'finance', 'export'] as const;

export type ScreenId = (typeof SCREEN_IDS)[number];

export interface ImportDraft {
  customers: PickedFile | null;
  events: PickedFile | null;
  name: string;
  progress: { bytesDone: number; bytesTotal: number; file: 'customers' | 'events' } | null;
  outcome: ImportOutcome | null;
  /** A picked file could not be read. */
  readProblem: string | null;
}

export const EMPTY_IMPORT: ImportDraft = { customers: null, events: null, name: '', progress: null, outcome: null, readProblem: null };

export interface UiSlice {
  screen: ScreenId;
  importDraft: ImportDraft;
  /** The locale every on-screen number is written in (a tag Intl supports). */
  numberLocale: string;
  numberLocaleChoice: NumberLocaleChoice;
  /** The browser's locale, which the "System" choice stands for. */
  systemNumberLocale: string;
  showScreen(screen: ScreenId): void;
  chooseNumberLocale(choice: NumberLocaleChoice): void;
  /** At start: the system's locale as the browser tells it, and the choice remembered from a past visit. */
  adoptNumberLocale(system: string, choice: NumberLocaleChoice): void;
  updateImport(change: Partial<ImportDraft> | ((draft: ImportDraft) => Partial<ImportDraft>)): void;
}

export function isScreenId(text: string): text is ScreenId {
  return (SCREEN_IDS as readonly string[]).includes(text);
}

export const createUiSlice: StateCreator<WorkbenchState, [], [], UiSlice> = (set) => ({
  screen: 'workbook',
  importDraft: EMPTY_IMPORT,
  numberLocale: FALLBACK_NUMBER_LOCALE,
  numberLocaleChoice: SYSTEM_NUMBER_LOCALE,
  systemNumberLocale: FALLBACK_NUMBER_LOCALE,
  showScreen: (screen) => set({ screen }),
  chooseNumberLocale: (choice) =>
    set((state) => ({ numberLocaleChoice: choice, numberLocale: localeOfChoice(choice, state.systemNumberLocale) })),
  adoptNumberLocale: (system, choice) => set({ systemNumberLocale: system, numberLocaleChoice: choice, numberLocale: localeOfChoice(choice, system) }),
  updateImport: (change) =>
    set((state) => ({ importDraft: { ...state.importDraft, ...(typeof change === 'function' ? change(state.importDraft) : change) } })),
});
