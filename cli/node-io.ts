// The real machine behind CliIo: process streams, the file system and a monotonic clock. Only the process entry
// points (cli/main.ts run as a script, bin/credit-workbench.mjs) use it; commands never import it.

import { readFile } from 'node:fs/promises';

import { PROGRAM_NAME, type CliIo, type OutputStream } from './cli-io';
import { saveFileAtomically } from './file-store/atomic-file';

/** Exit status when a command broke an invariant (a defect, reported with its stack), apart from 0, 1 and 2. */
export const EXIT_INTERNAL_ERROR = 3;

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
    writeFileAtomic: async (path, data) => {
      const saved = await saveFileAtomically(path, typeof data === 'string' ? new TextEncoder().encode(data) : data);
      if (!saved.ok) throw new Error(saved.message);
    },
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
