// The workbook the UI benchmark uploads: the bench books as price book versions, the bench history as its dataset,
// and one scenario comparing them, so the Compare screen opens on exactly what the rest of the bench replays.

import type { UsageDataset } from '../../core/engine/usage/dataset';
import { closeWorkbook, createWorkbook, exportWorkbook } from '../../core/workbook/open-workbook';
import { saveDataset } from '../../core/workbook/repositories/dataset-store';
import { addPriceBookVersion } from '../../core/workbook/repositories/price-books';
import { createScenario } from '../../core/workbook/repositories/scenarios';
import { loadSqlJs } from '../../cli/file-store/sql-js-node';
import type { BenchBook } from '../bench-books';

/** A fixed time for every record, so two runs write the same workbook. */
const STORED_AT_MS = Date.UTC(2026, 0, 1);

export async function uiBenchWorkbookBytes(dataset: UsageDataset, books: readonly BenchBook[]): Promise<Uint8Array> {
  const baseline = books.find((entry) => entry.role === 'baseline');
  if (baseline === undefined) throw new Error('invariant: the bench books include a baseline');
  const workbook = createWorkbook(await loadSqlJs());
  try {
    // Baseline first: the scenario names it, and the Compare screen lists books in the order they were added.
    const ordered = [baseline, ...books.filter((entry) => entry !== baseline)];
    const versionIds = ordered.map((entry) => {
      const added = addPriceBookVersion(workbook, entry.book, { createdAtMs: STORED_AT_MS, note: entry.name });
      if (!added.ok) throw new Error(`bench book ${entry.name} could not be stored: ${added.problem.message}`);
      return added.value.version.versionId;
    });
    const saved = saveDataset(workbook, dataset, { name: 'bench history', eventsFileName: 'generated', customersFileName: null, importedAtMs: STORED_AT_MS });
    if (!saved.ok) throw new Error(`bench history could not be stored: ${saved.problem.message}`);
    const scenario = createScenario(
      workbook,
      { name: 'Bench', baselineVersionId: versionIds[0], candidateVersionIds: versionIds.slice(1), datasetId: saved.value.id, options: {} },
      STORED_AT_MS,
    );
    if (!scenario.ok) throw new Error(`bench scenario could not be stored: ${scenario.problem.message}`);
    return exportWorkbook(workbook);
  } finally {
    closeWorkbook(workbook);
  }
}
