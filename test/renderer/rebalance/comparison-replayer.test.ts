import { describe, expect, test } from 'vitest';
import type { ReplayReport } from '../../../core/engine/report/report-model';
import type { UsageDataset } from '../../../core/engine/usage/dataset';
import { workerReplayer, type ComparisonReplayer } from '../../../renderer/screens/rebalance/comparison-replayer';
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
    const job = workerReplayer(client, recordingFallback().replayer)([cleanBook(), cleanBook()], dataset, (p) => progress.push(p));
    expect(await job.outcome).toEqual({ kind: 'done', reports: [report] });
    expect(progress).toEqual([{ bookIndex: 1, bookCount: 2, eventsDone: 5, eventsTotal: 10 }]);
  });

  test('books the usage does not fit are refused with the engine’s sentence', async () => {
    const { client } = scriptedClient([{ kind: 'refused', bookIndex: 0, message: 'no plan "pro"' }]);
    const job = workerReplayer(client, recordingFallback().replayer)([cleanBook()], dataset, () => undefined);
    expect(await job.outcome).toEqual({ kind: 'failed', message: 'no plan "pro"' });
  });

  test('a worker that cannot start hands this job and the later ones to the page thread', async () => {
    const { client, log } = scriptedClient([{ kind: 'crashed', message: 'worker refused' }]);
    const fallback = recordingFallback();
    const replayer = workerReplayer(client, fallback.replayer);
    expect(await replayer([cleanBook(), cleanBook()], dataset, () => undefined).outcome).toEqual({ kind: 'done', reports: [report, report] });
    await replayer([cleanBook()], dataset, () => undefined).outcome;
    expect(fallback.calls).toEqual([2, 1]);
    expect(log).toEqual(['run']);
  });

  test('cancel stops the worker job, and a new job cancels the one still running', async () => {
    const { client, log } = scriptedClient([]);
    const replayer = workerReplayer(client, recordingFallback().replayer);
    const first = replayer([cleanBook()], dataset, () => undefined);
    const second = replayer([cleanBook()], dataset, () => undefined);
    expect(await first.outcome).toEqual({ kind: 'cancelled' });
    second.cancel();
    expect(await second.outcome).toEqual({ kind: 'cancelled' });
    expect(log).toEqual(['run', 'cancel', 'run', 'cancel']);
  });
});
