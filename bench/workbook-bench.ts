// Workbook speed for the whole bench history: storing it as columnar chunks, saving the workbook to disk (export
// plus an atomic write), opening the file again (with its integrity check), and loading the dataset back into the
// engine's arrays, which must equal the generated ones. Reports the file size too.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { UsageDataset } from '../core/engine/usage/dataset';
import { closeWorkbook, createWorkbook, exportWorkbook, openWorkbook } from '../core/workbook/open-workbook';
import { loadDataset, saveDataset } from '../core/workbook/repositories/dataset-store';
import type { Workbook } from '../core/workbook/workbook';
import { saveFileAtomically } from '../cli/file-store/atomic-file';
import { loadSqlJs } from '../cli/file-store/sql-js-node';
import { bestOf, perSecond, timeOnce } from './measure';
import { sameColumns } from './same-columns';

export interface WorkbookFigures {
  /** saveDataset: encoding the chunks and inserting them in one transaction. */
  storeMs: number;
  storeEventsPerSecond: number;
  /** Save = export of the database bytes + atomic write to disk. */
  saveMs: number;
  exportMs: number;
  writeFileMs: number;
  fileBytes: number;
  /** Open = reading the file + openWorkbook (header, quick_check, schema version). */
  openMs: number;
  /** Load = loadDataset into typed arrays, best of N after a warm-up. */
  loadBestMs: number;
  loadMedianMs: number;
  loadEventsPerSecond: number;
}

function loadOrThrow(workbook: Workbook, datasetId: number): UsageDataset {
  const loaded = loadDataset(workbook, datasetId);
  if (!loaded.ok) throw new Error(`bench workbook load failed: ${loaded.problem.message}`);
  return loaded.value;
}

export async function benchWorkbook(dataset: UsageDataset, runs: number): Promise<WorkbookFigures> {
  const sqlJs = await loadSqlJs();
  const directory = mkdtempSync(join(tmpdir(), 'credit-workbench-bench-'));
  try {
    const path = join(directory, 'bench.workbook');
    const created = createWorkbook(sqlJs);
    const stored = timeOnce(() =>
      saveDataset(created, dataset, { name: 'bench history', eventsFileName: 'events.csv', customersFileName: null, importedAtMs: 0 }),
    );
    if (!stored.result.ok) throw new Error(`bench workbook store failed: ${stored.result.problem.message}`);
    const datasetId = stored.result.value.id;
    const exported = timeOnce(() => exportWorkbook(created));
    closeWorkbook(created);
    const writeStart = performance.now();
    const written = await saveFileAtomically(path, exported.result);
    const writeFileMs = performance.now() - writeStart;
    if (!written.ok) throw new Error(`bench workbook save failed: ${written.message}`);

    const opened = timeOnce(() => openWorkbook(readFileSync(path), sqlJs));
    if (!opened.result.ok) throw new Error(`bench workbook open failed: ${opened.result.problem.message}`);
    const { workbook } = opened.result.value;
    try {
      const timing = bestOf(runs, 1, () => loadOrThrow(workbook, datasetId), (loaded) => {
        if (!sameColumns(loaded, dataset)) throw new Error('invariant: the dataset loaded from the workbook differs from the one stored');
      });
      return {
        storeMs: stored.ms,
        storeEventsPerSecond: perSecond(dataset.eventCount, stored.ms),
        saveMs: exported.ms + writeFileMs,
        exportMs: exported.ms,
        writeFileMs,
        fileBytes: exported.result.byteLength,
        openMs: opened.ms,
        loadBestMs: timing.bestMs,
        loadMedianMs: timing.medianMs,
        loadEventsPerSecond: perSecond(dataset.eventCount, timing.bestMs),
      };
    } finally {
      closeWorkbook(workbook);
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
