// Reads typed values out of sql.js rows. The schema's STRICT tables fix every column's type, so a value of another
// type means the file was edited behind our back: that is a broken invariant and throws.

import type { BindParams, Database, SqlValue } from 'sql.js';

/** Runs a query and returns every row; the statement is always freed. */
export function queryRows(database: Database, sql: string, params: BindParams = null): SqlValue[][] {
  const statement = database.prepare(sql);
  try {
    if (params !== null) statement.bind(params);
    const rows: SqlValue[][] = [];
    while (statement.step()) rows.push(statement.get());
    return rows;
  } finally {
    statement.free();
  }
}

/** The single row of a query, or null when there is none. */
export function queryOneRow(database: Database, sql: string, params: BindParams = null): SqlValue[] | null {
  const rows = queryRows(database, sql, params);
  return rows.length === 0 ? null : rows[0];
}

export function textValue(value: SqlValue, what: string): string {
  if (typeof value !== 'string') throw new Error(`invariant: workbook column ${what} holds ${describe(value)}, not text`);
  return value;
}

export function optionalTextValue(value: SqlValue, what: string): string | null {
  return value === null ? null : textValue(value, what);
}

export function numberValue(value: SqlValue, what: string): number {
  if (typeof value !== 'number') throw new Error(`invariant: workbook column ${what} holds ${describe(value)}, not a number`);
  return value;
}

export function optionalNumberValue(value: SqlValue, what: string): number | null {
  return value === null ? null : numberValue(value, what);
}

export function blobValue(value: SqlValue, what: string): Uint8Array {
  if (!(value instanceof Uint8Array)) throw new Error(`invariant: workbook column ${what} holds ${describe(value)}, not a blob`);
  return value;
}

/** The id SQLite gave the row just inserted. */
export function lastInsertId(database: Database): number {
  const row = queryOneRow(database, 'SELECT last_insert_rowid()');
  if (row === null) throw new Error('invariant: last_insert_rowid() returned no row');
  return numberValue(row[0], 'last_insert_rowid()');
}

function describe(value: SqlValue): string {
  if (value === null) return 'null';
  if (value instanceof Uint8Array) return 'a blob';
  return typeof value;
}
