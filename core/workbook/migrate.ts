// Brings a workbook's schema up to the latest version one numbered migration at a time, each in its own
// transaction with its user_version, so a file is always at exactly one known version.

import type { Database } from 'sql.js';
import { messageOf } from './error-message';
import { MIGRATIONS } from './migrations/migration-list';
import { inTransaction } from './transaction';
import { fail, succeed, type WorkbookResult } from './workbook-problem';

/** Applies every migration above `fromVersion`; returns the version reached. */
export function migrate(database: Database, fromVersion: number): WorkbookResult<number> {
  let version = fromVersion;
  for (const migration of MIGRATIONS) {
    if (migration.version <= fromVersion) continue;
    try {
      inTransaction(database, () => {
        database.exec(migration.sql);
        // PRAGMA takes no bound parameters; the version is an integer from our own list.
        database.run(`PRAGMA user_version = ${migration.version}`);
        return succeed(null);
      });
    } catch (error) {
      return fail(
        'workbook_migration_failed',
        `Upgrading the workbook to schema version ${migration.version} (${migration.name}) failed: ${messageOf(error)}. ` +
          'The file on disk has not been changed.',
      );
    }
    version = migration.version;
  }
  return succeed(version);
}
