// What the Compare screen does: replay the chosen books over the chosen dataset in the worker and record the run in
// the workbook (under the scenario that names these inputs, created when there is none), reopen a recorded run
// without replaying, and materialise one customer's ledger for the drill-down. Problems are sentences in the store.

import type { PriceBook } from '../../../core/engine/price-book/model';
import { materialiseCustomerLedger } from '../../../core/engine/replay/replay';
import { ReplayInputError } from '../../../core/engine/replay/replay-error';
import type { LedgerEntry } from '../../../core/engine/replay/replay-types';
import type { UsageDataset } from '../../../core/engine/usage/dataset';
import { ENGINE_VERSION } from '../../../core/engine/version';
import { readPriceBookVersionById } from '../../../core/workbook/repositories/price-books';
import { getDataset } from '../../../core/workbook/repositories/datasets';
import { getRun, recordRun, runStaleness, scenarioInputs, type StaleReason } from '../../../core/workbook/repositories/runs';
import { createScenario, getScenario, type Scenario } from '../../../core/workbook/repositories/scenarios';
import { applyPlanMapping, readScenarioOptions } from '../../../core/workbook/scenario-options';
import type { Workbook } from '../../../core/workbook/workbook';
import type { WorkbookResult } from '../../../core/workbook/workbook-problem';
import type { WorkbenchStore } from '../../state/store';
import type { ReplayClient } from '../../workers/replay-client';
import { matchingScenario, versionLabel } from './compare-choices';
import { cachedDataset } from './dataset-cache';

interface ReplayInputs {
  scenario: Scenario;
  books: PriceBook[];
  versionIds: number[];
  dataset: UsageDataset;
  candidateDataset: UsageDataset | null;
  toMs: number | null;
}

/** Why the chosen inputs cannot be run yet, or null when they can. */
export function comparisonBlocker(choice: { baselineVersionId: number | null; candidateVersionIds: number[]; datasetId: number | null }): string | null {
  if (choice.baselineVersionId === null) return 'Choose a baseline price book.';
  if (choice.candidateVersionIds.length === 0) return 'Choose at least one candidate price book to compare with the baseline.';
  if (choice.datasetId === null) return 'Choose the usage dataset to replay.';
  return null;
}

function scenarioFor(workbook: Workbook, versionIds: number[], labels: string[], datasetId: number, nowMs: number): WorkbookResult<Scenario> {
  const [baselineVersionId, ...candidateVersionIds] = versionIds;
  const existing = matchingScenario(workbook, baselineVersionId, candidateVersionIds, datasetId);
  if (existing !== null) return { ok: true, value: existing };
  const dataset = getDataset(workbook, datasetId);
  if (!dataset.ok) return dataset;
  const stem = `${labels[0]} vs ${labels.slice(1).join(', ')} on ${dataset.value.name}`;
  // A name another scenario already has gets a number: scenario names are unique.
  for (let attempt = 1; ; attempt++) {
    const created = createScenario(
      workbook,
      { name: attempt === 1 ? stem : `${stem} (${attempt})`, baselineVersionId, candidateVersionIds, datasetId, options: {} },
      nowMs,
    );
    if (created.ok || created.problem.code !== 'scenario_name_taken') return created;
  }
}

function gatherInputs(workbook: Workbook, versionIds: number[], datasetId: number, nowMs: number): WorkbookResult<ReplayInputs> {
  const books: PriceBook[] = [];
  const labels: string[] = [];
  for (const versionId of versionIds) {
    const version = readPriceBookVersionById(workbook, versionId);
    if (!version.ok) return version;
    books.push(version.value.book);
    labels.push(versionLabel(version.value.book.name, version.value.versionNumber));
  }
  const dataset = cachedDataset(workbook, datasetId);
  if (!dataset.ok) return dataset;
  const scenario = scenarioFor(workbook, versionIds, labels, datasetId, nowMs);
  if (!scenario.ok) return scenario;
  const options = readScenarioOptions(scenario.value.options);
  if (!options.ok) return options;
  const mapped = applyPlanMapping(dataset.value, options.value.planMapping);
  return {
    ok: true,
    value: {
      scenario: scenario.value,
      books,
      versionIds,
      dataset: dataset.value,
      candidateDataset: mapped.dataset === dataset.value ? null : mapped.dataset,
      toMs: options.value.toMs,
    },
  };
}

/** Replays the chosen comparison in the worker, records the run, and shows it; or says why not. */
export async function runComparison(store: WorkbenchStore, replayClient: ReplayClient, nowMs: () => number): Promise<void> {
  const state = store.getState();
  const { workbook, comparison } = state;
  if (workbook === null || replayClient.running) return;
  const blocker = comparisonBlocker(comparison);
  if (blocker !== null) {
    state.replayFailed(blocker);
    return;
  }
  const versionIds = [comparison.baselineVersionId as number, ...comparison.candidateVersionIds];
  const datasetId = comparison.datasetId as number;
  const gathered = gatherInputs(workbook, versionIds, datasetId, nowMs());
  if (!gathered.ok) {
    state.replayFailed(gathered.problem.message);
    return;
  }
  const inputs = gathered.value;
  // Taken before replaying, so the run names exactly the inputs it replayed.
  const runInputs = scenarioInputs(workbook, inputs.scenario.id);
  if (!runInputs.ok) {
    state.replayFailed(runInputs.problem.message);
    return;
  }
  state.replayStarted(inputs.books.length);
  const outcome = await replayClient.run(
    { books: inputs.books, dataset: inputs.dataset, candidateDataset: inputs.candidateDataset, toMs: inputs.toMs },
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
  const after = store.getState();
  if (outcome.kind === 'cancelled') return after.replayCancelled();
  if (outcome.kind === 'refused') return after.replayFailed(`The replay stopped: ${outcome.message}`);
  if (outcome.kind === 'crashed') return after.replayFailed(`The replay failed unexpectedly: ${outcome.message}`);
  // The workbook may have been replaced while the worker ran; the reports then belong to none open now.
  if (after.workbook !== workbook) return after.replayCancelled();

  const createdAtMs = nowMs();
  const [baselineReport, ...candidateReports] = outcome.reports;
  const recorded = recordRun(workbook, {
    scenarioId: inputs.scenario.id,
    inputs: runInputs.value,
    engineVersion: ENGINE_VERSION,
    createdAtMs,
    baseline: { versionId: versionIds[0], report: baselineReport },
    candidates: candidateReports.map((report, index) => ({ versionId: versionIds[index + 1], report })),
  });
  after.showComparison({
    runId: recorded.ok ? recorded.value.id : null,
    scenarioId: inputs.scenario.id,
    versionIds,
    reports: outcome.reports,
    datasetId,
    createdAtMs,
    stale: [],
    note: recorded.ok ? null : `The results are shown but were not recorded in the workbook: ${recorded.problem.message}`,
  });
  after.workbookChanged(null);
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
 * window and usage (plan mapping included) as the report it drills into.
 */
export function customerLedger(workbook: Workbook, versionId: number, datasetId: number, scenarioId: number | null, isBaseline: boolean, customerId: string, toMs: number): LedgerOutcome {
  const version = readPriceBookVersionById(workbook, versionId);
  if (!version.ok) return { ok: false, message: version.problem.message };
  const dataset = cachedDataset(workbook, datasetId);
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
