import { describe, expect, test } from 'vitest';
import type { PriceBook } from '../../core/engine/price-book/model';
import { createReplayClient, type ReplayWorkerHandle } from '../../renderer/workers/replay-client';
import type { ReplayJob, ReplayJobRequest, ReplayJobResponse } from '../../renderer/workers/replay-protocol';
import { runReplayJob } from '../../renderer/workers/replay-job';
import { demoReplay } from './demo-replay-support';

function demoJob(): ReplayJob {
  const { books, dataset } = demoReplay();
  return { books: books.map((book) => book.book), dataset, candidateDataset: null, toMs: null };
}

describe('a replay job', () => {
  test('gives exactly the reports core’s replay gives, baseline first, candidates against it', () => {
    const responses: ReplayJobResponse[] = [];
    runReplayJob(7, demoJob(), (response) => responses.push(response), 30_000);
    const done = responses.at(-1);
    expect(done?.kind).toBe('done');
    if (done?.kind !== 'done') return;
    expect(JSON.stringify(done.reports)).toBe(JSON.stringify(demoReplay().reports));
  });

  test('tells progress between slices, rising to every event of each book', () => {
    const responses: ReplayJobResponse[] = [];
    runReplayJob(1, demoJob(), (response) => responses.push(response), 30_000);
    const progress = responses.filter((response) => response.kind === 'progress');
    const firstBook = progress.filter((response) => response.bookIndex === 0).map((response) => response.eventsDone);
    expect(firstBook.length).toBeGreaterThan(3);
    expect(firstBook).toEqual([...firstBook].sort((a, b) => a - b));
    expect(firstBook.at(-1)).toBe(demoReplay().dataset.eventCount);
    expect(new Set(progress.map((response) => response.bookIndex))).toEqual(new Set([0, 1, 2]));
  });

  test('a book that does not price the usage’s features is refused with the engine’s sentence', () => {
    const job = demoJob();
    const book: PriceBook = { ...job.books[1], features: job.books[1].features.slice(1) };
    const responses: ReplayJobResponse[] = [];
    runReplayJob(2, { ...job, books: [job.books[0], book] }, (response) => responses.push(response));
    expect(responses.at(-1)).toEqual({
      kind: 'refused',
      jobId: 2,
      bookIndex: 1,
      message: expect.stringMatching(/^The usage has events of "tokens", which price book "AI Platform — rebalance" does not price\.$/),
    });
  });
});

/** A worker that runs the job in the same thread when told to, so a test decides when it answers. */
function inThreadWorker(): ReplayWorkerHandle & { deliver(): void; terminated: boolean } {
  let pending: ReplayJobRequest | null = null;
  const handle = {
    onmessage: null as ReplayWorkerHandle['onmessage'],
    onerror: null as ReplayWorkerHandle['onerror'],
    terminated: false,
    postMessage(message: ReplayJobRequest) {
      pending = message;
    },
    terminate() {
      handle.terminated = true;
    },
    deliver() {
      if (pending === null) return;
      const request = pending;
      pending = null;
      runReplayJob(request.jobId, request.job, (response) => handle.onmessage?.({ data: response } as MessageEvent<ReplayJobResponse>), 50_000);
    },
  };
  return handle;
}

describe('the replay client', () => {
  test('resolves with the reports and passes progress on', async () => {
    const worker = inThreadWorker();
    const client = createReplayClient(() => worker);
    const seen: number[] = [];
    const outcome = client.run(demoJob(), (progress) => seen.push(progress.eventsDone));
    expect(client.running).toBe(true);
    worker.deliver();
    const result = await outcome;
    expect(result.kind).toBe('done');
    expect(seen.length).toBeGreaterThan(0);
    expect(client.running).toBe(false);
  });

  test('cancel stops the worker at once and a later job starts a new one', async () => {
    const workers: Array<ReturnType<typeof inThreadWorker>> = [];
    const client = createReplayClient(() => {
      const worker = inThreadWorker();
      workers.push(worker);
      return worker;
    });
    const outcome = client.run(demoJob(), () => undefined);
    client.cancel();
    expect(await outcome).toEqual({ kind: 'cancelled' });
    expect(workers[0].terminated).toBe(true);
    const again = client.run(demoJob(), () => undefined);
    expect(workers).toHaveLength(2);
    workers[1].deliver();
    expect((await again).kind).toBe('done');
  });
});
