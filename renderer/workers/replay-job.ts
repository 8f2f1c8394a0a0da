// One replay job, wherever it runs (the worker, or a test in Node): the baseline book first, then each candidate
// against the baseline's report, advanced in slices so progress can be told between them. The reports are
// exactly those core's replay() gives for the same inputs.

import { ReplayRun } from '../../core/engine/replay/replay';
import { ReplayInputError } from '../../core/engine/replay/replay-error';
import type { ReplayOptions } from '../../core/engine/replay/replay-types';
import type { ReplayReport } from '../../core/engine/report/report-model';
import type { ReplayJob, ReplayJobResponse } from './replay-protocol';

/** Events per slice: small enough that progress moves several times a second, large enough not to cost time. */
export const EVENTS_PER_SLICE = 200_000;

export function runReplayJob(jobId: number, job: ReplayJob, post: (response: ReplayJobResponse) => void, eventsPerSlice = EVENTS_PER_SLICE): void {
  const reports: ReplayReport[] = [];
  for (let bookIndex = 0; bookIndex < job.books.length; bookIndex++) {
    const usage = bookIndex === 0 ? job.dataset : (job.candidateDataset ?? job.dataset);
    const options: ReplayOptions = {
      ...(bookIndex === 0 ? {} : { baseline: reports[0] }),
      ...(job.toMs === null ? {} : { toMs: job.toMs }),
    };
    try {
      const run = new ReplayRun(job.books[bookIndex], usage, options);
      post({ kind: 'progress', jobId, bookIndex, eventsDone: 0, eventsTotal: run.eventsTotal });
      while (!run.advance(eventsPerSlice)) {
        post({ kind: 'progress', jobId, bookIndex, eventsDone: run.eventsDone, eventsTotal: run.eventsTotal });
      }
      post({ kind: 'progress', jobId, bookIndex, eventsDone: run.eventsDone, eventsTotal: run.eventsTotal });
      reports.push(run.report());
    } catch (error) {
      if (error instanceof ReplayInputError) post({ kind: 'refused', jobId, bookIndex, message: error.message });
      else post({ kind: 'crashed', jobId, message: error instanceof Error ? error.message : String(error) });
      return;
    }
  }
  post({ kind: 'done', jobId, reports });
}
