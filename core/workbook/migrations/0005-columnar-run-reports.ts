// Schema version 5: a run's report may be stored with its customer rows as columns (run_reports.report_json in the
// form stored-report.ts writes: each field's name once, its values in one array), about a fifth of the plain JSON's
// size for a large history. No table changes: reports written before stay plain JSON and read as they did. The
// version is what tells a build that cannot read the columnar form to refuse the file as newer, rather than show
// its runs as damaged.

import type { Migration } from './migration';

export const MIGRATION_0005_COLUMNAR_RUN_REPORTS: Migration = {
  version: 5,
  name: 'columnar-run-reports',
  sql: `
-- Nothing to change in the tables: see the comment at the top of this file.
`,
};
