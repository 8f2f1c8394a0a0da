// The handle every workbook function takes: one open sql.js database whose schema is the latest this build knows.
// Only core/workbook reaches into `database`; front ends pass the handle around and save its exported bytes.

import type { Database } from 'sql.js';

export interface Workbook {
  readonly database: Database;
}
