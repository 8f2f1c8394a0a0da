// CSV import speed: the bench history written to a temporary events CSV, then read back with the engine's events
// reader in 8 MiB chunks (as the CLI and the workbook import do), timed from the first byte read to the dataset.
// The dataset read back must equal the generated one, so the figure is for a correct import.

import { closeSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { UsageDataset } from '../core/engine/usage/dataset';
import { createEventsReader } from '../core/engine/usage/events-reader';
import { bestOf, perSecond, timeOnce } from './measure';
import { sameColumns } from './same-columns';
import { writeUsageCsv } from './usage-csv-writer';

const READ_CHUNK_BYTES = 8 * 1024 * 1024;

export interface ImportFigures {
  csvBytes: number;
  writeCsvMs: number;
  bestMs: number;
  medianMs: number;
  runsMs: number[];
  rowsPerSecond: number;
  megabytesPerSecond: number;
}

/** Reads the events CSV at `path` for the dataset's customers and features; throws when the import fails. */
export function importUsageCsv(path: string, dataset: UsageDataset): UsageDataset {
  const reader = createEventsReader('events.csv', { customers: dataset.customers, knownFeatures: dataset.featureKeys });
  const file = openSync(path, 'r');
  try {
    while (true) {
      // A fresh buffer per chunk: the reader may keep a reference to the bytes it was given.
      const chunk = new Uint8Array(READ_CHUNK_BYTES);
      const read = readSync(file, chunk, 0, READ_CHUNK_BYTES, null);
      if (read === 0) break;
      reader.push(read === READ_CHUNK_BYTES ? chunk : chunk.subarray(0, read));
    }
  } finally {
    closeSync(file);
  }
  const result = reader.finish();
  if (!result.ok) throw new Error(`bench CSV import failed: ${JSON.stringify(result).slice(0, 500)}`);
  return result.dataset;
}

export function benchCsvImport(dataset: UsageDataset, runs: number): ImportFigures {
  const directory = mkdtempSync(join(tmpdir(), 'credit-workbench-bench-'));
  try {
    const path = join(directory, 'events.csv');
    const written = timeOnce(() => writeUsageCsv(dataset, path));
    const timing = bestOf(runs, 0, () => importUsageCsv(path, dataset), (imported) => {
      if (!sameColumns(imported, dataset)) throw new Error('invariant: the imported CSV differs from the generated dataset');
    });
    return {
      csvBytes: written.result,
      writeCsvMs: written.ms,
      ...timing,
      rowsPerSecond: perSecond(dataset.eventCount, timing.bestMs),
      megabytesPerSecond: Math.round(written.result / (1024 * 1024) / (timing.bestMs / 1000)),
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
