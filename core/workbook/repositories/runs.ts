// Runs: the reports of one replay of a scenario, with the inputs it replayed, so a result reopens without replaying
// and is known to be stale when the scenario now names other books, another dataset or other options, or the
// engine has changed. Runs are never edited; replaying again makes a new run.

import type { SqlValue } from 'sql.js';
import { sha256HexOfText } from '../../engine/hash/sha256';
import type { ReplayReport } from '../../engine/report/report-model';
import { lastInsertId, numberValue, queryOneRow, queryRows, textValue } from '../sql-rows';
import { inTransaction } from '../transaction';
import type { Workbook } from '../workbook';
import { fail, succeed, type WorkbookResult } from '../workbook-problem';
import { readPriceBookVersionById } from './price-books';
import { reportFromStoredText, storedReportText } from '../stored-report';
import { getScenario } from './scenarios';

/** What a run replayed, by content: equal inputs give equal reports under the same engine version. */
export interface RunInputs {
  baselineContentHash: string;
  candidateContentHashes: string[];
  /** Datasets are never changed and their ids never reused, so the id names the data. */
  datasetId: number;
  /** SHA-256 of the scenario's options JSON text. */
  optionsHash: string;
}

export interface RunReportInput {
  versionId: number;
  report: ReplayReport;
  /**
   * The report's stored text (storedReportText of `report`) as UTF-8, when the caller has it already — the page's
   * replay worker makes it off the page's thread; written as it is, so it must be exactly that text.
   */
  storedUtf8?: Uint8Array;
}

export interface RunRecord {
  scenarioId: number;
  /** Taken with scenarioInputs before replaying, so an edit made during the replay shows as staleness. */
  inputs: RunInputs;
  engineVersion: string;
  createdAtMs: number;
  baseline: RunReportInput;
  /** In the order of the inputs' candidate hashes. */
  candidates: RunReportInput[];
}

export interface RunInfo {
  id: number;
  scenarioId: number;
  inputs: RunInputs;
  engineVersion: string;
  createdAtMs: number;
}

export interface StoredRunReport {
  versionId: number;
  report: ReplayReport;
}

export interface StoredRun extends RunInfo {
  baseline: StoredRunReport;
  candidates: StoredRunReport[];
}

export type StaleReason = 'baseline-book-changed' | 'candidate-books-changed' | 'dataset-changed' | 'options-changed' | 'engine-changed';

export interface RunStaleness {
  stale: boolean;
  /** Every input that differs, in the order of StaleReason; empty when the run is current. */
  reasons: StaleReason[];
}

const RUN_COLUMNS = 'id, scenario_id, inputs_json, engine_version, created_at_ms';

/** The inputs the scenario names now. */
export function scenarioInputs(workbook: Workbook, scenarioId: number): WorkbookResult<RunInputs> {
  const scenario = getScenario(workbook, scenarioId);
  if (!scenario.ok) return scenario;
  const hashes: string[] = [];
  for (const versionId of [scenario.value.baselineVersionId, ...scenario.value.candidateVersionIds]) {
    const version = readPriceBookVersionById(workbook, versionId);
    if (!version.ok) return version;
    hashes.push(version.value.contentHash);
  }
  return succeed({
    baselineContentHash: hashes[0],
    candidateContentHashes: hashes.slice(1),
    datasetId: scenario.value.datasetId,
    optionsHash: sha256HexOfText(scenario.value.optionsJson),
  });
}

export function recordRun(workbook: Workbook, record: RunRecord): WorkbookResult<RunInfo> {
  const reports = [record.baseline, ...record.candidates];
  const hashes = [record.inputs.baselineContentHash, ...record.inputs.candidateContentHashes];
  if (reports.length !== hashes.length) throw new Error(`invariant: ${reports.length} reports for ${hashes.length} books`);
  reports.forEach((entry, position) => {
    if (entry.report.book.contentHash !== hashes[position]) {
      throw new Error(`invariant: report ${position} is of book ${entry.report.book.contentHash}, not the input ${hashes[position]}`);
    }
  });
  const { database } = workbook;
  return inTransaction(database, () => {
    const scenario = getScenario(workbook, record.scenarioId);
    if (!scenario.ok) return scenario;
    database.run('INSERT INTO runs (scenario_id, inputs_json, engine_version, created_at_ms) VALUES (?, ?, ?, ?)', [
      record.scenarioId,
      inputsJson(record.inputs),
      record.engineVersion,
      record.createdAtMs,
    ]);
    const runId = lastInsertId(database);
    // Bound as bytes and cast to text by SQLite: sql.js copies bytes into its memory at once, while a string bound as
    // text goes through a JavaScript array of every byte, which for a report of megabytes costs seconds.
    const statement = database.prepare('INSERT INTO run_reports (run_id, position, version_id, report_json) VALUES (?, ?, ?, CAST(? AS TEXT))');
    try {
      reports.forEach((entry, position) =>
        statement.run([runId, position, entry.versionId, entry.storedUtf8 ?? new TextEncoder().encode(storedReportText(entry.report))]),
      );
    } finally {
      statement.free();
    }
    return getRunInfo(workbook, runId);
  });
}

/** A scenario's runs, newest first, without their reports. */
export function listRuns(workbook: Workbook, scenarioId: number): RunInfo[] {
  return queryRows(workbook.database, `SELECT ${RUN_COLUMNS} FROM runs WHERE scenario_id = ? ORDER BY id DESC`, [scenarioId]).map(runFromRow);
}

export function getRun(workbook: Workbook, runId: number): WorkbookResult<StoredRun> {
  const info = getRunInfo(workbook, runId);
  if (!info.ok) return info;
  const rows = queryRows(workbook.database, 'SELECT version_id, report_json FROM run_reports WHERE run_id = ? ORDER BY position', [runId]);
  const reports: StoredRunReport[] = [];
  for (const row of rows) {
    // Written by recordRun, never changed since (the schema forbids it): anything else is damage.
    const report = reportFromStoredText(textValue(row[1], 'run_reports.report_json'));
    if (report === null) return fail('workbook_damaged', `Run ${runId} is damaged: one of its reports cannot be read. Replay the scenario again.`);
    reports.push({ versionId: numberValue(row[0], 'run_reports.version_id'), report });
  }
  if (reports.length !== 1 + info.value.inputs.candidateContentHashes.length) {
    return fail('workbook_damaged', `Run ${runId} is damaged: some of its reports are missing. Replay the scenario again.`);
  }
  return succeed({ ...info.value, baseline: reports[0], candidates: reports.slice(1) });
}

/** The scenario's newest run with its reports. */
export function latestRun(workbook: Workbook, scenarioId: number): WorkbookResult<StoredRun> {
  const row = queryOneRow(workbook.database, 'SELECT id FROM runs WHERE scenario_id = ? ORDER BY id DESC LIMIT 1', [scenarioId]);
  if (row === null) return fail('run_not_found', `Scenario ${scenarioId} has not been run yet.`);
  return getRun(workbook, numberValue(row[0], 'runs.id'));
}

/** Compares what the run replayed with what its scenario names now, under `engineVersion` (the running engine's). */
export function runStaleness(workbook: Workbook, runId: number, engineVersion: string): WorkbookResult<RunStaleness> {
  const run = getRunInfo(workbook, runId);
  if (!run.ok) return run;
  const current = scenarioInputs(workbook, run.value.scenarioId);
  if (!current.ok) return current;
  const was = run.value.inputs;
  const now = current.value;
  const reasons: StaleReason[] = [];
  if (was.baselineContentHash !== now.baselineContentHash) reasons.push('baseline-book-changed');
  if (was.candidateContentHashes.join(',') !== now.candidateContentHashes.join(',')) reasons.push('candidate-books-changed');
  if (was.datasetId !== now.datasetId) reasons.push('dataset-changed');
  if (was.optionsHash !== now.optionsHash) reasons.push('options-changed');
  if (run.value.engineVersion !== engineVersion) reasons.push('engine-changed');
  return succeed({ stale: reasons.length > 0, reasons });
}

function getRunInfo(workbook: Workbook, runId: number): WorkbookResult<RunInfo> {
  const row = queryOneRow(workbook.database, `SELECT ${RUN_COLUMNS} FROM runs WHERE id = ?`, [runId]);
  if (row === null) return fail('run_not_found', `The workbook has no run with id ${runId}.`);
  return succeed(runFromRow(row));
}

/** Fixed key order, so equal inputs are equal text. */
function inputsJson(inputs: RunInputs): string {
  return JSON.stringify({
    baselineContentHash: inputs.baselineContentHash,
    candidateContentHashes: inputs.candidateContentHashes,
    datasetId: inputs.datasetId,
    optionsHash: inputs.optionsHash,
  });
}

function runFromRow(row: SqlValue[]): RunInfo {
  return {
    id: numberValue(row[0], 'runs.id'),
    scenarioId: numberValue(row[1], 'runs.scenario_id'),
    // Written by inputsJson in this module, never changed since (the schema forbids it).
    inputs: JSON.parse(textValue(row[2], 'runs.inputs_json')) as RunInputs,
    engineVersion: textValue(row[3], 'runs.engine_version'),
    createdAtMs: numberValue(row[4], 'runs.created_at_ms'),
  };
}
