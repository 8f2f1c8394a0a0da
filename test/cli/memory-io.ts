// An in-memory CliIo for running commands inside a test: files are a map of absolute paths, output is captured.

import { resolve } from 'node:path';

import type { CliIo } from '../../cli/cli-io';

export interface MemoryIo extends CliIo {
  files: Map<string, Uint8Array>;
  out: () => string;
  err: () => string;
  /** Text of a file written through writeFileAtomic. */
  written: (path: string) => string | undefined;
}

export const TEST_CWD = '/work-test';

export function memoryIo(files: Record<string, string | Uint8Array> = {}, options: { tty?: boolean } = {}): MemoryIo {
  const encoder = new TextEncoder();
  const stored = new Map<string, Uint8Array>();
  for (const [path, content] of Object.entries(files)) {
    stored.set(resolve(TEST_CWD, path), typeof content === 'string' ? encoder.encode(content) : content);
  }
  let stdout = '';
  let stderr = '';
  let clock = 0;
  return {
    files: stored,
    cwd: TEST_CWD,
    stdout: { write: (text) => void (stdout += text), isTTY: options.tty ?? false },
    stderr: { write: (text) => void (stderr += text), isTTY: options.tty ?? false },
    now: () => (clock += 250),
    readFile: async (path) => {
      const content = stored.get(path);
      if (content === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return content;
    },
    writeFileAtomic: async (path, data) => {
      stored.set(path, typeof data === 'string' ? encoder.encode(data) : data);
    },
    out: () => stdout,
    err: () => stderr,
    written: (path) => {
      const content = stored.get(resolve(TEST_CWD, path));
      return content === undefined ? undefined : new TextDecoder().decode(content);
    },
  };
}
