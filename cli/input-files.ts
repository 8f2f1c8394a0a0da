// Reading the files a command is given: paths are resolved against the caller's working directory, text must be
// UTF-8, and a file that cannot be read or parsed becomes a reason naming the file, never a thrown error.

import { resolve } from 'node:path';

import type { CliIo } from './cli-io';

export type InputRead<T> = { ok: true; value: T; path: string } | { ok: false; reason: string };

const UTF8 = new TextDecoder('utf-8', { fatal: true });

export function resolvePath(io: CliIo, path: string): string {
  return resolve(io.cwd, path);
}

/** The file's text (a leading byte-order mark dropped), or why it could not be read. */
export async function readTextFile(io: CliIo, path: string, what: string): Promise<InputRead<string>> {
  const absolute = resolvePath(io, path);
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(absolute);
  } catch (error) {
    return { ok: false, reason: `cannot read ${what} "${path}": ${describeFileError(error)}` };
  }
  try {
    return { ok: true, value: UTF8.decode(bytes), path: absolute };
  } catch {
    return { ok: false, reason: `${what} "${path}" is not UTF-8 text` };
  }
}

/** The file parsed as JSON (any value; callers validate its shape), or why it could not be. */
export async function readJsonFile(io: CliIo, path: string, what: string): Promise<InputRead<unknown>> {
  const text = await readTextFile(io, path, what);
  if (!text.ok) return text;
  try {
    return { ok: true, value: JSON.parse(text.value) as unknown, path: text.path };
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message : String(error);
    return { ok: false, reason: `${what} "${path}" is not valid JSON: ${detail}` };
  }
}

// Node's file errors carry a code (ENOENT, EACCES, EISDIR); a plain sentence reads better than the raw message.
export function describeFileError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  return error instanceof Error ? error.message : String(error);
}
