// Reads a dataset out of the workbook on the page without freezing it: the event chunks a slice at a time, handing
// the thread back between slices so the page keeps drawing and answering clicks. Each slice is its own query (a
// statement left open across tasks would be closed under it by an autosave's export). A read is abandoned, with null,
// as soon as `stillWanted` says so (the workbook was replaced, the user cancelled).

import type { UsageDataset } from '../../../core/engine/usage/dataset';
import { readStoredChunks, readStoredDatasetHead, type StoredDatasetHead } from '../../../core/workbook/repositories/dataset-store';
import { StoredDatasetDecoder, type StoredDataset } from '../../../core/workbook/usage/stored-dataset';
import type { UsageChunk } from '../../../core/workbook/usage/usage-chunks';
import type { Workbook } from '../../../core/workbook/workbook';
import type { WorkbookResult } from '../../../core/workbook/workbook-problem';

/** 4 chunks: about a quarter of a million events and 2 MB, some 20 to 40 ms of the page's thread. */
export const CHUNKS_PER_SLICE = 4;

function nextTask(): Promise<void> {
  return new Promise((resolve) => globalThis.setTimeout(resolve, 0));
}

/**
 * Reads the dataset's head, then hands its chunks to `take` a slice at a time, a task apart; the head once every
 * chunk is taken, null when abandoned, or the workbook's refusal.
 */
async function readInSlices(
  workbook: Workbook,
  datasetId: number,
  stillWanted: () => boolean,
  take: (head: StoredDatasetHead, chunks: UsageChunk[]) => void,
): Promise<WorkbookResult<StoredDatasetHead> | null> {
  const head = readStoredDatasetHead(workbook, datasetId);
  if (!head.ok) return head;
  for (let from = 0; from < head.value.chunkCount; from += CHUNKS_PER_SLICE) {
    await nextTask();
    if (!stillWanted()) return null;
    const slice = readStoredChunks(workbook, datasetId, from, Math.min(from + CHUNKS_PER_SLICE, head.value.chunkCount));
    if (!slice.ok) return slice;
    take(head.value, slice.value);
  }
  return head;
}

/** The dataset's stored bytes (for the replay worker to decode), read a slice at a time. */
export async function readStoredDatasetInSlices(workbook: Workbook, datasetId: number, stillWanted: () => boolean): Promise<WorkbookResult<StoredDataset> | null> {
  const chunks: UsageChunk[] = [];
  const head = await readInSlices(workbook, datasetId, stillWanted, (_head, slice) => chunks.push(...slice));
  if (head === null || !head.ok) return head;
  const { chunkCount: _count, ...rest } = head.value;
  return { ok: true, value: { ...rest, chunks } };
}

/** The dataset decoded on the page (for a screen that replays it again and again), read and decoded a slice at a time. */
export async function loadDatasetInSlices(workbook: Workbook, datasetId: number, stillWanted: () => boolean): Promise<WorkbookResult<UsageDataset> | null> {
  let decoder: StoredDatasetDecoder | null = null;
  const head = await readInSlices(workbook, datasetId, stillWanted, (start, slice) => {
    decoder ??= new StoredDatasetDecoder(start);
    for (const chunk of slice) if (!decoder.add(chunk)) break;
  });
  if (head === null || !head.ok) return head;
  // A dataset without events has no slices: its decoder starts here.
  return (decoder ?? new StoredDatasetDecoder(head.value)).finish();
}
