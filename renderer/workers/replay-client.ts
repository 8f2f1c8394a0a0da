// The page's side of the replay worker: one job at a time, progress as it comes, and cancel by terminating the
// worker (a new one is started for the next job). The outcome is a value: done, refused (with the engine's
// sentence), cancelled, or crashed. The reports arrive as the text the workbook stores and are read here one at a
// time, handing the thread back between them, so the window keeps drawing while a large result is read.

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

type Answered = Exclude<ReplayJobOutcome, { kind: 'done' }> | { kind: 'answered'; storedReports: Uint8Array[]; dataset: UsageDataset };

/** Hands the thread back for one task: what lets the page draw between two reports being read. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => globalThis.setTimeout(resolve, 0));
}

export function createReplayClient(startWorker: () => ReplayWorkerHandle): ReplayClient {
  const worker = createWorkerJobClient<ReplayJob, ReplayJobRequest, ReplayJobResponse, ReplayProgressReport, Answered>(startWorker, {
    jobName: 'a replay job',
    stoppedMessage: 'the replay worker stopped',
    request: (job, jobId) => ({ kind: 'replay', jobId, job }),
    transferOf: (job) => replayUsageBuffers(job.usage),
    jobIdOf: (response) => response.jobId,
    progressOf: (response) => (response.kind === 'progress' ? response : null),
    outcomeOf: (response) => {
      if (response.kind === 'done') return { kind: 'answered', storedReports: response.reports, dataset: response.dataset };
      if (response.kind === 'refused') return { kind: 'refused', bookIndex: response.bookIndex, message: response.message };
      return { kind: 'crashed', message: response.kind === 'crashed' ? response.message : 'the replay worker answered out of turn' };
    },
  });
  // Reading the reports belongs to the job: it is running meanwhile, and cancel ends it as cancelled.
  let reading: { cancelled: boolean } | null = null;
  return {
    get running() {
      return worker.running || reading !== null;
    },
    async run(job, onProgress) {
      if (reading !== null) throw new Error('invariant: a replay job started while another runs');
      const answered = await worker.run(job, onProgress);
      if (answered.kind !== 'answered') return answered;
      const read = { cancelled: false };
      reading = read;
      try {
        const decoder = new TextDecoder();
        const reports: ReplayReport[] = [];
        for (const bytes of answered.storedReports) {
          await nextTask();
          if (read.cancelled) return { kind: 'cancelled' };
          const report = reportFromStoredText(decoder.decode(bytes));
          if (report === null) return { kind: 'crashed', message: 'the replay worker sent a report that cannot be read' };
          reports.push(report);
        }
        return { kind: 'done', reports, storedReports: answered.storedReports, dataset: answered.dataset };
      } finally {
        reading = null;
      }
    },
    cancel() {
      if (reading !== null) reading.cancelled = true;
      else worker.cancel();
    },
  };
}

/** The browser's worker, built by Vite from replay-worker.ts as a file of the app's own origin. */
export function startBrowserReplayWorker(): ReplayWorkerHandle {
  return new Worker(new URL('./replay-worker.ts', import.meta.url), { type: 'module', name: 'replay' });
}
