import { describe, expect, test } from 'vitest';
import type { PriceBook } from '../../core/engine/price-book/model';
import { createReplayClient, type ReplayWorkerHandle } from '../../renderer/workers/replay-client';
import type { ReplayJob, ReplayJobRequest, ReplayJobResponse } from '../../renderer/workers/replay-protocol';
import { runReplayJob } from '../../renderer/workers/replay-job';
import { replay } from '../../core/engine/replay/replay';
import { createWorkbook } from '../../core/workbook/open-workbook';
import { readStoredDataset, saveDataset } from '../../core/workbook/repositories/dataset-store';
import { applyPlanMapping } from '../../core/workbook/scenario-options';
import type { ReplayReport } from '../../core/engine/report/report-model';
import { reportFromStoredText, storedReportText } from '../../core/workbook/stored-report';
import type { StoredDataset } from '../../core/workbook/usage/stored-dataset';
import type { Workbook } from '../../core/workbook/workbook';
import { loadSqlJs } from '../../cli/file-store/sql-js-node';
import { expectSameDataset } from '../workbook/workbook-support';
import { demoReplay } from './demo-replay-support';

/** The demo as a job; the dataset is copied (not lent) so the shared demo stays readable after a transfer. */
function demoJob(): ReplayJob {
  const { books, dataset } = demoReplay();
  return { books: books.map((book) => book.book), usage: { kind: 'decoded', dataset, lent: false }, planMapping: new Map(), toMs: null };
}

/** The demo's dataset stored in a fresh workbook and read back as stored bytes. */
async function storedDemo(): Promise<{ workbook: Workbook; datasetId: number; stored: StoredDataset }> {
  const workbook = createWorkbook(await loadSqlJs());
  const saved = saveDataset(workbook, demoReplay().dataset, { name: 'demo', eventsFileName: 'events.csv', customersFileName: null, importedAtMs: 1 });
  if (!saved.ok) throw new Error(saved.problem.message);
  const stored = readStoredDataset(workbook, saved.value.id);
  if (!stored.ok) throw new Error(stored.problem.message);
  return { workbook, datasetId: saved.value.id, stored: stored.value };
}

/** The reports the job sent, one message per book, in book order. */
function sentReports(responses: ReplayJobResponse[]): Uint8Array[] {
  const sent = responses.flatMap((response) => (response.kind === 'report' ? [response] : []));
  expect(sent.map((response) => response.bookIndex)).toEqual(sent.map((_, index) => index));
  return sent.map((response) => response.report);
}

/** The worker's reports, sent as the text the workbook stores, read back. */
function readReports(stored: Uint8Array[]): ReplayReport[] {
  return stored.map((bytes) => {
    const report = reportFromStoredText(new TextDecoder().decode(bytes));
    if (report === null) throw new Error('a report the worker sent cannot be read');
    return report;
  });
}

function runToEnd(job: ReplayJob): { responses: ReplayJobResponse[]; transfers: ArrayBuffer[][] } {
  const responses: ReplayJobResponse[] = [];
  const transfers: ArrayBuffer[][] = [];
  runReplayJob(3, job, (response, transfer) => {
    responses.push(response);
    transfers.push(transfer);
  }, 100_000);
  return { responses, transfers };
}

describe('a replay job', () => {
  test('gives exactly the reports core’s replay gives, baseline first, candidates against it', () => {
    const responses: ReplayJobResponse[] = [];
    runReplayJob(7, demoJob(), (response) => responses.push(response), 30_000);
    const done = responses.at(-1);
    expect(done?.kind).toBe('done');
    if (done?.kind !== 'done') return;
    expect(JSON.stringify(readReports(sentReports(responses)))).toBe(JSON.stringify(demoReplay().reports));
  });

  test('sends each book’s report as soon as it is made, before the next book’s progress', () => {
    const responses: ReplayJobResponse[] = [];
    runReplayJob(7, demoJob(), (response) => responses.push(response), 30_000);
    const firstReport = responses.findIndex((response) => response.kind === 'report');
    const secondBookStarts = responses.findIndex((response) => response.kind === 'progress' && response.bookIndex === 1);
    expect(firstReport).toBeGreaterThan(0);
    expect(firstReport).toBeLessThan(secondBookStarts);
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

  test('usage sent as the workbook stores it is decoded in the job: same reports, and the decoded usage handed back', async () => {
    const { stored } = await storedDemo();
    const { responses, transfers } = runToEnd({ ...demoJob(), usage: { kind: 'stored', stored } });
    const done = responses.at(-1);
    if (done?.kind !== 'done') throw new Error(`expected done, got ${done?.kind}`);
    const reports = sentReports(responses);
    expect(JSON.stringify(readReports(reports))).toBe(JSON.stringify(demoReplay().reports));
    expectSameDataset(done.dataset, demoReplay().dataset);
    // Handed over without a copy: each report's buffer with its message, and every column's buffer, once, at the end.
    responses.forEach((response, index) => {
      if (response.kind === 'report') expect(transfers[index]).toEqual([response.report.buffer]);
      else if (response.kind === 'progress') expect(transfers[index]).toEqual([]);
    });
    expect(new Set(transfers.at(-1))).toEqual(new Set([done.dataset.timeMs.buffer, done.dataset.customerIndex.buffer, done.dataset.featureIndex.buffer, done.dataset.quantityMicros.buffer, done.dataset.customerEventStart.buffer, done.dataset.customers.startMs.buffer, done.dataset.customers.endMs.buffer]));
  });

  test('stored usage that is damaged is refused with the workbook’s sentence before any book is replayed', async () => {
    const { stored } = await storedDemo();
    const { responses } = runToEnd({ ...demoJob(), usage: { kind: 'stored', stored: { ...stored, chunks: [] } } });
    expect(responses).toEqual([
      {
        kind: 'refused',
        jobId: 3,
        bookIndex: 0,
        message: 'The stored usage of dataset "demo" is damaged (its event blocks are malformed or do not add up to its event count); import the usage again.',
      },
    ]);
  });

  test('a plan mapping moves the candidates’ customers and leaves the baseline’s as they are', () => {
    const { books, dataset } = demoReplay();
    const fromPlan = dataset.customers.planKeys.find((key) => key !== '') as string;
    const toPlan = books[0].book.plans.map((plan) => plan.key).find((key) => key !== fromPlan) as string;
    const planMapping = new Map([[fromPlan, toPlan]]);
    const { responses } = runToEnd({ ...demoJob(), planMapping });
    const done = responses.at(-1);
    if (done?.kind !== 'done') throw new Error(`expected done, got ${done?.kind}`);
    const mapped = applyPlanMapping(dataset, planMapping).dataset;
    const baseline = replay(books[0].book, dataset);
    const reports = readReports(sentReports(responses));
    expect(JSON.stringify(reports)).toBe(JSON.stringify([baseline, ...books.slice(1).map((book) => replay(book.book, mapped, { baseline }))]));
    expect(JSON.stringify(reports[1])).not.toBe(JSON.stringify(demoReplay().reports[1]));
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
    if (result.kind !== 'done') throw new Error(`expected done, got ${result.kind}`);
    expect(JSON.stringify(result.reports)).toBe(JSON.stringify(demoReplay().reports));
    expect(readReports(result.storedReports)).toEqual(result.reports);
    expect(seen.length).toBeGreaterThan(0);
    expect(client.running).toBe(false);
  });

  test('a report the worker sends that cannot be read ends the job as crashed, with a sentence', async () => {
    const handle = inThreadWorker();
    const client = createReplayClient(() => handle);
    const outcome = client.run(demoJob(), () => undefined);
    const say = (data: ReplayJobResponse) => handle.onmessage?.({ data } as MessageEvent<ReplayJobResponse>);
    say({ kind: 'report', jobId: 1, bookIndex: 0, report: new TextEncoder().encode('{"not":"a report"}') });
    say({ kind: 'done', jobId: 1, dataset: demoReplay().dataset });
    expect(await outcome).toEqual({ kind: 'crashed', message: 'the replay worker sent a report that cannot be read' });
  });

  test('a worker that says it is done without a report for every book has crashed, whatever it says', async () => {
    const handle = inThreadWorker();
    const client = createReplayClient(() => handle);
    const outcome = client.run(demoJob(), () => undefined);
    const say = (data: ReplayJobResponse) => handle.onmessage?.({ data } as MessageEvent<ReplayJobResponse>);
    const baseline = new TextEncoder().encode(storedReportText(demoReplay().reports[0]));
    say({ kind: 'report', jobId: 1, bookIndex: 0, report: baseline });
    say({ kind: 'done', jobId: 1, dataset: demoReplay().dataset });
    expect(await outcome).toEqual({ kind: 'crashed', message: 'the replay worker finished without a report for every book' });
  });

  test('stored blobs and a lent dataset are handed to the worker without a copy; a copied dataset is not', async () => {
    const { stored } = await storedDemo();
    const sent: ArrayBuffer[][] = [];
    const client = createReplayClient(() => ({
      onmessage: null,
      onerror: null,
      postMessage: (_message: ReplayJobRequest, transfer: ArrayBuffer[]) => sent.push(transfer),
      terminate: () => undefined,
    }));
    const dataset = demoReplay().dataset;
    for (const usage of [{ kind: 'stored', stored } as const, { kind: 'decoded', dataset, lent: true } as const, { kind: 'decoded', dataset, lent: false } as const]) {
      const outcome = client.run({ ...demoJob(), usage }, () => undefined);
      client.cancel();
      await outcome;
    }
    expect(sent[0].length).toBe(3 * stored.chunks.length + 3);
    expect(sent[0]).toContain(stored.chunks[0].time.bytes.buffer);
    expect(sent[1]).toContain(dataset.timeMs.buffer);
    expect(sent[2]).toEqual([]);
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
