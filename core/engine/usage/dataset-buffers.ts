// The buffers under a dataset's columns, each once (transferring a buffer twice throws): what a worker hands to
// postMessage to pass a dataset over without copying it. The sender's columns are left empty afterwards, so the
// sender must not read the dataset again.

import type { UsageDataset } from './dataset';

export function datasetBuffers(dataset: UsageDataset): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const column of [
    dataset.timeMs,
    dataset.customerIndex,
    dataset.featureIndex,
    dataset.quantityMicros,
    dataset.customerEventStart,
    dataset.customers.startMs,
    dataset.customers.endMs,
  ]) {
    if (column.buffer instanceof ArrayBuffer) buffers.add(column.buffer);
  }
  return [...buffers];
}
