// The seam between commands and the machine: every command reads, writes and reports only through a CliIo, so tests
// run commands in-process with files in memory, and exit codes mean the same thing everywhere.

export interface OutputStream {
  write(text: string): void;
  /** True when a person is watching (progress and colour are for them only). */
  isTTY?: boolean;
}

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  /** Reads a whole file; paths reach it already resolved against `cwd`. Rejects when the file cannot be read. */
  readFile(path: string): Promise<Uint8Array>;
  /**
   * Writes a whole file so that readers see either the old content or the new, never a part. Rejects when it could
   * not, with an Error whose message (or errno code) says why; the old content is then unchanged.
   */
  writeFileAtomic(path: string, data: string | Uint8Array): Promise<void>;
  cwd: string;
  /** Milliseconds on a monotonic clock, for progress only; results never depend on it. */
  now?: () => number;
}

export type CliCommand = (argv: string[], io: CliIo) => Promise<number>;

/** Exit codes: success; the input was read but is invalid; the arguments or a file could not be used at all. */
export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

export const PROGRAM_NAME = 'credit-workbench';

/** Writes the one-line reason a command stopped, prefixed with the program and command, and returns the code. */
export function failWith(io: CliIo, command: string, code: number, reason: string): number {
  io.stderr.write(`${PROGRAM_NAME} ${command}: ${reason}\n`);
  return code;
}
