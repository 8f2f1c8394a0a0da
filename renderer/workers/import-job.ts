// One import job, wherever it runs (the worker, or a test in Node): the customers file, then the events file against
// those customers, each fed to core's reader a chunk at a time with progress after each chunk. A file with any
// problem yields no dataset; its problems (the first hundred, and how many in all) are the answer.

import { createCustomersReader } from '../../core/engine/usage/customers-reader';
import { createEventsReader } from '../../core/engine/usage/events-reader';
import type { ImportJob, ImportJobResponse } from './import-protocol';

/** Bytes per chunk: progress moves often on a large file, and a chunk is read in a few milliseconds. */
export const IMPORT_CHUNK_BYTES = 1 << 20;

function feed(reader: { push(chunk: Uint8Array): void }, bytes: Uint8Array, chunkBytes: number, after: (done: number) => void): void {
  for (let start = 0; start < bytes.length; start += chunkBytes) {
    const end = Math.min(bytes.length, start + chunkBytes);
    reader.push(bytes.subarray(start, end));
    after(end);
  }
}

export function runImportJob(jobId: number, job: ImportJob, post: (response: ImportJobResponse) => void, chunkBytes = IMPORT_CHUNK_BYTES): void {
  const bytesTotal = job.customers.bytes.length + job.events.bytes.length;
  const customersReader = createCustomersReader(job.customers.fileName, {
    ...(job.customers.format === null ? {} : { format: job.customers.format }),
    columns: job.customers.columns,
  });
  feed(customersReader, job.customers.bytes, chunkBytes, (done) => post({ kind: 'progress', jobId, bytesDone: done, bytesTotal, file: 'customers' }));
  const customers = customersReader.finish();
  if (!customers.ok) {
    post({ kind: 'invalid', jobId, file: 'customers', errors: customers.errors, errorCount: customers.errorCount });
    return;
  }
  const eventsReader = createEventsReader(job.events.fileName, {
    customers: customers.customers,
    ...(job.events.format === null ? {} : { format: job.events.format }),
    columns: job.events.columns,
  });
  const offset = job.customers.bytes.length;
  feed(eventsReader, job.events.bytes, chunkBytes, (done) => post({ kind: 'progress', jobId, bytesDone: offset + done, bytesTotal, file: 'events' }));
  const events = eventsReader.finish();
  if (!events.ok) {
    post({ kind: 'invalid', jobId, file: 'events', errors: events.errors, errorCount: events.errorCount });
    return;
  }
  post({ kind: 'read', jobId, dataset: events.dataset, customerRows: customers.rowCount, eventRows: events.rowCount });
}
