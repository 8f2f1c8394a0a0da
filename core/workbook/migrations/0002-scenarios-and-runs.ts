// Schema version 2: scenarios (a baseline book version, candidate versions, a dataset, options) and their runs.
// A run keeps the hashes of the inputs it replayed, so it can be reopened without replaying and known to be stale.

import type { Migration } from './migration';

export const MIGRATION_0002_SCENARIOS_AND_RUNS: Migration = {
  version: 2,
  name: 'scenarios-and-runs',
  sql: `
CREATE TABLE scenarios (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE,
  baseline_version_id INTEGER NOT NULL REFERENCES price_book_versions (id),
  dataset_id INTEGER NOT NULL REFERENCES datasets (id),
  options_json TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL,
  updated_at_ms INTEGER NOT NULL
) STRICT;

CREATE TABLE scenario_candidates (
  scenario_id INTEGER NOT NULL REFERENCES scenarios (id),
  position INTEGER NOT NULL,
  version_id INTEGER NOT NULL REFERENCES price_book_versions (id),
  PRIMARY KEY (scenario_id, position)
) STRICT, WITHOUT ROWID;

-- inputs_json: the content hashes of the books, the dataset id and the options hash the run replayed.
CREATE TABLE runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  scenario_id INTEGER NOT NULL REFERENCES scenarios (id),
  inputs_json TEXT NOT NULL,
  engine_version TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL
) STRICT;

-- One report per replayed book: position 0 is the baseline, 1.. the candidates in the scenario's order.
CREATE TABLE run_reports (
  run_id INTEGER NOT NULL REFERENCES runs (id),
  position INTEGER NOT NULL,
  version_id INTEGER NOT NULL REFERENCES price_book_versions (id),
  report_json TEXT NOT NULL,
  PRIMARY KEY (run_id, position)
) STRICT, WITHOUT ROWID;

CREATE INDEX runs_by_scenario ON runs (scenario_id, id);

CREATE TRIGGER runs_are_never_changed BEFORE UPDATE ON runs
BEGIN
  SELECT RAISE(ABORT, 'runs are never changed: replay again instead');
END;

CREATE TRIGGER run_reports_are_never_changed BEFORE UPDATE ON run_reports
BEGIN
  SELECT RAISE(ABORT, 'run reports are never changed: replay again instead');
END;
`,
};
