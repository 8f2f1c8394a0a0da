// The import worker: reads one pair of files at a time and hands the dataset's columns back without copying them.

import { datasetBuffers } from '../../core/engine/usage/dataset-buffers';
import type { ImportJobRequest, ImportJobResponse } from './import-protocol';
import { runImportJob } from './import-job';

interface WorkerScope {
  postMessage(message: ImportJobResponse, transfer: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ImportJobRequest>) => void): void;
}

const scope = globalThis as unknown as WorkerScope;

scope.addEventListener('message', (event) => {
  const request = event.data;
  if (request.kind !== 'import') return;
  try {
    runImportJob(request.jobId, request.job, (response) => scope.postMessage(response, response.kind === 'read' ? datasetBuffers(response.dataset) : []));
  } catch (error) {
    scope.postMessage({ kind: 'crashed', jobId: request.jobId, message: error instanceof Error ? error.message : String(error) }, []);
  }
});
