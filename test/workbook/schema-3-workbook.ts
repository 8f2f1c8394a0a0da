// A workbook as schema version 3 wrote it, made by applying only migrations 0001–0003 (which never change once
// shipped) and filling it with every kind of row that version had: two versions of a book, a dataset, a scenario and
// a recorded run. The migration tests upgrade it and check that everything comes back exactly.

import { replay } from '../../core/engine/replay/replay';
import type { ReplayReport } from '../../core/engine/report/report-model';
import type { UsageDataset } from '../../core/engine/usage/dataset';
import { ENGINE_VERSION } from '../../core/engine/version';
import { MIGRATIONS } from '../../core/workbook/migrations/migration-list';
import { saveDataset } from '../../core/workbook/repositories/dataset-store';
import { addPriceBookVersion } from '../../core/workbook/repositories/price-books';
import { recordRun, scenarioInputs } from '../../core/workbook/repositories/runs';
import { createScenario } from '../../core/workbook/repositories/scenarios';
import type { Workbook } from '../../core/workbook/workbook';
import { monthlyPlan, testBook } from '../support/book-builder';
import { history } from '../support/history-builder';
import { sqlJs, valueOf } from './workbook-support';

const AT = Date.UTC(2025, 5, 1);

export const SCHEMA_3_BASELINE = testBook({ id: 'schema-3-book', plans: [monthlyPlan()] });
export const SCHEMA_3_CANDIDATE = testBook({ id: 'schema-3-book', plans: [monthlyPlan({ includedCredits: '50' })] });

export function schema3Usage(): UsageDataset {
  return history(
    [{ id: 'acme', plan: 'pro', start: '2025-01-01' }],
    [
      ['2025-01-05T00:00:00Z', 'acme', 'call', 80],
      ['2025-02-05T00:00:00Z', 'acme', 'call', 120],
    ],
  );
}

export interface Schema3Workbook {
  bytes: Uint8Array;
  reports: ReplayReport[];
}

/** The bytes of a schema-3 workbook holding two book versions, one dataset, one scenario and one run. */
export async function schema3WorkbookBytes(): Promise<Schema3Workbook> {
  const database = new (await sqlJs()).Database();
  for (const migration of MIGRATIONS.filter((step) => step.version <= 3)) {
    database.exec('BEGIN');
    database.exec(migration.sql);
    database.exec(`PRAGMA user_version = ${migration.version}`);
    database.exec('COMMIT');
  }
  database.run('PRAGMA foreign_keys = ON');
  const workbook: Workbook = { database };
  const first = valueOf(addPriceBookVersion(workbook, SCHEMA_3_BASELINE, { createdAtMs: AT, note: 'launch' })).version;
  const second = valueOf(addPriceBookVersion(workbook, SCHEMA_3_CANDIDATE, { createdAtMs: AT + 1, note: 'smaller plan' })).version;
  const usage = schema3Usage();
  const datasetId = valueOf(saveDataset(workbook, usage, { name: 'H1', eventsFileName: 'e.csv', customersFileName: 'c.csv', importedAtMs: AT + 2 })).id;
  const scenario = valueOf(
    createScenario(
      workbook,
      { name: 'shrink the plan', baselineVersionId: first.versionId, candidateVersionIds: [second.versionId], datasetId, options: { planMapping: { pro: 'pro' } } },
      AT + 3,
    ),
  );
  const baseline = replay(SCHEMA_3_BASELINE, usage);
  const candidate = replay(SCHEMA_3_CANDIDATE, usage, { baseline });
  valueOf(
    recordRun(workbook, {
      scenarioId: scenario.id,
      inputs: valueOf(scenarioInputs(workbook, scenario.id)),
      engineVersion: ENGINE_VERSION,
      createdAtMs: AT + 4,
      baseline: { versionId: first.versionId, report: baseline },
      candidates: [{ versionId: second.versionId, report: candidate }],
    }),
  );
  const bytes = database.export();
  database.close();
  return { bytes, reports: [baseline, candidate] };
}
