// One replay job, wherever it runs (the worker, or a test in Node): the usage decoded when it comes as stored, then
// the baseline book first and each candidate against the baseline's report, advanced in slices so progress can be
// told between them, each report sent as soon as it is made. The reports are exactly those core's replay() gives for
// the same inputs.

import { ReplayRun } from '../../core/engine/replay/replay';
import { ReplayInputError } from '../../core/engine/replay/replay-error';
import type { ReplayOptions } from '../../core/engine/replay/replay-types';
import type { ReplayReport } from '../../core/engine/report/report-model';
import { applyPlanMapping } from '../../core/workbook/scenario-options';
import { storedReportText } from '../../core/workbook/stored-report';
import { datasetBuffers } from '../../core/engine/usage/dataset-buffers';
import { decodeStoredDataset } from '../../core/workbook/usage/stored-dataset';
import type { ReplayJob, ReplayJobResponse } from './replay-protocol';

/** Events per slice: small enough that progress moves several times a second, large enough not to cost time. */
export const EVENTS_PER_SLICE = 200_000;

export type PostReplayResponse = (response: ReplayJobResponse, transfer: ArrayBuffer[]) => void;

export function runReplayJob(jobId: number, job: ReplayJob, post: PostReplayResponse, eventsPerSlice = EVENTS_PER_SLICE): void {
  const decoded = job.usage.kind === 'stored' ? decodeStoredDataset(job.usage.stored) : { ok: true as const, value: job.usage.dataset };
  if (!decoded.ok) {
    post({ kind: 'refused', jobId, bookIndex: 0, message: decoded.problem.message }, []);
    return;
  }
  const dataset = decoded.value;
  const candidateDataset = job.planMapping.size === 0 ? dataset : applyPlanMapping(dataset, job.planMapping).dataset;
  const reports: ReplayReport[] = [];
  const encoder = new TextEncoder();
  for (let bookIndex = 0; bookIndex < job.books.length; bookIndex++) {
    const options: ReplayOptions = {
      ...(bookIndex === 0 ? {} : { baseline: reports[0] }),
      ...(job.toMs === null ? {} : { toMs: job.toMs }),
    };
    try {
      const run = new ReplayRun(job.books[bookIndex], bookIndex === 0 ? dataset : candidateDataset, options);
      post({ kind: 'progress', jobId, bookIndex, eventsDone: 0, eventsTotal: run.eventsTotal }, []);
      while (!run.advance(eventsPerSlice)) {
        post({ kind: 'progress', jobId, bookIndex, eventsDone: run.eventsDone, eventsTotal: run.eventsTotal }, []);
      }
      post({ kind: 'progress', jobId, bookIndex, eventsDone: run.eventsDone, eventsTotal: run.eventsTotal }, []);
      const report = run.report();
      reports.push(report);
      // Sent now, in the form the workbook stores: the page reads it while the next book is replayed.
      const stored = encoder.encode(storedReportText(report));
      post({ kind: 'report', jobId, bookIndex, report: stored }, [stored.buffer as ArrayBuffer]);
    } catch (error) {
      if (error instanceof ReplayInputError) post({ kind: 'refused', jobId, bookIndex, message: error.message }, []);
      else post({ kind: 'crashed', jobId, message: error instanceof Error ? error.message : String(error) }, []);
      return;
    }
  }
  // The decoded usage goes back to the page for its next run; the worker keeps nothing.
  post({ kind: 'done', jobId, dataset }, datasetBuffers(dataset));
}
