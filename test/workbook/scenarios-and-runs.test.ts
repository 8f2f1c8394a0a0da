import { beforeEach, describe, expect, test } from 'vitest';
import { replay } from '../../core/engine/replay/replay';
import { ENGINE_VERSION } from '../../core/engine/version';
import { exportWorkbook, openWorkbook } from '../../core/workbook/open-workbook';
import { saveDataset } from '../../core/workbook/repositories/dataset-store';
import { addPriceBookVersion, type PriceBookVersionInfo } from '../../core/workbook/repositories/price-books';
import {
  getRun,
  latestRun,
  listRuns,
  recordRun,
  runStaleness,
  scenarioInputs,
  type RunRecord,
} from '../../core/workbook/repositories/runs';
import {
  createScenario,
  findScenarioByName,
  getScenario,
  listScenarios,
  updateScenario,
  type ScenarioDefinition,
} from '../../core/workbook/repositories/scenarios';
import type { ReplayReport } from '../../core/engine/report/report-model';
import { storedReportText } from '../../core/workbook/stored-report';
import type { Workbook } from '../../core/workbook/workbook';
import { monthlyPlan, testBook } from '../support/book-builder';
import { history } from '../support/history-builder';
import { freshWorkbook, sqlJs, valueOf } from './workbook-support';

const AT = Date.UTC(2025, 6, 1);

const baselineBook = testBook({ plans: [monthlyPlan()] });
const candidateBook = testBook({ plans: [monthlyPlan({ includedCredits: '50' })] });
const otherCandidate = testBook({ plans: [monthlyPlan({ fee: '12' })] });

const usage = history(
  [{ id: 'acme', plan: 'pro', start: '2025-01-01' }],
  [
    ['2025-01-05T00:00:00Z', 'acme', 'call', 80],
    ['2025-02-05T00:00:00Z', 'acme', 'call', 120],
  ],
);

interface Setup {
  workbook: Workbook;
  baseline: PriceBookVersionInfo;
  candidate: PriceBookVersionInfo;
  other: PriceBookVersionInfo;
  datasetId: number;
  definition: ScenarioDefinition;
}

let setup: Setup;

beforeEach(async () => {
  const workbook = await freshWorkbook();
  const add = (book: typeof baselineBook, id: string): PriceBookVersionInfo =>
    valueOf(addPriceBookVersion(workbook, { ...book, id }, { createdAtMs: AT, note: '' })).version;
  const baseline = add(baselineBook, 'current');
  const candidate = add(candidateBook, 'smaller-plan');
  const other = add(otherCandidate, 'pricier-plan');
  const datasetId = valueOf(saveDataset(workbook, usage, { name: 'H1', eventsFileName: 'e.csv', customersFileName: 'c.csv', importedAtMs: AT })).id;
  const definition: ScenarioDefinition = {
    name: 'shrink the plan',
    baselineVersionId: baseline.versionId,
    candidateVersionIds: [candidate.versionId],
    datasetId,
    options: { fromMs: Date.UTC(2025, 0, 1), planMapping: { pro: 'pro' } },
  };
  setup = { workbook, baseline, candidate, other, datasetId, definition };
});

function replayRecord(scenarioId: number): RunRecord {
  const { workbook, baseline, candidate } = setup;
  const inputs = valueOf(scenarioInputs(workbook, scenarioId));
  const baselineReport = replay({ ...baselineBook, id: 'current' }, usage);
  const candidateReport = replay({ ...candidateBook, id: 'smaller-plan' }, usage, { baseline: baselineReport });
  return {
    scenarioId,
    inputs,
    engineVersion: ENGINE_VERSION,
    createdAtMs: AT + 1,
    baseline: { versionId: baseline.versionId, report: baselineReport },
    candidates: [{ versionId: candidate.versionId, report: candidateReport }],
  };
}

describe('scenarios', () => {
  test('a scenario round-trips with its candidates in order and its options', async () => {
    const { workbook, definition, candidate, other } = setup;
    const created = valueOf(createScenario(workbook, { ...definition, candidateVersionIds: [other.versionId, candidate.versionId] }, AT));
    expect(created).toEqual({
      ...definition,
      candidateVersionIds: [other.versionId, candidate.versionId],
      id: 1,
      optionsJson: JSON.stringify(definition.options),
      createdAtMs: AT,
      updatedAtMs: AT,
    });
    const reopened = valueOf(openWorkbook(exportWorkbook(workbook), await sqlJs())).workbook;
    expect(valueOf(getScenario(reopened, 1))).toEqual(created);
    expect(valueOf(findScenarioByName(reopened, 'shrink the plan'))).toEqual(created);
    expect(listScenarios(reopened)).toEqual([created]);
  });

  test('an update replaces what the scenario names and keeps its creation time', () => {
    const { workbook, definition, other } = setup;
    const { id } = valueOf(createScenario(workbook, definition, AT));
    const updated = valueOf(updateScenario(workbook, id, { ...definition, name: 'pricier', candidateVersionIds: [other.versionId] }, AT + 5));
    expect(updated).toMatchObject({ id, name: 'pricier', candidateVersionIds: [other.versionId], createdAtMs: AT, updatedAtMs: AT + 5 });
  });

  test('a scenario must name existing books and dataset, a candidate, and a free name', () => {
    const { workbook, definition } = setup;
    valueOf(createScenario(workbook, definition, AT));
    expect(createScenario(workbook, definition, AT)).toEqual({
      ok: false,
      problem: { code: 'scenario_name_taken', message: 'The workbook already has a scenario named "shrink the plan"; pick another name.' },
    });
    expect(createScenario(workbook, { ...definition, name: 'b', candidateVersionIds: [] }, AT)).toEqual({
      ok: false,
      problem: { code: 'scenario_without_candidates', message: 'The scenario "b" names no candidate book; add at least one.' },
    });
    expect(createScenario(workbook, { ...definition, name: 'c', candidateVersionIds: [77] }, AT)).toEqual({
      ok: false,
      problem: { code: 'price_book_version_not_found', message: 'The workbook has no price book version with id 77.' },
    });
    expect(createScenario(workbook, { ...definition, name: 'd', datasetId: 5 }, AT)).toEqual({
      ok: false,
      problem: { code: 'dataset_not_found', message: 'The workbook has no dataset with id 5.' },
    });
    expect(listScenarios(workbook)).toHaveLength(1);
    expect(updateScenario(workbook, 42, definition, AT)).toEqual({
      ok: false,
      problem: { code: 'scenario_not_found', message: 'The workbook has no scenario with id 42.' },
    });
  });

  test('a failed update leaves the scenario as it was', () => {
    const { workbook, definition } = setup;
    const created = valueOf(createScenario(workbook, definition, AT));
    expect(updateScenario(workbook, created.id, { ...definition, candidateVersionIds: [created.candidateVersionIds[0], 99] }, AT + 1).ok).toBe(false);
    expect(valueOf(getScenario(workbook, created.id))).toEqual(created);
  });
});

describe('runs', () => {
  test('a run reopens with its reports exactly as they were recorded, without replaying', async () => {
    const { workbook, definition } = setup;
    const { id: scenarioId } = valueOf(createScenario(workbook, definition, AT));
    const record = replayRecord(scenarioId);
    const info = valueOf(recordRun(workbook, record));
    expect(info).toEqual({ id: 1, scenarioId, inputs: record.inputs, engineVersion: ENGINE_VERSION, createdAtMs: AT + 1 });
    const reopened = valueOf(openWorkbook(exportWorkbook(workbook), await sqlJs())).workbook;
    const stored = valueOf(getRun(reopened, info.id));
    expect(stored.baseline).toEqual(record.baseline);
    expect(stored.candidates).toEqual(record.candidates);
    expect(valueOf(latestRun(reopened, scenarioId))).toEqual(stored);
  });

  test('a report handed over already encoded is stored as it is and reopens equal to the report', async () => {
    const { workbook, definition } = setup;
    const { id: scenarioId } = valueOf(createScenario(workbook, definition, AT));
    const record = replayRecord(scenarioId);
    const encoded = (report: ReplayReport) => new TextEncoder().encode(storedReportText(report));
    const info = valueOf(
      recordRun(workbook, {
        ...record,
        baseline: { ...record.baseline, storedUtf8: encoded(record.baseline.report) },
        candidates: record.candidates.map((candidate) => ({ ...candidate, storedUtf8: encoded(candidate.report) })),
      }),
    );
    const stored = valueOf(getRun(workbook, info.id));
    expect(stored.baseline).toEqual(record.baseline);
    expect(stored.candidates).toEqual(record.candidates);
    const texts = workbook.database.exec('SELECT report_json FROM run_reports WHERE run_id = ? ORDER BY position', [info.id])[0].values.map((row) => row[0]);
    expect(texts).toEqual([storedReportText(record.baseline.report), storedReportText(record.candidates[0].report)]);
  });

  test('a run stored by an earlier version, reports as plain JSON, still reopens; a damaged report is said, not thrown', () => {
    const { workbook, definition } = setup;
    const { id: scenarioId } = valueOf(createScenario(workbook, definition, AT));
    const record = replayRecord(scenarioId);
    const info = valueOf(recordRun(workbook, { ...record, candidates: [] , inputs: { ...record.inputs, candidateContentHashes: [] } }));
    // Written the way schema 2–4 builds wrote reports.
    workbook.database.run('DELETE FROM run_reports WHERE run_id = ?', [info.id]);
    workbook.database.run('INSERT INTO run_reports (run_id, position, version_id, report_json) VALUES (?, 0, ?, ?)', [info.id, record.baseline.versionId, JSON.stringify(record.baseline.report)]);
    expect(valueOf(getRun(workbook, info.id)).baseline).toEqual(record.baseline);
    workbook.database.run('DELETE FROM run_reports WHERE run_id = ?', [info.id]);
    workbook.database.run("INSERT INTO run_reports (run_id, position, version_id, report_json) VALUES (?, 0, ?, '{\"reportVersion\":1')", [info.id, record.baseline.versionId]);
    expect(getRun(workbook, info.id)).toEqual({
      ok: false,
      problem: { code: 'workbook_damaged', message: `Run ${info.id} is damaged: one of its reports cannot be read. Replay the scenario again.` },
    });
  });

  test('runs are listed newest first and the latest is the last recorded', () => {
    const { workbook, definition } = setup;
    const { id: scenarioId } = valueOf(createScenario(workbook, definition, AT));
    valueOf(recordRun(workbook, replayRecord(scenarioId)));
    valueOf(recordRun(workbook, { ...replayRecord(scenarioId), createdAtMs: AT + 2 }));
    expect(listRuns(workbook, scenarioId).map((run) => [run.id, run.createdAtMs])).toEqual([
      [2, AT + 2],
      [1, AT + 1],
    ]);
    expect(valueOf(latestRun(workbook, scenarioId)).id).toBe(2);
  });

  test('a scenario that never ran has no latest run', () => {
    const { workbook, definition } = setup;
    const { id } = valueOf(createScenario(workbook, definition, AT));
    expect(latestRun(workbook, id)).toEqual({ ok: false, problem: { code: 'run_not_found', message: `Scenario ${id} has not been run yet.` } });
  });

  test('a report of another book than the inputs name is a programming error', () => {
    const { workbook, definition } = setup;
    const { id } = valueOf(createScenario(workbook, definition, AT));
    const record = replayRecord(id);
    expect(() => recordRun(workbook, { ...record, candidates: [record.baseline] })).toThrow(/invariant: report 1 is of book/);
    expect(listRuns(workbook, id)).toEqual([]);
  });

  test('the schema refuses to edit a recorded run', () => {
    const { workbook, definition } = setup;
    const { id } = valueOf(createScenario(workbook, definition, AT));
    valueOf(recordRun(workbook, replayRecord(id)));
    expect(() => workbook.database.run("UPDATE runs SET engine_version = '0'")).toThrow('runs are never changed: replay again instead');
    expect(() => workbook.database.run("UPDATE run_reports SET report_json = '{}'")).toThrow('run reports are never changed: replay again instead');
  });
});

describe('stale runs', () => {
  function staleReasons(scenarioId: number, runId: number, engineVersion = ENGINE_VERSION): string[] {
    const staleness = valueOf(runStaleness(setup.workbook, runId, engineVersion));
    expect(staleness.stale).toBe(staleness.reasons.length > 0);
    return staleness.reasons;
  }

  test('a run of the scenario as it still is, under the same engine, is current', () => {
    const { workbook, definition } = setup;
    const { id } = valueOf(createScenario(workbook, definition, AT));
    const run = valueOf(recordRun(workbook, replayRecord(id)));
    expect(staleReasons(id, run.id)).toEqual([]);
  });

  test('each changed input is named', () => {
    const { workbook, definition, other, baseline } = setup;
    const { id } = valueOf(createScenario(workbook, definition, AT));
    const run = valueOf(recordRun(workbook, replayRecord(id)));
    const otherDataset = valueOf(saveDataset(workbook, usage, { name: 'H2', eventsFileName: 'e.csv', customersFileName: null, importedAtMs: AT })).id;

    valueOf(updateScenario(workbook, id, { ...definition, candidateVersionIds: [other.versionId] }, AT));
    expect(staleReasons(id, run.id)).toEqual(['candidate-books-changed']);

    valueOf(updateScenario(workbook, id, { ...definition, baselineVersionId: other.versionId }, AT));
    expect(staleReasons(id, run.id)).toEqual(['baseline-book-changed']);

    valueOf(updateScenario(workbook, id, { ...definition, datasetId: otherDataset }, AT));
    expect(staleReasons(id, run.id)).toEqual(['dataset-changed']);

    valueOf(updateScenario(workbook, id, { ...definition, options: { fromMs: 0 } }, AT));
    expect(staleReasons(id, run.id)).toEqual(['options-changed']);

    valueOf(updateScenario(workbook, id, definition, AT));
    expect(staleReasons(id, run.id, '9.9.9')).toEqual(['engine-changed']);

    valueOf(updateScenario(workbook, id, { ...definition, baselineVersionId: other.versionId, candidateVersionIds: [baseline.versionId] }, AT));
    expect(staleReasons(id, run.id, '9.9.9')).toEqual(['baseline-book-changed', 'candidate-books-changed', 'engine-changed']);
  });

  test('pointing at another version with the same content does not make a run stale', () => {
    const { workbook, definition } = setup;
    const { id } = valueOf(createScenario(workbook, definition, AT));
    const run = valueOf(recordRun(workbook, replayRecord(id)));
    // Version 3 of the baseline book, after a detour through version 2, has the very content of version 1.
    const detour = valueOf(addPriceBookVersion(workbook, { ...otherCandidate, id: 'current' }, { createdAtMs: AT, note: '' })).version;
    const back = valueOf(addPriceBookVersion(workbook, { ...baselineBook, id: 'current' }, { createdAtMs: AT, note: '' })).version;
    expect(detour.versionNumber).toBe(2);
    expect(back.versionNumber).toBe(3);
    valueOf(updateScenario(workbook, id, { ...definition, baselineVersionId: back.versionId }, AT));
    expect(staleReasons(id, run.id)).toEqual([]);
  });

  test('an unknown run is a problem, not a throw', () => {
    expect(runStaleness(setup.workbook, 5, ENGINE_VERSION)).toEqual({
      ok: false,
      problem: { code: 'run_not_found', message: 'The workbook has no run with id 5.' },
    });
  });
});
