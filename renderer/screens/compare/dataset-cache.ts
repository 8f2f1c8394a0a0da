// The usage a replay needs, without decoding a large history on the page's thread: the last dataset the replay
// worker decoded comes back with its reports and is kept here, and is lent to the worker for the next run of that
// dataset (transferred, so it is not here while the worker has it); otherwise the dataset's stored bytes are read
// from the workbook a slice at a time for the worker to decode. Keyed by the workbook and the dataset id: stored
// datasets never change, and another workbook may reuse ids.

import type { UsageDataset } from '../../../core/engine/usage/dataset';
import type { Workbook } from '../../../core/workbook/workbook';
import type { WorkbookResult } from '../../../core/workbook/workbook-problem';
import type { ReplayUsage } from '../../workers/replay-protocol';
import { readStoredDatasetInSlices } from './stored-usage-reader';

let kept: { workbook: Workbook; datasetId: number; dataset: UsageDataset } | null = null;

/**
 * The usage to hand the worker: the kept decoded dataset (no longer kept here), or the stored bytes; null when
 * `stillWanted` turned false while they were being read.
 */
export async function replayUsageFor(workbook: Workbook, datasetId: number, stillWanted: () => boolean): Promise<WorkbookResult<ReplayUsage> | null> {
  if (kept !== null && kept.workbook === workbook && kept.datasetId === datasetId) {
    const { dataset } = kept;
    kept = null;
    return { ok: true, value: { kind: 'decoded', dataset, lent: true } };
  }
  const stored = await readStoredDatasetInSlices(workbook, datasetId, stillWanted);
  if (stored === null || !stored.ok) return stored;
  return { ok: true, value: { kind: 'stored', stored: stored.value } };
}

/** Keeps the dataset the worker handed back, in place of any other (one large history at a time is enough). */
export function keepDecodedDataset(workbook: Workbook, datasetId: number, dataset: UsageDataset): void {
  kept = { workbook, datasetId, dataset };
}
