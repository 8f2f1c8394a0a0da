// Price books as commands receive them: read from a file (a bare book or an exported envelope), parsed and validated
// in one step, so every command treats an unreadable file (exit 2) and an invalid book (exit 1) the same way and
// prints issues in one format.

import type { PriceBook } from '../core/engine/price-book/model';
import { readPriceBookDocument, type PriceBookDocument } from '../core/engine/price-book/read-document';
import type { ValidationIssue, ValidationResult } from '../core/engine/price-book/validate';
import { EXIT_INVALID, EXIT_USAGE, failWith, type CliIo } from './cli-io';
import { readJsonFile } from './input-files';

export type BookRead =
  | { kind: 'unreadable'; reason: string }
  | { kind: 'checked'; validation: PriceBookDocument };

/** Reads and validates a price book file; the validation is returned whatever it found. */
export async function readPriceBook(io: CliIo, path: string): Promise<BookRead> {
  const read = await readJsonFile(io, path, 'price book');
  if (!read.ok) return { kind: 'unreadable', reason: read.reason };
  return { kind: 'checked', validation: readPriceBookDocument(read.value) };
}

export type BookLoad = { ok: true; book: PriceBook; document: PriceBookDocument } | { ok: false; exitCode: number };

/**
 * A book the command can use, or the exit code after saying why not on stderr: the one-line reason, preceded for an
 * invalid book by its issues (warnings of a valid book are not repeated here; `validate` shows them).
 */
export async function loadValidPriceBook(io: CliIo, command: string, path: string): Promise<BookLoad> {
  const read = await readPriceBook(io, path);
  if (read.kind === 'unreadable') return { ok: false, exitCode: failWith(io, command, EXIT_USAGE, read.reason) };
  const { validation } = read;
  if (!validation.ok || validation.book === null) {
    io.stderr.write(formatIssues({ ...validation, warnings: [] }));
    const reason = `price book "${path}" has ${plural(validation.errors.length, 'error')}`;
    return { ok: false, exitCode: failWith(io, command, EXIT_INVALID, reason) };
  }
  return { ok: true, book: validation.book, document: validation };
}

/** One issue per line: severity, JSON path, the sentence, and the code in brackets for searching. */
export function formatIssue(issue: ValidationIssue): string {
  return `${issue.severity.padEnd(7)} ${issue.path}: ${issue.message} [${issue.code}]`;
}

/** Every issue of a validation, errors first, each on its own line; "" when there are none. */
export function formatIssues(validation: Pick<ValidationResult, 'errors' | 'warnings'>): string {
  return [...validation.errors, ...validation.warnings].map((issue) => `${formatIssue(issue)}\n`).join('');
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
