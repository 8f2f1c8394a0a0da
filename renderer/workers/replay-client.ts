// The page's side of the replay worker: one job at a time, progress as it comes, and cancel by terminating the
// worker (a new one is started for the next job). The outcome is a value: done, refused (with the engine's
// sentence), cancelled, or crashed.

import type { ReplayReport } from '../../core/engine/report/report-model';
import type { UsageDataset } from '../../core/engine/usage/dataset';
import { replayUsageBuffers, type ReplayJob, type ReplayJobRequest, type ReplayJobResponse } from './replay-protocol';
import { createWorkerJobClient, type JobWorkerHandle, type WorkerJobClient } from './worker-job-client';

export type ReplayJobOutcome =
  /** `dataset`: the usage the job replayed, decoded, handed back for the page to keep. */
  | { kind: 'done'; reports: ReplayReport[]; dataset: UsageDataset }
  | { kind: 'refused'; bookIndex: number; message: string }
  | { kind: 'cancelled' }
  | { kind: 'crashed'; message: string };

export interface ReplayProgressReport {
  bookIndex: number;
  eventsDone: number;
  eventsTotal: number;
}

/** What the client needs of a Worker (a Worker satisfies it; tests pass their own). */
export type ReplayWorkerHandle = JobWorkerHandle<ReplayJobRequest, ReplayJobResponse>;

export type ReplayClient = WorkerJobClient<ReplayJob, ReplayProgressReport, ReplayJobOutcome>;

export function createReplayClient(startWorker: () => ReplayWorkerHandle): ReplayClient {
  return createWorkerJobClient<ReplayJob, ReplayJobRequest, ReplayJobResponse, ReplayProgressReport, ReplayJobOutcome>(startWorker, {
    jobName: 'a replay job',
    stoppedMessage: 'the replay worker stopped',
    request: (job, jobId) => ({ kind: 'replay', jobId, job }),
    transferOf: (job) => replayUsageBuffers(job.usage),
    jobIdOf: (response) => response.jobId,
    progressOf: (response) => (response.kind === 'progress' ? response : null),
    outcomeOf: (response) => {
      if (response.kind === 'done') return { kind: 'done', reports: response.reports, dataset: response.dataset };
      if (response.kind === 'refused') return { kind: 'refused', bookIndex: response.bookIndex, message: response.message };
      return { kind: 'crashed', message: response.kind === 'crashed' ? response.message : 'the replay worker answered out of turn' };
    },
  });
}

/** The browser's worker, built by Vite from replay-worker.ts as a file of the app's own origin. */
export function startBrowserReplayWorker(): ReplayWorkerHandle {
  return new Worker(new URL('./replay-worker.ts', import.meta.url), { type: 'module', name: 'replay' });
}
