import { describe, expect, test } from 'vitest';
import type { ReplayReport } from '../../../core/engine/report/report-model';
import type { UsageDataset } from '../../../core/engine/usage/dataset';
import type { Workbook } from '../../../core/workbook/workbook';
import type { WorkbookResult } from '../../../core/workbook/workbook-problem';
import { workerReplayer, type ComparisonReplayer, type WorkerUsageSource } from '../../../renderer/screens/rebalance/comparison-replayer';
import type { ReplayUsage } from '../../../renderer/workers/replay-protocol';
import type { SlicedReplayProgress } from '../../../renderer/screens/rebalance/sliced-replay';
import type { ReplayClient, ReplayJobOutcome, ReplayProgressReport } from '../../../renderer/workers/replay-client';
import { cleanBook } from '../../price-book/book-edits';

/** A client whose jobs end as the test says; it records cancels. */
function scriptedClient(outcomes: ReplayJobOutcome[], progress: ReplayProgressReport[] = []) {
  const log: string[] = [];
  let finish: ((outcome: ReplayJobOutcome) => void) | null = null;
  const client: ReplayClient = {
    get running() {
      return finish !== null;
    },
    run(_job, onProgress) {
      log.push('run');
      progress.forEach(onProgress);
      const next = outcomes.shift();
      if (next !== undefined) return Promise.resolve(next);
      return new Promise((resolve) => {
        finish = (outcome) => {
          finish = null;
          resolve(outcome);
        };
      });
    },
    cancel() {
      log.push('cancel');
      finish?.({ kind: 'cancelled' });
    },
  };
  return { client, log };
}

const dataset = {} as UsageDataset;
const usage = { workbook: {} as Workbook, datasetId: 1 };

/**
 * Usage read as the test says (lent by default) once `gate` opens, recording what is kept and whether the job still
 * wanted it; a read that is no longer wanted gives nothing, unless it had already taken the lent dataset (`late`).
 */
function scriptedSource(read: WorkbookResult<ReplayUsage> | null = { ok: true, value: { kind: 'decoded', dataset, lent: true } }, gate: Promise<void> = Promise.resolve(), late = false) {
  const kept: UsageDataset[] = [];
  const wanted: boolean[] = [];
  const source: WorkerUsageSource = {
    usageFor: async (_usage, stillWanted) => {
      await gate;
      wanted.push(stillWanted());
      return stillWanted() || late ? read : null;
    },
    keep: (_usage, back) => kept.push(back),
  };
  return { source, kept, wanted };
}
const report = { reportVersion: 1 } as ReplayReport;

function recordingFallback(): { replayer: ComparisonReplayer; calls: number[] } {
  const calls: number[] = [];
  return {
    calls,
    replayer: (books) => {
      calls.push(books.length);
      return { outcome: Promise.resolve({ kind: 'done', reports: [report, report] }), cancel: () => undefined };
    },
  };
}

describe('the rebalance replayer', () => {
  test('a worker job’s reports come back, and its progress names how many books there are', async () => {
    const { client } = scriptedClient([{ kind: 'done', reports: [report], storedReports: [], dataset }], [{ bookIndex: 1, eventsDone: 5, eventsTotal: 10 }]);
    const progress: SlicedReplayProgress[] = [];
    const returned = { eventCount: 3 } as UsageDataset;
    const { client: answering } = scriptedClient([{ kind: 'done', reports: [report], storedReports: [], dataset: returned }], [{ bookIndex: 1, eventsDone: 5, eventsTotal: 10 }]);
    const { source, kept } = scriptedSource();
    const job = workerReplayer(answering, recordingFallback().replayer, source)([cleanBook(), cleanBook()], usage, (p) => progress.push(p));
    expect(await job.outcome).toEqual({ kind: 'done', reports: [report] });
    expect(progress).toEqual([{ bookIndex: 1, bookCount: 2, eventsDone: 5, eventsTotal: 10 }]);
    // The decoded usage the worker handed back is kept for the next job.
    expect(kept).toEqual([returned]);
    void client;
  });

  test('books the usage does not fit are refused with the engine’s sentence', async () => {
    const { client } = scriptedClient([{ kind: 'refused', bookIndex: 0, message: 'no plan "pro"' }]);
    const job = workerReplayer(client, recordingFallback().replayer, scriptedSource().source)([cleanBook()], usage, () => undefined);
    expect(await job.outcome).toEqual({ kind: 'failed', message: 'no plan "pro"' });
  });

  test('a worker that cannot start hands this job and the later ones to the page thread', async () => {
    const { client, log } = scriptedClient([{ kind: 'crashed', message: 'worker refused' }]);
    const fallback = recordingFallback();
    const replayer = workerReplayer(client, fallback.replayer, scriptedSource().source);
    expect(await replayer([cleanBook(), cleanBook()], usage, () => undefined).outcome).toEqual({ kind: 'done', reports: [report, report] });
    await replayer([cleanBook()], usage, () => undefined).outcome;
    expect(fallback.calls).toEqual([2, 1]);
    expect(log).toEqual(['run']);
  });

  test('cancel stops the worker job, and a new job cancels the one still running', async () => {
    const { client, log } = scriptedClient([]);
    const replayer = workerReplayer(client, recordingFallback().replayer, scriptedSource().source);
    const first = replayer([cleanBook()], usage, () => undefined);
    // Let the first job reach the worker before the second one is asked for.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const second = replayer([cleanBook()], usage, () => undefined);
    expect(await first.outcome).toEqual({ kind: 'cancelled' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    second.cancel();
    expect(await second.outcome).toEqual({ kind: 'cancelled' });
    expect(log).toEqual(['run', 'cancel', 'run', 'cancel']);
  });

  test('a job cancelled while its usage is read never reaches the worker, and a lent dataset goes back', async () => {
    const { client, log } = scriptedClient([]);
    let open = (): void => undefined;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const lent = scriptedSource({ ok: true, value: { kind: 'decoded', dataset, lent: true } }, gate, true);
    const job = workerReplayer(client, recordingFallback().replayer, lent.source)([cleanBook()], usage, () => undefined);
    job.cancel();
    open();
    expect(await job.outcome).toEqual({ kind: 'cancelled' });
    expect(log).toEqual([]);
    expect(lent.kept).toEqual([dataset]);

    const reading = scriptedSource(undefined, Promise.resolve());
    const second = workerReplayer(client, recordingFallback().replayer, reading.source)([cleanBook()], usage, () => undefined);
    second.cancel();
    expect(await second.outcome).toEqual({ kind: 'cancelled' });
    expect(reading.wanted).toEqual([false]);
    expect(log).toEqual([]);
  });

  test('usage that cannot be read fails the job with the workbook’s sentence', async () => {
    const { client, log } = scriptedClient([]);
    const damaged = scriptedSource({ ok: false, problem: { code: 'workbook_damaged', message: 'The stored usage of dataset "x" is damaged.' } });
    const job = workerReplayer(client, recordingFallback().replayer, damaged.source)([cleanBook()], usage, () => undefined);
    expect(await job.outcome).toEqual({ kind: 'failed', message: 'The stored usage of dataset "x" is damaged.' });
    expect(log).toEqual([]);
  });
});
