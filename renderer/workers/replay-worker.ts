// The replay worker: takes one job at a time and answers with progress and the reports. It holds nothing between
// jobs; the page cancels a job by terminating the worker.

import type { ReplayJobRequest, ReplayJobResponse } from './replay-protocol';
import { runReplayJob } from './replay-job';

/** The part of a dedicated worker's global scope used here (the project's type libraries are the page's). */
interface WorkerScope {
  postMessage(message: ReplayJobResponse, transfer: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ReplayJobRequest>) => void): void;
}

const scope = globalThis as unknown as WorkerScope;

scope.addEventListener('message', (event) => {
  const request = event.data;
  if (request.kind === 'replay') runReplayJob(request.jobId, request.job, (response, transfer) => scope.postMessage(response, transfer));
});
