// The handle every workbook function takes: one open sql.js database whose schema is the latest this build knows.
// Only core/workbook reaches into `database`; front ends pass the handle around and save its exported bytes.

import type { Database } from 'sql.js';

/** The sql.js module a front end loads its own way and injects (re-exported so front ends need not import sql.js). */
export type { SqlJsStatic } from 'sql.js';

export interface Workbook {
  readonly database: Database;
}
