// Every write that changes more than one row goes through here, so it either happens entirely or not at all.
// Savepoints rather than BEGIN let one transactional step call another: SQLite resolves a repeated savepoint name to
// the innermost one, and steps nest strictly, so one name serves every level.

import type { Database } from 'sql.js';
import type { WorkbookResult } from './workbook-problem';

const SAVEPOINT = 'workbook_step';

/**
 * Runs `work` inside a savepoint: it is kept when `work` returns an ok result, and rolled back when `work` returns
 * a problem or throws (the throw is passed on).
 */
export function inTransaction<T>(database: Database, work: () => WorkbookResult<T>): WorkbookResult<T> {
  database.run(`SAVEPOINT ${SAVEPOINT}`);
  let result: WorkbookResult<T>;
  try {
    result = work();
  } catch (error) {
    rollBack(database);
    throw error;
  }
  if (result.ok) database.run(`RELEASE ${SAVEPOINT}`);
  else rollBack(database);
  return result;
}

function rollBack(database: Database): void {
  database.run(`ROLLBACK TO ${SAVEPOINT}`);
  database.run(`RELEASE ${SAVEPOINT}`);
}
