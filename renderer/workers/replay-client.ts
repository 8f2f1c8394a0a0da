// The page's side of the replay worker: one job at a time, progress as it comes, and cancel by terminating the
// worker (a new one is started for the next job). The outcome is a value: done, refused (with the engine's
// sentence), cancelled, or crashed. Each book's report arrives as the text the workbook stores as soon as the worker
// has made it, and is read here at once, in a task of its own, while the worker replays the next book.

import type { ReplayReport } from '../../core/engine/report/report-model';
import type { UsageDataset } from '../../core/engine/usage/dataset';
import { reportFromStoredText } from '../../core/workbook/stored-report';
import { replayUsageBuffers, type ReplayJob, type ReplayJobRequest, type ReplayJobResponse } from './replay-protocol';
import { createWorkerJobClient, type JobWorkerHandle, type WorkerJobClient } from './worker-job-client';

export type ReplayJobOutcome =
  /**
   * `storedReports`: the same reports as the workbook stores them (UTF-8), to record without writing them again;
   * `dataset`: the usage the job replayed, decoded, handed back for the page to keep.
   */
  | { kind: 'done'; reports: ReplayReport[]; storedReports: Uint8Array[]; dataset: UsageDataset }
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

/** What the worker says along the way: progress, and each book's report once it is made. */
type Underway = Extract<ReplayJobResponse, { kind: 'progress' } | { kind: 'report' }>;

type Answered = Exclude<ReplayJobOutcome, { kind: 'done' }> | { kind: 'answered'; dataset: UsageDataset };

export function createReplayClient(startWorker: () => ReplayWorkerHandle): ReplayClient {
  const worker = createWorkerJobClient<ReplayJob, ReplayJobRequest, ReplayJobResponse, Underway, Answered>(startWorker, {
    jobName: 'a replay job',
    stoppedMessage: 'the replay worker stopped',
    request: (job, jobId) => ({ kind: 'replay', jobId, job }),
    transferOf: (job) => replayUsageBuffers(job.usage),
    jobIdOf: (response) => response.jobId,
    progressOf: (response) => (response.kind === 'progress' || response.kind === 'report' ? response : null),
    outcomeOf: (response) => {
      if (response.kind === 'done') return { kind: 'answered', dataset: response.dataset };
      if (response.kind === 'refused') return { kind: 'refused', bookIndex: response.bookIndex, message: response.message };
      return { kind: 'crashed', message: response.kind === 'crashed' ? response.message : 'the replay worker answered out of turn' };
    },
  });
  return {
    get running() {
      return worker.running;
    },
    async run(job, onProgress) {
      const decoder = new TextDecoder();
      const storedReports: Uint8Array[] = [];
      const reports: ReplayReport[] = [];
      let unreadable = false;
      const answered = await worker.run(job, (message) => {
        if (message.kind === 'progress') {
          onProgress(message);
          return;
        }
        const report = reportFromStoredText(decoder.decode(message.report));
        if (report === null) unreadable = true;
        else reports[message.bookIndex] = report;
        storedReports[message.bookIndex] = message.report;
      });
      if (answered.kind !== 'answered') return answered;
      if (unreadable) return { kind: 'crashed', message: 'the replay worker sent a report that cannot be read' };
      const complete = reports.length === job.books.length && job.books.every((_, index) => reports[index] !== undefined);
      if (!complete) return { kind: 'crashed', message: 'the replay worker finished without a report for every book' };
      return { kind: 'done', reports, storedReports, dataset: answered.dataset };
    },
    cancel: () => worker.cancel(),
  };
}

/** The browser's worker, built by Vite from replay-worker.ts as a file of the app's own origin. */
export function startBrowserReplayWorker(): ReplayWorkerHandle {
  return new Worker(new URL('./replay-worker.ts', import.meta.url), { type: 'module', name: 'replay' });
}
