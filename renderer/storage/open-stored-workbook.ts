// Starts the page's workbook: the one stored in the browser when there is one, otherwise a new one. Whatever goes
// wrong, the page gets a workbook to work with, and stored bytes that could not be opened (or not backed up before
// an upgrade) are handed back untouched as `rescueBytes`, so nothing stored is lost by opening the page.

import { createWorkbook, exportWorkbook, openWorkbook } from '../../core/workbook/open-workbook';
import type { SqlJsStatic, Workbook } from '../../core/workbook/workbook';
import type { WorkbookProblem } from '../../core/workbook/workbook-problem';
import type { StorageProblem, WorkbookStore } from './workbook-persistence';

export interface StartedWorkbook {
  workbook: Workbook;
  /** "stored": opened from the browser's storage; "new": created now, nothing of it is stored yet. */
  source: 'stored' | 'new';
  /** When the stored workbook was saved; null for a new one. */
  savedAtMs: number | null;
  /** The stored workbook's schema version when it was older and was upgraded on opening; null otherwise. */
  upgradedFrom: number | null;
  /** Why the stored workbook could not be opened, upgraded or backed up; null when all went well. */
  problem: StorageProblem | WorkbookProblem | null;
  /**
   * The stored bytes when they are kept nowhere else: they could not be opened, or their backup before an upgrade
   * failed. A caller offers them as a download and does not save over them until the user has chosen to.
   */
  rescueBytes: Uint8Array | null;
}

export async function openStoredOrNewWorkbook(store: WorkbookStore, sqlJs: SqlJsStatic): Promise<StartedWorkbook> {
  const loaded = await store.load();
  if (!loaded.ok) return fresh(sqlJs, loaded.problem, null);
  if (loaded.value === null) return fresh(sqlJs, null, null);

  const { bytes, savedAtMs } = loaded.value;
  const opened = openWorkbook(bytes, sqlJs);
  if (!opened.ok) return fresh(sqlJs, opened.problem, bytes);
  const { workbook, upgradedFrom, backupBytes } = opened.value;
  const started: StartedWorkbook = { workbook, source: 'stored', savedAtMs, upgradedFrom, problem: null, rescueBytes: null };
  if (upgradedFrom === null || backupBytes === null) return started;

  // The original is kept as a backup before the upgraded workbook replaces it, as the CLI does beside a file.
  const backup = await store.keepBackup(backupBytes, upgradedFrom);
  if (!backup.ok) return { ...started, problem: backup.problem, rescueBytes: backupBytes };
  const saved = await store.save(exportWorkbook(workbook));
  if (!saved.ok) return { ...started, problem: saved.problem };
  return { ...started, savedAtMs: saved.value.savedAtMs };
}

function fresh(sqlJs: SqlJsStatic, problem: StorageProblem | WorkbookProblem | null, rescueBytes: Uint8Array | null): StartedWorkbook {
  return { workbook: createWorkbook(sqlJs), source: 'new', savedAtMs: null, upgradedFrom: null, problem, rescueBytes };
}
