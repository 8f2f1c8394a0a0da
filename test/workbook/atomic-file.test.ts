import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { saveFileAtomically, type BlockWriter } from '../../cli/file-store/atomic-file';

const OLD = new TextEncoder().encode('the previous workbook bytes');

let directory: string;
let target: string;

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'atomic-save-'));
  target = join(directory, 'team.workbook');
  writeFileSync(target, OLD);
});

afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

function bigBytes(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = i % 251;
  return bytes;
}

function filesInDirectory(): string[] {
  return readdirSync(directory).sort();
}

/** Writes blocks for real until `failAfterBytes` are on disk, then throws `error`. */
function failingWriter(failAfterBytes: number, error: Error): BlockWriter {
  let written = 0;
  return async (file, block, position) => {
    if (written >= failAfterBytes) throw error;
    const { bytesWritten } = await file.write(block, 0, block.length, position);
    written += bytesWritten;
    return bytesWritten;
  };
}

describe('atomic save', () => {
  test('replaces the old file with the new bytes and leaves no temporary file', async () => {
    const bytes = bigBytes(300_000);
    expect(await saveFileAtomically(target, bytes, { blockBytes: 65_536 })).toEqual({ ok: true });
    expect(Buffer.compare(readFileSync(target), bytes)).toBe(0);
    expect(filesInDirectory()).toEqual(['team.workbook']);
  });

  test('creates the file when there is none', async () => {
    const fresh = join(directory, 'new.workbook');
    expect(await saveFileAtomically(fresh, OLD)).toEqual({ ok: true });
    expect(Buffer.compare(readFileSync(fresh), OLD)).toBe(0);
  });

  test('keeps the permissions of the file it replaces', async () => {
    chmodSync(target, 0o640);
    await saveFileAtomically(target, bigBytes(10));
    expect(statSync(target).mode & 0o777).toBe(0o640);
  });

  test('continues after a short write', async () => {
    const bytes = bigBytes(1000);
    const shortWrites: BlockWriter = async (file, block, position) =>
      (await file.write(block, 0, Math.min(block.length, 7), position)).bytesWritten;
    expect(await saveFileAtomically(target, bytes, { writeBlock: shortWrites })).toEqual({ ok: true });
    expect(Buffer.compare(readFileSync(target), bytes)).toBe(0);
  });

  test('a write that fails halfway leaves the old file intact and removes the partial temporary file', async () => {
    const crash = failingWriter(150_000, new Error('simulated crash while writing'));
    const result = await saveFileAtomically(target, bigBytes(300_000), { blockBytes: 50_000, writeBlock: crash });
    expect(result).toEqual({
      ok: false,
      code: 'file_save_failed',
      message: `Could not save ${target}: simulated crash while writing. The previous file is unchanged.`,
    });
    expect(Buffer.compare(readFileSync(target), OLD)).toBe(0);
    expect(filesInDirectory()).toEqual(['team.workbook']);
  });

  test('a full disk in the middle of the write leaves the old file intact and says so', async () => {
    const diskFull = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const result = await saveFileAtomically(target, bigBytes(300_000), { blockBytes: 50_000, writeBlock: failingWriter(100_000, diskFull) });
    expect(result).toEqual({
      ok: false,
      code: 'file_save_failed',
      message: `Could not save ${target}: the disk is full. The previous file is unchanged.`,
    });
    expect(Buffer.compare(readFileSync(target), OLD)).toBe(0);
    expect(filesInDirectory()).toEqual(['team.workbook']);
  });

  test('a disk that stops accepting bytes is a failure, not an endless loop', async () => {
    const result = await saveFileAtomically(target, bigBytes(100), { writeBlock: async () => 0 });
    expect(result).toMatchObject({ ok: false, message: `Could not save ${target}: the disk accepted no bytes at offset 0. The previous file is unchanged.` });
    expect(Buffer.compare(readFileSync(target), OLD)).toBe(0);
  });

  test('a folder that does not exist is a failure with a plain sentence', async () => {
    const nowhere = join(directory, 'missing', 'team.workbook');
    expect(await saveFileAtomically(nowhere, OLD)).toEqual({
      ok: false,
      code: 'file_save_failed',
      message: `Could not save ${nowhere}: its folder does not exist. The previous file is unchanged.`,
    });
  });

  test('a process killed in the middle of the write leaves the old file intact', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./support/slow-save-child.ts', import.meta.url)), target, String(4 * 1024 * 1024)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (data: Buffer) => {
        output += data.toString();
        if (output.includes('writing')) resolve();
      });
      child.on('exit', () => reject(new Error(`child ended before writing: ${output}`)));
    });
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(output).not.toContain('finished');
    expect(Buffer.compare(readFileSync(target), OLD)).toBe(0);
    // The killed save had no chance to clean up: its partial temporary file is there, and shorter than the whole.
    const leftovers = filesInDirectory().filter((name) => name !== 'team.workbook');
    expect(leftovers).toHaveLength(1);
    expect(leftovers[0]).toMatch(/^\.team\.workbook\.[0-9a-f]{12}\.tmp$/);
    expect(statSync(join(directory, leftovers[0])).size).toBeLessThan(4 * 1024 * 1024);
  });
});
