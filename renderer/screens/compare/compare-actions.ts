// What the Compare screen does: replay the chosen books over the chosen dataset in the worker and record the run in
// the workbook (under the scenario that names these inputs, created once the replay succeeds when there is none),
// reopen a recorded run without replaying, and materialise one customer's ledger for the drill-down. Problems are
// sentences in the store. Each step of a run is marked on the page's timeline (app/step-marks.ts).

import type { PriceBook } from '../../../core/engine/price-book/model';
import type { ReplayReport } from '../../../core/engine/report/report-model';
import { materialiseCustomerLedger } from '../../../core/engine/replay/replay';
import { ReplayInputError } from '../../../core/engine/replay/replay-error';
import type { LedgerEntry } from '../../../core/engine/replay/replay-types';
import { ENGINE_VERSION } from '../../../core/engine/version';
import { readPriceBookVersionById } from '../../../core/workbook/repositories/price-books';
import { loadCustomerUsage } from '../../../core/workbook/repositories/dataset-store';
import { getDataset } from '../../../core/workbook/repositories/datasets';
import { getRun, recordRun, runStaleness, scenarioInputs, type RunInputs, type StaleReason } from '../../../core/workbook/repositories/runs';
import { createScenario, getScenario, type Scenario } from '../../../core/workbook/repositories/scenarios';
import { applyPlanMapping, readScenarioOptions } from '../../../core/workbook/scenario-options';
import type { Workbook } from '../../../core/workbook/workbook';
import { succeed, type WorkbookResult } from '../../../core/workbook/workbook-problem';
import type { ComparisonResult } from '../../state/runs-slice';
import type { WorkbenchStore } from '../../state/store';
import { afterNextPaint } from '../../app/next-paint';
import { markStep } from '../../app/step-marks';
import type { ReplayClient } from '../../workers/replay-client';
import { matchingScenario, versionLabel } from './compare-choices';
import { keepDecodedDataset, replayUsageFor } from './dataset-cache';

interface ReplayInputs {
  /** The scenario that names these inputs; null when there is none yet (one is created once the replay succeeds). */
  scenario: Scenario | null;
  books: PriceBook[];
  labels: string[];
  versionIds: number[];
  planMapping: ReadonlyMap<string, string>;
  toMs: number | null;
}

/** Why the chosen inputs cannot be run yet, or null when they can. */
export function comparisonBlocker(choice: { baselineVersionId: number | null; candidateVersionIds: number[]; datasetId: number | null }): string | null {
  if (choice.baselineVersionId === null) return 'Choose a baseline price book.';
  if (choice.candidateVersionIds.length === 0) return 'Choose at least one candidate price book to compare with the baseline.';
  if (choice.datasetId === null) return 'Choose the usage dataset to replay.';
  return null;
}

/** A new scenario naming these inputs, with the engine's default options; a name another has gets a number. */
function createScenarioFor(workbook: Workbook, versionIds: number[], labels: string[], datasetId: number, nowMs: number): WorkbookResult<Scenario> {
  const [baselineVersionId, ...candidateVersionIds] = versionIds;
  const dataset = getDataset(workbook, datasetId);
  if (!dataset.ok) return dataset;
  const stem = `${labels[0]} vs ${labels.slice(1).join(', ')} on ${dataset.value.name}`;
  for (let attempt = 1; ; attempt++) {
    const created = createScenario(
      workbook,
      { name: attempt === 1 ? stem : `${stem} (${attempt})`, baselineVersionId, candidateVersionIds, datasetId, options: {} },
      nowMs,
    );
    if (created.ok || created.problem.code !== 'scenario_name_taken') return created;
  }
}

function gatherInputs(workbook: Workbook, versionIds: number[], datasetId: number): WorkbookResult<ReplayInputs> {
  const books: PriceBook[] = [];
  const labels: string[] = [];
  for (const versionId of versionIds) {
    const version = readPriceBookVersionById(workbook, versionId);
    if (!version.ok) return version;
    books.push(version.value.book);
    labels.push(versionLabel(version.value.book.name, version.value.versionNumber));
  }
  const scenario = matchingScenario(workbook, versionIds[0], versionIds.slice(1), datasetId);
  let planMapping: ReadonlyMap<string, string> = new Map();
  let toMs: number | null = null;
  if (scenario !== null) {
    const options = readScenarioOptions(scenario.options);
    if (!options.ok) return options;
    planMapping = options.value.planMapping;
    toMs = options.value.toMs;
  }
  return { ok: true, value: { scenario, books, labels, versionIds, planMapping, toMs } };
}

/** Counts comparisons started: a read of usage goes on only while its own comparison is the latest and still running. */
let latestRun = 0;

/** Replays the chosen comparison in the worker, records the run, and shows it; or says why not. */
export async function runComparison(store: WorkbenchStore, replayClient: ReplayClient, nowMs: () => number): Promise<void> {
  const state = store.getState();
  const { workbook, comparison } = state;
  // Running from the moment the usage starts being read (the progress panel and Cancel show) until the end.
  if (workbook === null || replayClient.running || state.replayProgress.state === 'running') return;
  markStep('compare:clicked');
  const blocker = comparisonBlocker(comparison);
  if (blocker !== null) {
    state.replayFailed(blocker);
    return;
  }
  const versionIds = [comparison.baselineVersionId as number, ...comparison.candidateVersionIds];
  const datasetId = comparison.datasetId as number;
  // Taken before replaying, so the run names exactly the inputs it replayed.
  const existingInputs = gatherInputs(workbook, versionIds, datasetId);
  if (!existingInputs.ok) {
    state.replayFailed(existingInputs.problem.message);
    return;
  }
  const inputs = existingInputs.value;
  const runInputs = inputs.scenario === null ? null : scenarioInputs(workbook, inputs.scenario.id);
  if (runInputs !== null && !runInputs.ok) {
    state.replayFailed(runInputs.problem.message);
    return;
  }
  state.replayStarted(inputs.books.length);
  // Read a slice at a time while the page stays live; Cancel (or another workbook) abandons the read.
  const run = ++latestRun;
  const stillWanted = (): boolean => run === latestRun && store.getState().workbook === workbook && store.getState().replayProgress.state === 'running';
  const usage = await replayUsageFor(workbook, datasetId, stillWanted);
  if (usage === null) return;
  if (!usage.ok) return store.getState().replayFailed(usage.problem.message);
  markStep('compare:inputs-read');
  const outcome = await replayClient.run(
    { books: inputs.books, usage: usage.value, planMapping: inputs.planMapping, toMs: inputs.toMs },
    (progress) =>
      store.getState().replayProgressed({
        state: 'running',
        bookIndex: progress.bookIndex,
        bookCount: inputs.books.length,
        bookName: inputs.books[progress.bookIndex]?.name ?? '',
        eventsDone: progress.eventsDone,
        eventsTotal: progress.eventsTotal,
      }),
  );
  markStep('compare:replayed');
  const after = store.getState();
  if (outcome.kind === 'cancelled') return after.replayCancelled();
  if (outcome.kind === 'refused') return after.replayFailed(`The replay stopped: ${outcome.message}`);
  if (outcome.kind === 'crashed') return after.replayFailed(`The replay failed unexpectedly: ${outcome.message}`);
  // The workbook may have been replaced while the worker ran; the reports then belong to none open now.
  if (after.workbook !== workbook) return after.replayCancelled();
  keepDecodedDataset(workbook, datasetId, outcome.dataset);

  const createdAtMs = nowMs();
  const { reports, storedReports } = outcome;
  after.showComparison({ runId: null, recording: true, scenarioId: inputs.scenario?.id ?? null, versionIds, reports, datasetId, createdAtMs, stale: [], note: null });
  markStep('compare:shown');
  // The results are drawn first; writing the run into the workbook (a few hundred ms for a large history) follows.
  // Two frames: the first paints the tables; the charts, set up once the tables are in, draw in the frame after.
  await afterNextPaint();
  await afterNextPaint();
  // Another workbook opened in those frames: the old one is closed, and the shown result went with it.
  if (store.getState().workbook !== workbook) return;
  store.getState().comparisonRecorded(reports, recordComparison(workbook, inputs, runInputs, datasetId, createdAtMs, reports, storedReports));
  markStep('compare:recorded');
  store.getState().workbookChanged(null);
}

/**
 * Writes the run under the scenario that names its inputs, creating the scenario when there is none (so a comparison
 * that never finished leaves none behind). What to show about it: its id, or why it could not be recorded.
 */
function recordComparison(
  workbook: Workbook,
  inputs: ReplayInputs,
  runInputs: WorkbookResult<RunInputs> | null,
  datasetId: number,
  createdAtMs: number,
  reports: ReplayReport[],
  storedReports: Uint8Array[],
): Pick<ComparisonResult, 'runId' | 'scenarioId' | 'note'> {
  const { versionIds } = inputs;
  const scenario = inputs.scenario === null ? createScenarioFor(workbook, versionIds, inputs.labels, datasetId, createdAtMs) : succeed(inputs.scenario);
  if (!scenario.ok) return { runId: null, scenarioId: null, note: notRecorded(scenario.problem.message) };
  const recordedInputs = runInputs ?? scenarioInputs(workbook, scenario.value.id);
  if (!recordedInputs.ok) return { runId: null, scenarioId: scenario.value.id, note: notRecorded(recordedInputs.problem.message) };
  const recorded = recordRun(workbook, {
    scenarioId: scenario.value.id,
    inputs: recordedInputs.value,
    engineVersion: ENGINE_VERSION,
    createdAtMs,
    baseline: { versionId: versionIds[0], report: reports[0], storedUtf8: storedReports[0] },
    candidates: reports.slice(1).map((report, index) => ({ versionId: versionIds[index + 1], report, storedUtf8: storedReports[index + 1] })),
  });
  return recorded.ok
    ? { runId: recorded.value.id, scenarioId: scenario.value.id, note: null }
    : { runId: null, scenarioId: scenario.value.id, note: notRecorded(recorded.problem.message) };
}

function notRecorded(why: string): string {
  return `The results are shown but were not recorded in the workbook: ${why}`;
}

/** Stops the comparison under way, whether its usage is still being read or the worker is replaying it. */
export function cancelComparison(store: WorkbenchStore, replayClient: ReplayClient): void {
  if (store.getState().replayProgress.state !== 'running') return;
  replayClient.cancel();
  store.getState().replayCancelled();
}

/** Shows a recorded run as it was, without replaying, saying when its inputs have changed since. */
export function reopenRun(store: WorkbenchStore, runId: number): WorkbookResult<null> {
  const { workbook } = store.getState();
  if (workbook === null) throw new Error('invariant: reopening a run before the workbook is open');
  const run = getRun(workbook, runId);
  if (!run.ok) return run;
  const scenario = getScenario(workbook, run.value.scenarioId);
  if (!scenario.ok) return scenario;
  const staleness = runStaleness(workbook, runId, ENGINE_VERSION);
  const versionIds = [run.value.baseline.versionId, ...run.value.candidates.map((candidate) => candidate.versionId)];
  store.getState().showComparison({
    runId,
    recording: false,
    scenarioId: run.value.scenarioId,
    versionIds,
    reports: [run.value.baseline.report, ...run.value.candidates.map((candidate) => candidate.report)],
    datasetId: run.value.inputs.datasetId,
    createdAtMs: run.value.createdAtMs,
    stale: staleness.ok ? staleness.value.reasons : [],
    note: null,
  });
  store.getState().chooseComparison({
    baselineVersionId: versionIds[0],
    candidateVersionIds: versionIds.slice(1),
    datasetId: run.value.inputs.datasetId,
  });
  return { ok: true, value: null };
}

const STALE_TEXT: Record<StaleReason, string> = {
  'baseline-book-changed': 'the baseline book has changed',
  'candidate-books-changed': 'the candidate books have changed',
  'dataset-changed': 'the dataset has changed',
  'options-changed': "the scenario's options have changed",
  'engine-changed': 'this version of Credit Workbench computes replays differently',
};

export function staleText(reasons: readonly StaleReason[]): string | null {
  if (reasons.length === 0) return null;
  return `These results were recorded before ${reasons.map((reason) => STALE_TEXT[reason]).join(', and ')}; run the comparison again to bring them up to date.`;
}

export type LedgerOutcome = { ok: true; entries: LedgerEntry[]; book: PriceBook } | { ok: false; message: string };

/**
 * One customer's ledger under one book of the result, replayed on the page for that customer alone, over the same
 * window and usage (plan mapping included) as the report it drills into. Only that customer's usage is read from the
 * workbook: their ledger depends on nothing else (the window's end is the report's, its months are calendar months).
 */
export function customerLedger(workbook: Workbook, versionId: number, datasetId: number, scenarioId: number | null, isBaseline: boolean, customerId: string, toMs: number): LedgerOutcome {
  const version = readPriceBookVersionById(workbook, versionId);
  if (!version.ok) return { ok: false, message: version.problem.message };
  const dataset = loadCustomerUsage(workbook, datasetId, customerId);
  if (!dataset.ok) return { ok: false, message: dataset.problem.message };
  let usage = dataset.value;
  if (!isBaseline && scenarioId !== null) {
    const scenario = getScenario(workbook, scenarioId);
    const options = scenario.ok ? readScenarioOptions(scenario.value.options) : null;
    if (options !== null && options.ok) usage = applyPlanMapping(usage, options.value.planMapping).dataset;
  }
  try {
    return { ok: true, entries: materialiseCustomerLedger(version.value.book, usage, customerId, { toMs }), book: version.value.book };
  } catch (error) {
    if (error instanceof ReplayInputError) return { ok: false, message: error.message };
    throw error;
  }
}
