// Opens workbook bytes, creates new workbooks and exports them. A file is only ever accepted when it is ours
// (application_id), whole (quick_check) and not newer than this build; an older file is upgraded in memory and the
// caller is handed the original bytes to keep as a backup before saving over it.

import type { Database, SqlJsStatic } from 'sql.js';
import { messageOf } from './error-message';
import { migrate } from './migrate';
import { LATEST_SCHEMA_VERSION } from './migrations/migration-list';
import { SQLITE_HEADER_BYTES, SQLITE_HEADER_TEXT, WORKBOOK_APPLICATION_ID } from './schema-identity';
import { numberValue, queryRows } from './sql-rows';
import type { Workbook } from './workbook';
import { fail, succeed, type WorkbookResult } from './workbook-problem';

export interface OpenedWorkbook {
  workbook: Workbook;
  /** The schema version the file had when it was older than this build; null when it needed no upgrade. */
  upgradedFrom: number | null;
  /** The original bytes when the file was upgraded: the caller keeps them as a backup copy; null otherwise. */
  backupBytes: Uint8Array | null;
}

/** A new, empty workbook at the latest schema. */
export function createWorkbook(sqlJs: SqlJsStatic): Workbook {
  const database = new sqlJs.Database();
  const migrated = migrate(database, 0);
  if (!migrated.ok) {
    database.close();
    throw new Error(`invariant: a new workbook could not be created: ${migrated.problem.message}`);
  }
  return prepare(database);
}

/** Opens workbook bytes (null: a new workbook). Never changes `bytes`. */
export function openWorkbook(bytes: Uint8Array | null, sqlJs: SqlJsStatic): WorkbookResult<OpenedWorkbook> {
  if (bytes === null) return succeed({ workbook: createWorkbook(sqlJs), upgradedFrom: null, backupBytes: null });
  const header = checkHeader(bytes);
  if (!header.ok) return header;

  let database: Database;
  try {
    database = new sqlJs.Database(bytes);
  } catch (error) {
    return damaged(error);
  }
  const opened = openDatabase(database, bytes);
  if (!opened.ok) database.close();
  return opened;
}

/** The workbook as SQLite file bytes, ready to be saved or downloaded. */
export function exportWorkbook(workbook: Workbook): Uint8Array {
  return workbook.database.export();
}

/** Frees the database's memory; the workbook cannot be used afterwards. */
export function closeWorkbook(workbook: Workbook): void {
  workbook.database.close();
}

function checkHeader(bytes: Uint8Array): WorkbookResult<null> {
  if (bytes.length === 0) {
    return fail('workbook_not_a_workbook', 'The file is empty, so it holds no workbook.');
  }
  const magicLength = SQLITE_HEADER_TEXT.length;
  for (let i = 0; i < Math.min(magicLength, bytes.length); i++) {
    if (bytes[i] !== SQLITE_HEADER_TEXT.charCodeAt(i)) {
      return fail('workbook_not_a_workbook', 'The file is not a Credit Workbench workbook: it is not an SQLite database.');
    }
  }
  if (bytes.length < SQLITE_HEADER_BYTES) {
    return fail(
      'workbook_damaged',
      `The workbook is damaged: the file is cut off after ${bytes.length} bytes. Open a backup copy instead.`,
    );
  }
  return succeed(null);
}

function openDatabase(database: Database, bytes: Uint8Array): WorkbookResult<OpenedWorkbook> {
  let applicationId: number;
  let version: number;
  try {
    applicationId = pragmaNumber(database, 'application_id');
    version = pragmaNumber(database, 'user_version');
  } catch (error) {
    return damaged(error);
  }
  if (applicationId !== WORKBOOK_APPLICATION_ID) {
    return fail(
      'workbook_not_a_workbook',
      'The file is an SQLite database, but not a Credit Workbench workbook; it was left as it is.',
    );
  }
  if (version > LATEST_SCHEMA_VERSION) {
    return fail(
      'workbook_too_new',
      `The workbook was saved by a newer version of Credit Workbench (schema version ${version}; this version reads ` +
        `up to ${LATEST_SCHEMA_VERSION}). Update the app to open it; the file has not been changed.`,
    );
  }
  if (version < 1) {
    return fail('workbook_damaged', 'The workbook is damaged: it carries no schema version. Open a backup copy instead.');
  }
  const whole = checkIntegrity(database);
  if (!whole.ok) return whole;
  if (version === LATEST_SCHEMA_VERSION) {
    return succeed({ workbook: prepare(database), upgradedFrom: null, backupBytes: null });
  }
  const migrated = migrate(database, version);
  if (!migrated.ok) return migrated;
  return succeed({ workbook: prepare(database), upgradedFrom: version, backupBytes: bytes });
}

/** quick_check reads every page, so a cut-off or overwritten file is refused now rather than failing mid-replay. */
function checkIntegrity(database: Database): WorkbookResult<null> {
  let findings: string[];
  try {
    findings = queryRows(database, 'PRAGMA quick_check(5)').map((row) => String(row[0]));
  } catch (error) {
    return damaged(error);
  }
  if (findings.length === 1 && findings[0] === 'ok') return succeed(null);
  return fail(
    'workbook_damaged',
    `The workbook is damaged (${findings.join('; ')}) and cannot be opened. Open a backup copy instead.`,
  );
}

function prepare(database: Database): Workbook {
  database.run('PRAGMA foreign_keys = ON');
  return { database };
}

function pragmaNumber(database: Database, name: 'application_id' | 'user_version'): number {
  const rows = queryRows(database, `PRAGMA ${name}`);
  if (rows.length !== 1) throw new Error(`PRAGMA ${name} returned ${rows.length} rows`);
  return numberValue(rows[0][0], name);
}

function damaged(error: unknown): WorkbookResult<never> {
  return fail(
    'workbook_damaged',
    `The workbook is damaged and cannot be opened (${messageOf(error)}). Open a backup copy instead.`,
  );
}
