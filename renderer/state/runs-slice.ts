// Comparisons: what the user picked to compare (a baseline book version, up to four candidates, a dataset), the
// replay under way with its progress, and the result on show, whether just replayed or reopened from the workbook.
// Finance runs likewise: a book, a dataset and what-if rules, replayed with the variant beside the book.
// A result is the reports core computed, baseline first; every figure shown is read from them.

import type { StateCreator } from 'zustand';
import type { ReplayReport } from '../../core/engine/report/report-model';
import type { StaleReason } from '../../core/workbook/repositories/runs';
import { BOOK_RULES, type FinanceRules } from '../screens/finance/finance-variant';
import type { WorkbenchState } from './store';

export const MAX_CANDIDATES = 4;

export interface ComparisonChoice {
  baselineVersionId: number | null;
  /** In the order picked; never the baseline, never twice, at most MAX_CANDIDATES. */
  candidateVersionIds: number[];
  datasetId: number | null;
}

export type ReplayProgress =
  | { state: 'idle' }
  | { state: 'running'; bookIndex: number; bookCount: number; bookName: string; eventsDone: number; eventsTotal: number }
  | { state: 'cancelled' }
  | { state: 'failed'; message: string };

export interface ComparisonResult {
  /** The run in the workbook that holds these reports; null while being recorded, or when it could not be. */
  runId: number | null;
  /** Just replayed and shown, the run not yet written to the workbook (it follows the first paint). */
  recording: boolean;
  scenarioId: number | null;
  /** Baseline first, then the candidates in the order chosen. */
  versionIds: number[];
  reports: ReplayReport[];
  datasetId: number;
  createdAtMs: number;
  /** What changed since the run was recorded (a reopened run); empty when current. */
  stale: StaleReason[];
  /** Something the user should know about the result (it could not be recorded); null when nothing. */
  note: string | null;
}

export interface CustomerLedgerChoice {
  customerId: string;
  /** Index into the result's reports: whose book the ledger is replayed under. */
  reportIndex: number;
}

export interface FinanceChoice {
  versionId: number | null;
  datasetId: number | null;
  rules: FinanceRules;
}

export interface FinanceResult {
  versionId: number;
  datasetId: number;
  /** The book first, then its what-if variant when the rules change anything. */
  reports: ReplayReport[];
  labels: string[];
}

export interface RunsSlice {
  financeChoice: FinanceChoice;
  financeProgress: ReplayProgress;
  financeResult: FinanceResult | null;
  chooseFinance(choice: Partial<FinanceChoice>): void;
  financeStarted(bookCount: number): void;
  financeProgressed(progress: Extract<ReplayProgress, { state: 'running' }>): void;
  financeStopped(progress: Extract<ReplayProgress, { state: 'cancelled' | 'failed' }>): void;
  showFinance(result: FinanceResult): void;
  comparison: ComparisonChoice;
  replayProgress: ReplayProgress;
  comparisonResult: ComparisonResult | null;
  ledgerChoice: CustomerLedgerChoice | null;
  chooseBaseline(versionId: number | null): void;
  /** Adds the version as a candidate, or takes it out when it is one already; beyond four, nothing changes. */
  toggleCandidate(versionId: number): void;
  chooseDataset(datasetId: number | null): void;
  chooseComparison(choice: ComparisonChoice): void;
  /** Forgets the choice and the result: another workbook was opened, whose ids mean other things. */
  resetComparison(): void;
  replayStarted(bookCount: number): void;
  replayProgressed(progress: Extract<ReplayProgress, { state: 'running' }>): void;
  replayCancelled(): void;
  replayFailed(message: string): void;
  showComparison(result: ComparisonResult): void;
  /** The shown result (found by its reports) has been written to the workbook, or could not be. */
  comparisonRecorded(reports: ReplayReport[], recorded: Pick<ComparisonResult, 'runId' | 'scenarioId' | 'note'>): void;
  chooseLedger(choice: CustomerLedgerChoice | null): void;
}

export function toggledCandidates(choice: ComparisonChoice, versionId: number): number[] {
  const { candidateVersionIds } = choice;
  if (candidateVersionIds.includes(versionId)) return candidateVersionIds.filter((id) => id !== versionId);
  if (versionId === choice.baselineVersionId || candidateVersionIds.length >= MAX_CANDIDATES) return candidateVersionIds;
  return [...candidateVersionIds, versionId];
}

const NO_CHOICE: ComparisonChoice = { baselineVersionId: null, candidateVersionIds: [], datasetId: null };

export const createRunsSlice: StateCreator<WorkbenchState, [], [], RunsSlice> = (set) => ({
  financeChoice: { versionId: null, datasetId: null, rules: BOOK_RULES },
  financeProgress: { state: 'idle' },
  financeResult: null,
  chooseFinance: (choice) => set((state) => ({ financeChoice: { ...state.financeChoice, ...choice } })),
  financeStarted: (bookCount) =>
    set({ financeProgress: { state: 'running', bookIndex: 0, bookCount, bookName: '', eventsDone: 0, eventsTotal: 0 } }),
  financeProgressed: (progress) => set({ financeProgress: progress }),
  financeStopped: (progress) => set({ financeProgress: progress }),
  showFinance: (result) => set({ financeResult: result, financeProgress: { state: 'idle' } }),
  comparison: NO_CHOICE,
  replayProgress: { state: 'idle' },
  comparisonResult: null,
  ledgerChoice: null,
  chooseBaseline: (versionId) =>
    set((state) => ({
      comparison: {
        ...state.comparison,
        baselineVersionId: versionId,
        // A book cannot be compared with itself.
        candidateVersionIds: state.comparison.candidateVersionIds.filter((id) => id !== versionId),
      },
    })),
  toggleCandidate: (versionId) =>
    set((state) => ({ comparison: { ...state.comparison, candidateVersionIds: toggledCandidates(state.comparison, versionId) } })),
  chooseDataset: (datasetId) => set((state) => ({ comparison: { ...state.comparison, datasetId } })),
  chooseComparison: (choice) =>
    set({
      comparison: {
        ...choice,
        candidateVersionIds: choice.candidateVersionIds.filter((id) => id !== choice.baselineVersionId).slice(0, MAX_CANDIDATES),
      },
    }),
  resetComparison: () =>
    set({
      comparison: NO_CHOICE,
      comparisonResult: null,
      ledgerChoice: null,
      replayProgress: { state: 'idle' },
      financeChoice: { versionId: null, datasetId: null, rules: BOOK_RULES },
      financeResult: null,
      financeProgress: { state: 'idle' },
    }),
  replayStarted: (bookCount) =>
    set({ replayProgress: { state: 'running', bookIndex: 0, bookCount, bookName: '', eventsDone: 0, eventsTotal: 0 } }),
  replayProgressed: (progress) => set({ replayProgress: progress }),
  replayCancelled: () => set({ replayProgress: { state: 'cancelled' } }),
  replayFailed: (message) => set({ replayProgress: { state: 'failed', message } }),
  showComparison: (result) => set({ comparisonResult: result, replayProgress: { state: 'idle' }, ledgerChoice: null }),
  comparisonRecorded: (reports, recorded) =>
    set((state) =>
      state.comparisonResult === null || state.comparisonResult.reports !== reports
        ? {}
        : { comparisonResult: { ...state.comparisonResult, ...recorded, recording: false } },
    ),
  chooseLedger: (ledgerChoice) => set({ ledgerChoice }),
});
