// Every migration in order; the last one's version is the schema this build writes. Append only.

import { MIGRATION_0001_INITIAL } from './0001-initial';
import { MIGRATION_0002_SCENARIOS_AND_RUNS } from './0002-scenarios-and-runs';
import { MIGRATION_0003_PATCHED_CHUNK_ENCODINGS } from './0003-patched-chunk-encodings';
import { MIGRATION_0004_PRICE_BOOK_EXPORTS } from './0004-price-book-exports';
import { MIGRATION_0005_COLUMNAR_RUN_REPORTS } from './0005-columnar-run-reports';
import type { Migration } from './migration';

export const MIGRATIONS: readonly Migration[] = [
  MIGRATION_0001_INITIAL,
  MIGRATION_0002_SCENARIOS_AND_RUNS,
  MIGRATION_0003_PATCHED_CHUNK_ENCODINGS,
  MIGRATION_0004_PRICE_BOOK_EXPORTS,
  MIGRATION_0005_COLUMNAR_RUN_REPORTS,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
