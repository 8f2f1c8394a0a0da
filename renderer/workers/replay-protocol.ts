// The messages between the page and the replay worker, typed once for both sides. The page sends the books and the
// usage — as the workbook stores it, for the worker to decode (the page then only reads bytes out of sql.js), or
// already decoded when the page has it — with the blobs or columns transferred, not copied. The worker answers with
// progress between slices of the replay, each book's report as soon as it is made (as the text the workbook
// stores), and at the end the decoded usage handed back (transferred again), for the page to keep for its next run. Cancel is the page terminating the worker,
// which stops it at once whatever it is doing.

import type { PriceBook } from '../../core/engine/price-book/model';
import type { UsageDataset } from '../../core/engine/usage/dataset';
import { datasetBuffers } from '../../core/engine/usage/dataset-buffers';
import { storedDatasetBuffers, type StoredDataset } from '../../core/workbook/usage/stored-dataset';

export type ReplayUsage =
  /** As the workbook stores it, for the worker to decode; the blobs are transferred. */
  | { kind: 'stored'; stored: StoredDataset }
  /** Decoded already: lent (transferred, the page must not read it until it comes back with the reports) or copied. */
  | { kind: 'decoded'; dataset: UsageDataset; lent: boolean };

export interface ReplayJob {
  /** Baseline first; every other book is measured against it. */
  books: PriceBook[];
  /** The usage every book replays. */
  usage: ReplayUsage;
  /** A scenario's plan mapping (usage plan key → book plan key), applied for every book but the baseline; empty: none. */
  planMapping: ReadonlyMap<string, string>;
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
  /**
   * One book's report, sent as soon as that book is replayed (the page reads it while the worker replays the next):
   * as the workbook stores it (stored-report.ts), UTF-8, a fifth of the size of the report's objects, transferred
   * without a copy, read on the page and recorded in the workbook as it is.
   */
  | { kind: 'report'; jobId: number; bookIndex: number; report: Uint8Array }
  /** Every book replayed (each report sent before this), and the decoded usage handed back. */
  | { kind: 'done'; jobId: number; dataset: UsageDataset }
  /** Books and usage do not fit together (a feature or plan the book lacks), or the stored usage is damaged. */
  | { kind: 'refused'; jobId: number; bookIndex: number; message: string }
  /** A defect: the engine threw something else. */
  | { kind: 'crashed'; jobId: number; message: string };

/** What the page hands over without copying: the stored blobs, or the decoded columns when lent. */
export function replayUsageBuffers(usage: ReplayUsage): ArrayBuffer[] {
  if (usage.kind === 'stored') return storedDatasetBuffers(usage.stored);
  return usage.lent ? datasetBuffers(usage.dataset) : [];
}
