// Replays one usage history against several books: the baseline first, then every other book measured against
// it. Books and usage that do not fit together (a feature or plan the book lacks) are the user's to fix: exit 1.

import type { PriceBook } from '../core/engine/price-book/model';
import { replay } from '../core/engine/replay/replay';
import { ReplayInputError } from '../core/engine/replay/replay-error';
import type { ReplayReport } from '../core/engine/report/report-model';
import type { UsageDataset } from '../core/engine/usage/dataset';
import { EXIT_INVALID, failWith, type CliIo } from './cli-io';
import { createProgressReporter, progressWanted, SILENT_PROGRESS } from './progress';

export type ReplayOutcome = { ok: true; reports: ReplayReport[] } | { ok: false; exitCode: number };

export interface ReplayBooksOptions {
  /** Index in `books` of the book the others are measured against. */
  baselineIndex: number;
  /** --progress was given (progress shows on a terminal anyway). */
  progress: boolean;
  /** End of the replay window (exclusive, epoch ms) for every book, so all reports cover the same months. */
  toMs?: number;
  /** The usage the books other than the baseline replay, when it differs from the baseline's (a plan mapping). */
  candidateDataset?: UsageDataset;
  /** A sentence to add when book `index` and its usage do not fit together; null adds nothing. */
  explainMismatch?: (error: ReplayInputError, index: number) => string | null;
}

/** One report per book, in the order of `books`; the baseline's report has no baseline of its own. */
export function replayBooks(
  io: CliIo,
  command: string,
  books: readonly PriceBook[],
  dataset: UsageDataset,
  options: ReplayBooksOptions,
): ReplayOutcome {
  if (options.baselineIndex < 0 || options.baselineIndex >= books.length) {
    throw new Error(`invariant: baseline index ${options.baselineIndex} of ${books.length} books`);
  }
  const others = [...books.keys()].filter((index) => index !== options.baselineIndex);
  const order = [options.baselineIndex, ...others];
  const reports: ReplayReport[] = new Array(books.length);
  for (const index of order) {
    const book = books[index];
    const baseline = index === options.baselineIndex ? undefined : reports[options.baselineIndex];
    const usage = index === options.baselineIndex ? dataset : (options.candidateDataset ?? dataset);
    const progress = progressWanted(options.progress, io.stderr)
      ? createProgressReporter({ stream: io.stderr, label: `Replaying "${book.name}"`, now: io.now ?? (() => 0) })
      : SILENT_PROGRESS;
    try {
      reports[index] = replay(book, usage, {
        ...(baseline ? { baseline } : {}),
        ...(options.toMs === undefined ? {} : { toMs: options.toMs }),
        onProgress: (done, total) => progress.update(done, total),
      });
    } catch (error) {
      if (!(error instanceof ReplayInputError)) throw error;
      const explanation = options.explainMismatch?.(error, index) ?? null;
      return { ok: false, exitCode: failWith(io, command, EXIT_INVALID, explanation === null ? error.message : `${error.message} ${explanation}`) };
    }
    progress.finish(usage.eventCount);
  }
  return { ok: true, reports };
}

/** The books' common feature keys (in the first book's order) when all books price the same features; else null. */
export function sharedFeatureKeys(books: readonly PriceBook[]): string[] | null {
  if (books.length === 0) return null;
  const first = books[0].features.map((feature) => feature.key);
  const same = books.every((book) => {
    const keys = new Set(book.features.map((feature) => feature.key));
    return keys.size === first.length && first.every((key) => keys.has(key));
  });
  return same ? first : null;
}
