// Replays the dataset against each bench book on one core, best of N after a warm-up, and reads from each report
// that the run really exercised expiry, rollover, top-ups and overage, and that the ledger identities held.

import type { ReplayReport } from '../core/engine/report/report-model';
import { replay } from '../core/engine/replay/replay';
import type { UsageDataset } from '../core/engine/usage/dataset';
import type { BenchBook } from './bench-books';
import { bestOf, perSecond, type Timing } from './measure';

export interface ExercisedRules {
  creditsExpired: number;
  creditsRolledOver: number;
  packsMicros: number;
  overageMicros: number;
  creditsNegativeBalance: number;
  breakageMicros: number;
  customersRanDry: number;
  blockedEvents: number;
}

export interface ReplayFigures extends Timing {
  book: string;
  bookId: string;
  version: string | null;
  role: BenchBook['role'];
  eventsPerSecond: number;
  /** Replay best time ÷ bare pass best time. */
  ratioToBarePass: number;
  reconciliationHolds: boolean;
  exercised: ExercisedRules;
  creditDecimals: number;
}

function exercisedRules(report: ReplayReport): ExercisedRules {
  let creditsRolledOver = 0;
  for (const customer of report.customers) creditsRolledOver += customer.creditsRolledOver;
  const { totals } = report;
  return {
    creditsExpired: totals.creditsExpired,
    creditsRolledOver,
    packsMicros: totals.packsMicros,
    overageMicros: totals.overageMicros,
    creditsNegativeBalance: totals.creditsNegativeBalance,
    breakageMicros: totals.breakageMicros,
    customersRanDry: totals.customersRanDry,
    blockedEvents: totals.blockedEvents,
  };
}

/** Replays one book; every timed run must give the same totals (the replay is deterministic). */
export function benchReplay(
  entry: BenchBook,
  dataset: UsageDataset,
  runs: number,
  barePassBestMs: number,
  baseline: ReplayReport | null,
): { figures: ReplayFigures; report: ReplayReport } {
  const options = baseline === null ? {} : { baseline };
  let first: ReplayReport | null = null;
  let firstTotals = '';
  const timing = bestOf(
    runs,
    1,
    () => replay(entry.book, dataset, options),
    (report) => {
      const totals = JSON.stringify(report.totals);
      if (first === null) {
        first = report;
        firstTotals = totals;
      } else if (totals !== firstTotals) {
        throw new Error(`invariant: replays of ${entry.name} disagree`);
      }
    },
  );
  const report = first as ReplayReport | null;
  if (report === null) throw new Error('invariant: no replay ran');
  return {
    report,
    figures: {
      book: entry.name,
      bookId: entry.book.id,
      version: entry.book.version ?? null,
      role: entry.role,
      ...timing,
      eventsPerSecond: perSecond(dataset.eventCount, timing.bestMs),
      ratioToBarePass: timing.bestMs / barePassBestMs,
      reconciliationHolds: report.reconciliation.credits.holds && report.reconciliation.money.holds,
      exercised: exercisedRules(report),
      creditDecimals: report.creditDecimals,
    },
  };
}
