// The real machine behind CliIo: process streams, the file system and a monotonic clock. Only the process entry
// points (cli/main.ts run as a script, bin/credit-workbench.mjs) use it; commands never import it.

import { randomBytes } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

import { PROGRAM_NAME, type CliIo, type OutputStream } from './cli-io';

/** Exit status when a command broke an invariant (a defect, reported with its stack), apart from 0, 1 and 2. */
export const EXIT_INTERNAL_ERROR = 3;

/**
 * Writes `data` to a temporary file beside `path`, flushes it to disk, then renames it over `path`: a reader sees the
 * old file or the new one, never a half-written one. The temporary file is removed if anything fails.
 */
export async function writeFileAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

function processStream(stream: NodeJS.WriteStream): OutputStream {
  // A reader that goes away (… | head) closes the pipe; that ends the output, it is not an error of ours.
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  return { write: (text) => void stream.write(text), isTTY: stream.isTTY === true };
}

export function createNodeIo(): CliIo {
  return {
    stdout: processStream(process.stdout),
    stderr: processStream(process.stderr),
    readFile: async (path) => new Uint8Array(await readFile(path)),
    writeFileAtomic: writeFileAtomically,
    cwd: process.cwd(),
    now: () => performance.now(),
  };
}

/** Runs the CLI for this process: sets the exit status, and turns a thrown defect into a message and status 3. */
export async function runProcess(run: (argv: readonly string[], io: CliIo) => Promise<number>): Promise<void> {
  const io = createNodeIo();
  try {
    process.exitCode = await run(process.argv.slice(2), io);
  } catch (error) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`${PROGRAM_NAME}: internal error (please report it): ${detail}\n`);
    process.exitCode = EXIT_INTERNAL_ERROR;
  }
}
