// The page's side of the import worker: one import at a time, progress in bytes, cancel by terminating the worker.

import type { UsageDataset } from '../../core/engine/usage/dataset';
import type { ImportIssue } from '../../core/engine/usage/import-error';
import type { ImportJob, ImportJobRequest, ImportJobResponse } from './import-protocol';

export type ImportJobOutcome =
  | { kind: 'read'; dataset: UsageDataset; customerRows: number; eventRows: number }
  | { kind: 'invalid'; file: 'customers' | 'events'; errors: ImportIssue[]; errorCount: number }
  | { kind: 'cancelled' }
  | { kind: 'crashed'; message: string };

export interface ImportWorkerHandle {
  postMessage(message: ImportJobRequest, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<ImportJobResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface ImportClient {
  run(job: ImportJob, onProgress: (bytesDone: number, bytesTotal: number, file: 'customers' | 'events') => void): Promise<ImportJobOutcome>;
  cancel(): void;
  readonly running: boolean;
}

export function createImportClient(startWorker: () => ImportWorkerHandle): ImportClient {
  let worker: ImportWorkerHandle | null = null;
  let nextJobId = 1;
  let finish: ((outcome: ImportJobOutcome) => void) | null = null;

  function stopWorker(): void {
    worker?.terminate();
    worker = null;
  }

  return {
    get running() {
      return finish !== null;
    },
    run(job, onProgress) {
      if (finish !== null) throw new Error('invariant: an import started while another runs');
      const jobId = nextJobId++;
      const active = worker ?? startWorker();
      worker = active;
      return new Promise<ImportJobOutcome>((resolve) => {
        finish = (outcome) => {
          finish = null;
          resolve(outcome);
        };
        active.onmessage = (event) => {
          const response = event.data;
          if (response.jobId !== jobId) return;
          if (response.kind === 'progress') onProgress(response.bytesDone, response.bytesTotal, response.file);
          else if (response.kind === 'read') finish?.({ kind: 'read', dataset: response.dataset, customerRows: response.customerRows, eventRows: response.eventRows });
          else if (response.kind === 'invalid') finish?.({ kind: 'invalid', file: response.file, errors: response.errors, errorCount: response.errorCount });
          else finish?.({ kind: 'crashed', message: response.message });
        };
        active.onerror = (event) => {
          stopWorker();
          finish?.({ kind: 'crashed', message: event.message || 'the import worker stopped' });
        };
        // Copied, not transferred: the page keeps the files to import again after the user changes the mapping.
        active.postMessage({ kind: 'import', jobId, job }, []);
      });
    },
    cancel() {
      if (finish === null) return;
      stopWorker();
      finish({ kind: 'cancelled' });
    },
  };
}

export function startBrowserImportWorker(): ImportWorkerHandle {
  return new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module', name: 'import' });
}
