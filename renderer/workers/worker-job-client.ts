// One job at a time on a worker: progress as it comes, cancel by terminating the worker (a new one is started for
// the next job), and every end as a value. The import and replay clients are this with their own messages.

/** What a client needs of a Worker (a Worker satisfies it; tests pass their own). */
export interface JobWorkerHandle<Request, Response> {
  /** `transfer`: buffers handed over without a copy (the sender's views of them are left empty). */
  postMessage(message: Request, transfer: ArrayBuffer[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<Response>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export type JobInterrupted = { kind: 'cancelled' } | { kind: 'crashed'; message: string };

export interface WorkerJobClient<Job, Progress, Outcome> {
  run(job: Job, onProgress: (progress: Progress) => void): Promise<Outcome | JobInterrupted>;
  /** Stops the running job at once; its promise resolves as cancelled. Nothing happens when none runs. */
  cancel(): void;
  readonly running: boolean;
}

export interface WorkerJobProtocol<Job, Request, Response, Progress, Outcome> {
  /** "an import", "a replay job": named in the invariant when a second job starts. */
  jobName: string;
  /** Said when the worker stops without a message of its own. */
  stoppedMessage: string;
  request(job: Job, jobId: number): Request;
  /** The buffers of the job to transfer rather than copy; the caller must not read them afterwards. */
  transferOf(job: Job): ArrayBuffer[];
  jobIdOf(response: Response): number;
  /** The progress a response carries, or null when it ends the job. */
  progressOf(response: Response): Progress | null;
  /** How a response that is not progress ends the job. */
  outcomeOf(response: Response): Outcome | JobInterrupted;
}

export function createWorkerJobClient<Job, Request, Response, Progress, Outcome>(
  startWorker: () => JobWorkerHandle<Request, Response>,
  protocol: WorkerJobProtocol<Job, Request, Response, Progress, Outcome>,
): WorkerJobClient<Job, Progress, Outcome> {
  let worker: JobWorkerHandle<Request, Response> | null = null;
  let nextJobId = 1;
  let finish: ((outcome: Outcome | JobInterrupted) => void) | null = null;

  function stopWorker(): void {
    worker?.terminate();
    worker = null;
  }

  return {
    get running() {
      return finish !== null;
    },
    run(job, onProgress) {
      if (finish !== null) throw new Error(`invariant: ${protocol.jobName} started while another runs`);
      const jobId = nextJobId++;
      const active = worker ?? startWorker();
      worker = active;
      return new Promise<Outcome | JobInterrupted>((resolve) => {
        finish = (outcome) => {
          finish = null;
          resolve(outcome);
        };
        active.onmessage = (event) => {
          const response = event.data;
          if (protocol.jobIdOf(response) !== jobId) return;
          const progress = protocol.progressOf(response);
          if (progress !== null) onProgress(progress);
          else finish?.(protocol.outcomeOf(response));
        };
        active.onerror = (event) => {
          // A worker that fails to load or throws outside the job leaves nothing to reuse.
          stopWorker();
          finish?.({ kind: 'crashed', message: event.message || protocol.stoppedMessage });
        };
        active.postMessage(protocol.request(job, jobId), protocol.transferOf(job));
      });
    },
    cancel() {
      if (finish === null) return;
      stopWorker();
      finish({ kind: 'cancelled' });
    },
  };
}
