// The messages between the page and the replay worker, typed once for both sides. The page sends the books and the
// usage (copied by structured clone: the page keeps its own for drill-down); the worker answers with progress
// between slices of the replay and, at the end, the reports in the order of the books. Cancel is the page
// terminating the worker, which stops it at once whatever it is doing.

import type { PriceBook } from '../../core/engine/price-book/model';
import type { ReplayReport } from '../../core/engine/report/report-model';
import type { UsageDataset } from '../../core/engine/usage/dataset';

export interface ReplayJob {
  /** Baseline first; every other book is measured against it. */
  books: PriceBook[];
  /** The usage the baseline replays. */
  dataset: UsageDataset;
  /** The usage the other books replay, when it differs (a scenario's plan mapping); null: the same. */
  candidateDataset: UsageDataset | null;
  /** End of the replay window for every book (exclusive, epoch ms); null: the engine's default. */
  toMs: number | null;
}

export interface ReplayJobRequest {
  kind: 'replay';
  jobId: number;
  job: ReplayJob;
}

export type ReplayJobResponse =
  | { kind: 'progress'; jobId: number; bookIndex: number; eventsDone: number; eventsTotal: number }
  | { kind: 'done'; jobId: number; reports: ReplayReport[] }
  /** Books and usage do not fit together (a feature or plan the book lacks): the engine's sentence. */
  | { kind: 'refused'; jobId: number; bookIndex: number; message: string }
  /** A defect: the engine threw something else. */
  | { kind: 'crashed'; jobId: number; message: string };
