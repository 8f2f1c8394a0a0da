// Replays books over a dataset on the page's own thread without freezing it: a bounded slice of events at a time
// (ReplayRun.advance), then the thread is handed back through the injected scheduler (requestAnimationFrame or
// setTimeout in the page, an immediate loop in tests) so the window repaints and a cancel can land between slices.
// The first book is the baseline; the others are replayed against its report, as the CLI does.

import { ReplayRun } from '../../../core/engine/replay/replay';
import { ReplayInputError } from '../../../core/engine/replay/replay-error';
import type { PriceBook } from '../../../core/engine/price-book/model';
import type { ReplayReport } from '../../../core/engine/report/report-model';
import type { UsageDataset } from '../../../core/engine/usage/dataset';

/** Runs `work` later, after the page has had a chance to paint and handle input. */
export type SliceScheduler = (work: () => void) => void;

/** Small enough that a slice takes a few milliseconds on a slow machine; a customer is never split. */
export const DEFAULT_SLICE_EVENTS = 20_000;

export interface SlicedReplayProgress {
  bookIndex: number;
  bookCount: number;
  eventsDone: number;
  eventsTotal: number;
}

export type SlicedReplayOutcome =
  | { kind: 'done'; reports: ReplayReport[] }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

export interface SlicedReplay {
  outcome: Promise<SlicedReplayOutcome>;
  /** Stops at the next slice boundary; the outcome is then "cancelled". */
  cancel(): void;
}

export function replayInSlices(
  books: readonly PriceBook[],
  dataset: UsageDataset,
  options: { schedule: SliceScheduler; eventsPerSlice?: number; onProgress?: (progress: SlicedReplayProgress) => void },
): SlicedReplay {
  if (books.length === 0) throw new Error('invariant: a replay needs at least one book');
  const eventsPerSlice = options.eventsPerSlice ?? DEFAULT_SLICE_EVENTS;
  let cancelled = false;
  const reports: ReplayReport[] = [];

  const outcome = new Promise<SlicedReplayOutcome>((resolve, reject) => {
    let bookIndex = 0;
    let run: ReplayRun | null = null;

    const step = (): void => {
      try {
        if (cancelled) {
          resolve({ kind: 'cancelled' });
          return;
        }
        if (run === null) run = new ReplayRun(books[bookIndex], dataset, { baseline: reports[0] });
        const finished = run.advance(eventsPerSlice);
        options.onProgress?.({ bookIndex, bookCount: books.length, eventsDone: run.eventsDone, eventsTotal: run.eventsTotal });
        if (finished) {
          reports.push(run.report());
          run = null;
          bookIndex += 1;
          if (bookIndex === books.length) {
            resolve({ kind: 'done', reports });
            return;
          }
        }
        options.schedule(step);
      } catch (error) {
        // Books and usage that do not fit together are said in a sentence; anything else is an engine bug.
        if (error instanceof ReplayInputError) resolve({ kind: 'failed', message: error.message });
        else reject(error);
      }
    };
    options.schedule(step);
  });

  return {
    outcome,
    cancel: () => {
      cancelled = true;
    },
  };
}

/** The page's scheduler: the next animation frame when the page is visible, a timer otherwise (frames pause then). */
export function pageSliceScheduler(): SliceScheduler {
  return (work) => {
    if (typeof document !== 'undefined' && document.visibilityState === 'visible') requestAnimationFrame(() => work());
    else setTimeout(work, 0);
  };
}
