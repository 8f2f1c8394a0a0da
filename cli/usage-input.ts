// The usage history as the replay command receives it: a customers file and an events file read whole, every
// problem listed with its file, line and column, and a dataset returned only when both files were read cleanly.

import { readCustomers } from '../core/engine/usage/customers-reader';
import type { UsageDataset } from '../core/engine/usage/dataset';
import { readEvents } from '../core/engine/usage/events-reader';
import type { ImportFailure } from '../core/engine/usage/import-error';
import { EXIT_INVALID, EXIT_USAGE, failWith, type CliIo } from './cli-io';
import { plural } from './book-input';
import { describeFileError, resolvePath } from './input-files';

export type UsageLoad = { ok: true; dataset: UsageDataset } | { ok: false; exitCode: number };

export interface UsagePaths {
  customers: string;
  events: string;
  /** The books' feature keys when every book has the same ones: an event of any other feature is then an error. */
  knownFeatures?: readonly string[];
}

// Problems that leave nothing to read (the format or encoding is unknown) make the file unusable, like a missing
// file; every other problem is a finding about readable content.
const UNUSABLE_FILE_CODES = new Set(['unknown_format', 'unsupported_encoding']);

export async function loadUsage(io: CliIo, command: string, paths: UsagePaths): Promise<UsageLoad> {
  const customerBytes = await readBytes(io, paths.customers, 'customers file');
  if (!customerBytes.ok) return { ok: false, exitCode: failWith(io, command, EXIT_USAGE, customerBytes.reason) };
  const customers = readCustomers(customerBytes.bytes, paths.customers);
  if (!customers.ok) return { ok: false, exitCode: reportFailure(io, command, 'customers file', paths.customers, customers) };

  const eventBytes = await readBytes(io, paths.events, 'usage file');
  if (!eventBytes.ok) return { ok: false, exitCode: failWith(io, command, EXIT_USAGE, eventBytes.reason) };
  const events = readEvents(eventBytes.bytes, paths.events, {
    customers: customers.customers,
    ...(paths.knownFeatures ? { knownFeatures: paths.knownFeatures } : {}),
  });
  if (!events.ok) return { ok: false, exitCode: reportFailure(io, command, 'usage file', paths.events, events) };
  return { ok: true, dataset: events.dataset };
}

async function readBytes(io: CliIo, path: string, what: string): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; reason: string }> {
  try {
    return { ok: true, bytes: await io.readFile(resolvePath(io, path)) };
  } catch (error) {
    return { ok: false, reason: `cannot read ${what} "${path}": ${describeFileError(error)}` };
  }
}

/** Lists the reader's issues on stderr (each names its file, line and column), then the one-line reason. */
function reportFailure(io: CliIo, command: string, what: string, path: string, failure: ImportFailure): number {
  for (const issue of failure.errors) io.stderr.write(`error   ${issue.message} [${issue.code}]\n`);
  const unlisted = failure.errorCount - failure.errors.length;
  if (unlisted > 0) io.stderr.write(`… and ${plural(unlisted, 'more error')}\n`);
  const unusable = failure.errors.length > 0 && failure.errors.every((issue) => UNUSABLE_FILE_CODES.has(issue.code));
  return failWith(io, command, unusable ? EXIT_USAGE : EXIT_INVALID, `${what} "${path}" has ${plural(failure.errorCount, 'error')}`);
}
