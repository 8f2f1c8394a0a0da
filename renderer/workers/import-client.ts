// The page's side of the import worker: one import at a time, progress in bytes, cancel by terminating the worker.

import type { UsageDataset } from '../../core/engine/usage/dataset';
import type { ImportIssue } from '../../core/engine/usage/import-error';
import type { ImportJob, ImportJobRequest, ImportJobResponse } from './import-protocol';
import { createWorkerJobClient, type JobWorkerHandle } from './worker-job-client';

export type ImportJobOutcome =
  | { kind: 'read'; dataset: UsageDataset; customerRows: number; eventRows: number }
  | { kind: 'invalid'; file: 'customers' | 'events'; errors: ImportIssue[]; errorCount: number }
  | { kind: 'cancelled' }
  | { kind: 'crashed'; message: string };

/** What the client needs of a Worker (a Worker satisfies it; tests pass their own). */
export type ImportWorkerHandle = JobWorkerHandle<ImportJobRequest, ImportJobResponse>;

export interface ImportClient {
  run(job: ImportJob, onProgress: (bytesDone: number, bytesTotal: number, file: 'customers' | 'events') => void): Promise<ImportJobOutcome>;
  cancel(): void;
  readonly running: boolean;
}

type ImportProgress = Extract<ImportJobResponse, { kind: 'progress' }>;

export function createImportClient(startWorker: () => ImportWorkerHandle): ImportClient {
  // Files are copied, not transferred: the page keeps them to import again after the user changes the mapping.
  const client = createWorkerJobClient<ImportJob, ImportJobRequest, ImportJobResponse, ImportProgress, ImportJobOutcome>(startWorker, {
    jobName: 'an import',
    stoppedMessage: 'the import worker stopped',
    request: (job, jobId) => ({ kind: 'import', jobId, job }),
    transferOf: () => [],
    jobIdOf: (response) => response.jobId,
    progressOf: (response) => (response.kind === 'progress' ? response : null),
    outcomeOf: (response) => {
      if (response.kind === 'read') return { kind: 'read', dataset: response.dataset, customerRows: response.customerRows, eventRows: response.eventRows };
      if (response.kind === 'invalid') return { kind: 'invalid', file: response.file, errors: response.errors, errorCount: response.errorCount };
      return { kind: 'crashed', message: response.kind === 'crashed' ? response.message : 'the import worker answered out of turn' };
    },
  });
  return {
    get running() {
      return client.running;
    },
    run: (job, onProgress) => client.run(job, (progress) => onProgress(progress.bytesDone, progress.bytesTotal, progress.file)),
    cancel: () => client.cancel(),
  };
}

export function startBrowserImportWorker(): ImportWorkerHandle {
  return new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module', name: 'import' });
}
