// The messages between the page and the import worker. The page sends the files' bytes (transferred, not copied)
// with the user's column mapping; the worker reads customers, then events, with core's readers a chunk at a time,
// tells progress in bytes, and answers with the dataset or every problem found. Cancel terminates the worker.

import type { UsageDataset } from '../../core/engine/usage/dataset';
import type { CustomerField } from '../../core/engine/usage/customers-reader';
import type { EventField } from '../../core/engine/usage/events-reader';
import type { UsageFileFormat } from '../../core/engine/usage/file-format';
import type { ImportIssue } from '../../core/engine/usage/import-error';
import type { ColumnMapping } from '../../core/engine/usage/column-mapping';

export interface PickedUsageFile<Field extends string> {
  fileName: string;
  bytes: Uint8Array;
  /** null: from the file name. */
  format: UsageFileFormat | null;
  columns: ColumnMapping<Field>;
}

export interface ImportJob {
  customers: PickedUsageFile<CustomerField>;
  events: PickedUsageFile<EventField>;
}

export interface ImportJobRequest {
  kind: 'import';
  jobId: number;
  job: ImportJob;
}

export type ImportJobResponse =
  | { kind: 'progress'; jobId: number; bytesDone: number; bytesTotal: number; file: 'customers' | 'events' }
  | { kind: 'read'; jobId: number; dataset: UsageDataset; customerRows: number; eventRows: number }
  | { kind: 'invalid'; jobId: number; file: 'customers' | 'events'; errors: ImportIssue[]; errorCount: number }
  | { kind: 'crashed'; jobId: number; message: string };
