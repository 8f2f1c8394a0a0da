// Scenarios: a baseline book version, one or more candidate versions, a dataset and behaviour options. A scenario
// may be edited (unlike versions and runs); its runs record what it was when they ran, so edits make them stale.

import type { SqlValue } from 'sql.js';
import { lastInsertId, numberValue, queryOneRow, queryRows, textValue } from '../sql-rows';
import { inTransaction } from '../transaction';
import type { Workbook } from '../workbook';
import { fail, succeed, type WorkbookResult } from '../workbook-problem';

/** Any JSON value: the options belong to the replay's front ends, the workbook only keeps them. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface ScenarioDefinition {
  name: string;
  baselineVersionId: number;
  candidateVersionIds: number[];
  datasetId: number;
  /** Behaviour options (plan mapping, top-up rules, replay window), stored as JSON text. */
  options: JsonValue;
}

export interface Scenario extends ScenarioDefinition {
  id: number;
  /** The options exactly as stored: runs hash this text. */
  optionsJson: string;
  createdAtMs: number;
  updatedAtMs: number;
}

const SCENARIO_COLUMNS = 'id, name, baseline_version_id, dataset_id, options_json, created_at_ms, updated_at_ms';

export function createScenario(workbook: Workbook, definition: ScenarioDefinition, atMs: number): WorkbookResult<Scenario> {
  const { database } = workbook;
  return inTransaction(database, () => {
    const checked = checkDefinition(workbook, definition, null);
    if (!checked.ok) return checked;
    database.run(
      'INSERT INTO scenarios (name, baseline_version_id, dataset_id, options_json, created_at_ms, updated_at_ms) VALUES (?, ?, ?, ?, ?, ?)',
      [definition.name, definition.baselineVersionId, definition.datasetId, JSON.stringify(definition.options), atMs, atMs],
    );
    const scenarioId = lastInsertId(database);
    insertCandidates(workbook, scenarioId, definition.candidateVersionIds);
    return getScenario(workbook, scenarioId);
  });
}

/** Replaces everything the scenario names; its earlier runs are kept and become stale where an input changed. */
export function updateScenario(workbook: Workbook, scenarioId: number, definition: ScenarioDefinition, atMs: number): WorkbookResult<Scenario> {
  const { database } = workbook;
  return inTransaction(database, () => {
    const existing = getScenario(workbook, scenarioId);
    if (!existing.ok) return existing;
    const checked = checkDefinition(workbook, definition, scenarioId);
    if (!checked.ok) return checked;
    database.run(
      'UPDATE scenarios SET name = ?, baseline_version_id = ?, dataset_id = ?, options_json = ?, updated_at_ms = ? WHERE id = ?',
      [definition.name, definition.baselineVersionId, definition.datasetId, JSON.stringify(definition.options), atMs, scenarioId],
    );
    database.run('DELETE FROM scenario_candidates WHERE scenario_id = ?', [scenarioId]);
    insertCandidates(workbook, scenarioId, definition.candidateVersionIds);
    return getScenario(workbook, scenarioId);
  });
}

export function getScenario(workbook: Workbook, scenarioId: number): WorkbookResult<Scenario> {
  const row = queryOneRow(workbook.database, `SELECT ${SCENARIO_COLUMNS} FROM scenarios WHERE id = ?`, [scenarioId]);
  if (row === null) return fail('scenario_not_found', `The workbook has no scenario with id ${scenarioId}.`);
  return succeed(scenarioFromRow(workbook, row));
}

export function findScenarioByName(workbook: Workbook, name: string): WorkbookResult<Scenario> {
  const row = queryOneRow(workbook.database, `SELECT ${SCENARIO_COLUMNS} FROM scenarios WHERE name = ?`, [name]);
  if (row === null) return fail('scenario_not_found', `The workbook has no scenario named "${name}".`);
  return succeed(scenarioFromRow(workbook, row));
}

export function listScenarios(workbook: Workbook): Scenario[] {
  return queryRows(workbook.database, `SELECT ${SCENARIO_COLUMNS} FROM scenarios ORDER BY id`).map((row) => scenarioFromRow(workbook, row));
}

function checkDefinition(workbook: Workbook, definition: ScenarioDefinition, scenarioId: number | null): WorkbookResult<null> {
  const { database } = workbook;
  const sameName = queryOneRow(database, 'SELECT id FROM scenarios WHERE name = ?', [definition.name]);
  if (sameName !== null && numberValue(sameName[0], 'scenarios.id') !== scenarioId) {
    return fail('scenario_name_taken', `The workbook already has a scenario named "${definition.name}"; pick another name.`);
  }
  if (definition.candidateVersionIds.length === 0) {
    return fail('scenario_without_candidates', `The scenario "${definition.name}" names no candidate book; add at least one.`);
  }
  for (const versionId of [definition.baselineVersionId, ...definition.candidateVersionIds]) {
    if (queryOneRow(database, 'SELECT 1 FROM price_book_versions WHERE id = ?', [versionId]) === null) {
      return fail('price_book_version_not_found', `The workbook has no price book version with id ${versionId}.`);
    }
  }
  if (queryOneRow(database, 'SELECT 1 FROM datasets WHERE id = ?', [definition.datasetId]) === null) {
    return fail('dataset_not_found', `The workbook has no dataset with id ${definition.datasetId}.`);
  }
  return succeed(null);
}

function insertCandidates(workbook: Workbook, scenarioId: number, versionIds: number[]): void {
  const statement = workbook.database.prepare('INSERT INTO scenario_candidates (scenario_id, position, version_id) VALUES (?, ?, ?)');
  try {
    versionIds.forEach((versionId, position) => statement.run([scenarioId, position, versionId]));
  } finally {
    statement.free();
  }
}

function scenarioFromRow(workbook: Workbook, row: SqlValue[]): Scenario {
  const id = numberValue(row[0], 'scenarios.id');
  const optionsJson = textValue(row[4], 'scenarios.options_json');
  const candidateVersionIds = queryRows(
    workbook.database,
    'SELECT version_id FROM scenario_candidates WHERE scenario_id = ? ORDER BY position',
    [id],
  ).map((candidate) => numberValue(candidate[0], 'scenario_candidates.version_id'));
  return {
    id,
    name: textValue(row[1], 'scenarios.name'),
    baselineVersionId: numberValue(row[2], 'scenarios.baseline_version_id'),
    candidateVersionIds,
    datasetId: numberValue(row[3], 'scenarios.dataset_id'),
    // Written by JSON.stringify of a JsonValue in this module.
    options: JSON.parse(optionsJson) as JsonValue,
    optionsJson,
    createdAtMs: numberValue(row[5], 'scenarios.created_at_ms'),
    updatedAtMs: numberValue(row[6], 'scenarios.updated_at_ms'),
  };
}
