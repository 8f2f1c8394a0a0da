// Replays the dataset against each bench book on one core, best of N after a warm-up, and reads from each report
// that the run really exercised expiry, rollover, top-ups and overage, and that the ledger identities held.

import type { ReplayReport } from '../core/engine/report/report-model';
import { ReplayRun } from '../core/engine/replay/replay';
import { performance } from 'node:perf_hooks';
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

/** Where one replay's time goes: set-up (validate, compile, bind), the ledger pass over the events, the report. */
export interface ReplayPhases {
  setupMs: number;
  ledgerMs: number;
  reportMs: number;
}

export interface ReplayFigures extends Timing {
  /** Phases of the fastest run. */
  phases: ReplayPhases;
  /** Events per second of the ledger pass alone (the part that grows with events; the report grows with customers). */
  ledgerEventsPerSecond: number;
  ledgerRatioToBarePass: number;
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
  const phaseRuns: ReplayPhases[] = [];
  const timing = bestOf(
    runs,
    1,
    () => {
      const started = performance.now();
      const run = new ReplayRun(entry.book, dataset, options);
      const bound = performance.now();
      run.advance(Number.POSITIVE_INFINITY);
      const replayed = performance.now();
      const report = run.report();
      phaseRuns.push({ setupMs: bound - started, ledgerMs: replayed - bound, reportMs: performance.now() - replayed });
      return report;
    },
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
  // The warm-up's phases come first; the fastest timed run's phases describe the best time.
  const timed = phaseRuns.slice(phaseRuns.length - timing.runsMs.length);
  const phases = timed[timing.runsMs.indexOf(timing.bestMs)];
  const fastestLedgerMs = Math.min(...timed.map((phase) => phase.ledgerMs));
  return {
    report,
    figures: {
      book: entry.name,
      bookId: entry.book.id,
      version: entry.book.version ?? null,
      role: entry.role,
      ...timing,
      eventsPerSecond: perSecond(dataset.eventCount, timing.bestMs),
      phases,
      ledgerEventsPerSecond: perSecond(dataset.eventCount, fastestLedgerMs),
      ledgerRatioToBarePass: fastestLedgerMs / barePassBestMs,
      ratioToBarePass: timing.bestMs / barePassBestMs,
      reconciliationHolds: report.reconciliation.credits.holds && report.reconciliation.money.holds,
      exercised: exercisedRules(report),
      creditDecimals: report.creditDecimals,
    },
  };
}
