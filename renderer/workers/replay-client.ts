// The page's side of the replay worker: one job at a time, progress as it comes, and cancel by terminating the
// worker (a new one is started for the next job). The outcome is a value: done, refused (with the engine's
// sentence), cancelled, or crashed.

import type { ReplayReport } from '../../core/engine/report/report-model';
import type { ReplayJob, ReplayJobRequest, ReplayJobResponse } from './replay-protocol';

export type ReplayJobOutcome =
  | { kind: 'done'; reports: ReplayReport[] }
  | { kind: 'refused'; bookIndex: number; message: string }
  | { kind: 'cancelled' }
  | { kind: 'crashed'; message: string };

export interface ReplayProgressReport {
  bookIndex: number;
  eventsDone: number;
  eventsTotal: number;
}

/** What the client needs of a Worker (a Worker satisfies it; tests pass their own). */
export interface ReplayWorkerHandle {
  postMessage(message: ReplayJobRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<ReplayJobResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface ReplayClient {
  run(job: ReplayJob, onProgress: (progress: ReplayProgressReport) => void): Promise<ReplayJobOutcome>;
  /** Stops the running job at once; its promise resolves as cancelled. Nothing happens when none runs. */
  cancel(): void;
  readonly running: boolean;
}

export function createReplayClient(startWorker: () => ReplayWorkerHandle): ReplayClient {
  let worker: ReplayWorkerHandle | null = null;
  let nextJobId = 1;
  let finish: ((outcome: ReplayJobOutcome) => void) | null = null;

  function stopWorker(): void {
    worker?.terminate();
    worker = null;
  }

  return {
    get running() {
      return finish !== null;
    },
    run(job, onProgress) {
      if (finish !== null) throw new Error('invariant: a replay job started while another runs');
      const jobId = nextJobId++;
      const active = worker ?? startWorker();
      worker = active;
      return new Promise<ReplayJobOutcome>((resolve) => {
        finish = (outcome) => {
          finish = null;
          resolve(outcome);
        };
        active.onmessage = (event) => {
          const response = event.data;
          if (response.jobId !== jobId) return;
          if (response.kind === 'progress') onProgress(response);
          else if (response.kind === 'done') finish?.({ kind: 'done', reports: response.reports });
          else if (response.kind === 'refused') finish?.({ kind: 'refused', bookIndex: response.bookIndex, message: response.message });
          else finish?.({ kind: 'crashed', message: response.message });
        };
        active.onerror = (event) => {
          // A worker that fails to load or throws outside the job leaves nothing to reuse.
          stopWorker();
          finish?.({ kind: 'crashed', message: event.message || 'the replay worker stopped' });
        };
        active.postMessage({ kind: 'replay', jobId, job });
      });
    },
    cancel() {
      if (finish === null) return;
      stopWorker();
      finish({ kind: 'cancelled' });
    },
  };
}

/** The browser's worker, built by Vite from replay-worker.ts as a file of the app's own origin. */
export function startBrowserReplayWorker(): ReplayWorkerHandle {
  return new Worker(new URL('./replay-worker.ts', import.meta.url), { type: 'module', name: 'replay' });
}
