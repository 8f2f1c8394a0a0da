// The import worker: reads one pair of files at a time and hands the dataset's columns back without copying them.

import type { UsageDataset } from '../../core/engine/usage/dataset';
import type { ImportJobRequest, ImportJobResponse } from './import-protocol';
import { runImportJob } from './import-job';

interface WorkerScope {
  postMessage(message: ImportJobResponse, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ImportJobRequest>) => void): void;
}

const scope = globalThis as unknown as WorkerScope;

/** Each column's buffer once: transferring a buffer twice throws. */
function columnBuffers(dataset: UsageDataset): Transferable[] {
  const buffers = new Set<ArrayBufferLike>([
    dataset.timeMs.buffer,
    dataset.customerIndex.buffer,
    dataset.featureIndex.buffer,
    dataset.quantityMicros.buffer,
    dataset.customerEventStart.buffer,
    dataset.customers.startMs.buffer,
    dataset.customers.endMs.buffer,
  ]);
  return [...buffers].filter((buffer): buffer is ArrayBuffer => buffer instanceof ArrayBuffer);
}

scope.addEventListener('message', (event) => {
  const request = event.data;
  if (request.kind !== 'import') return;
  try {
    runImportJob(request.jobId, request.job, (response) => scope.postMessage(response, response.kind === 'read' ? columnBuffers(response.dataset) : []));
  } catch (error) {
    scope.postMessage({ kind: 'crashed', jobId: request.jobId, message: error instanceof Error ? error.message : String(error) }, []);
  }
});
