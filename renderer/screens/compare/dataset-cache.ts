// The last dataset the page loaded from the workbook, kept so a replay and the drill-downs after it read the columns
// once. Keyed by the workbook and the dataset id: stored datasets never change, and another workbook may reuse ids.

import type { UsageDataset } from '../../../core/engine/usage/dataset';
import { loadDataset } from '../../../core/workbook/repositories/dataset-store';
import type { Workbook } from '../../../core/workbook/workbook';
import type { WorkbookResult } from '../../../core/workbook/workbook-problem';

let cached: { workbook: Workbook; datasetId: number; dataset: UsageDataset } | null = null;

export function cachedDataset(workbook: Workbook, datasetId: number): WorkbookResult<UsageDataset> {
  if (cached !== null && cached.workbook === workbook && cached.datasetId === datasetId) return { ok: true, value: cached.dataset };
  const loaded = loadDataset(workbook, datasetId);
  if (loaded.ok) cached = { workbook, datasetId, dataset: loaded.value };
  return loaded;
}
