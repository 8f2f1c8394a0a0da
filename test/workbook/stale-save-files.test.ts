import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { CliIo } from '../../cli/cli-io';
import { saveFileAtomically } from '../../cli/file-store/atomic-file';
import { removeStaleSaveFiles, STALE_SAVE_FILE_AGE_MS, type SaveFileSystem } from '../../cli/file-store/stale-save-files';
import { runCli } from '../../cli/main';
import { createWorkbook, exportWorkbook } from '../../core/workbook/open-workbook';
import { sqlJs } from './workbook-support';

const NOW_MS = Date.UTC(2026, 0, 1, 12);
const STALE_MS = NOW_MS - STALE_SAVE_FILE_AGE_MS - 1_000;
const FRESH_MS = NOW_MS - STALE_SAVE_FILE_AGE_MS + 60_000;

let directory: string;
let target: string;

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'stale-saves-'));
  target = join(directory, 'team.workbook');
});

afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

/** A file (or folder) named `name` in the test directory, last modified at `mtimeMs`. */
function plant(name: string, mtimeMs: number, kind: 'file' | 'folder' = 'file'): void {
  const path = join(directory, name);
  if (kind === 'folder') mkdirSync(path);
  else writeFileSync(path, 'partial save');
  utimesSync(path, mtimeMs / 1000, mtimeMs / 1000);
}

function filesInDirectory(): string[] {
  return readdirSync(directory).sort();
}

describe('clearing what interrupted saves left', () => {
  test('removes only stale temporary files of exactly that file', async () => {
    writeFileSync(target, 'workbook');
    const keptNames = [
      '.team.workbook.00112233aabb.tmp', // fresh: a save may still be writing it
      '.team.workbook.0011223.tmp', // not 12 hex digits
      '.team.workbook.00112233AABB.tmp', // saves write lower case
      '.team.workbook.00112233aabb.tmp.bak',
      'team.workbook.00112233aabb.tmp', // no leading dot
      '.other.workbook.00112233aabb.tmp', // another file's
      '.team.workbook.ffffffffffff.tmp', // a folder, not a file
    ];
    plant('.team.workbook.0123456789ab.tmp', STALE_MS);
    plant('.team.workbook.ba9876543210.tmp', STALE_MS);
    plant(keptNames[0], FRESH_MS);
    for (const name of keptNames.slice(1, -1)) plant(name, STALE_MS);
    plant(keptNames[keptNames.length - 1], STALE_MS, 'folder');

    expect(await removeStaleSaveFiles(target, { nowMs: NOW_MS })).toEqual({
      removed: ['.team.workbook.0123456789ab.tmp', '.team.workbook.ba9876543210.tmp'],
      kept: [],
    });
    expect(filesInDirectory()).toEqual([...keptNames, 'team.workbook'].sort());
  });

  test('the names it looks for are the names saves use', async () => {
    // A save that fails at its first write: its temporary file is there to see, and removed when it gives up.
    let seen: string[] = [];
    const failingWrite = async (): Promise<number> => {
      seen = filesInDirectory();
      throw new Error('stopped');
    };
    expect((await saveFileAtomically(target, new Uint8Array(10), { writeBlock: failingWrite })).ok).toBe(false);
    expect(seen).toHaveLength(1);
    const [temporary] = seen;
    plant(temporary, STALE_MS);
    expect((await removeStaleSaveFiles(target, { nowMs: NOW_MS })).removed).toEqual([temporary]);
  });

  test('says which it could not remove, and takes a file gone meanwhile or an unreadable folder calmly', async () => {
    const stale = { isFile: () => true, mtimeMs: STALE_MS };
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const gone = Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' });
    const fileSystem: SaveFileSystem = {
      readdir: async () => ['.team.workbook.000000000001.tmp', '.team.workbook.000000000002.tmp'],
      lstat: async () => stale,
      unlink: async (path) => {
        throw path.endsWith('1.tmp') ? denied : gone;
      },
    };
    expect(await removeStaleSaveFiles(target, { nowMs: NOW_MS, fileSystem })).toEqual({
      removed: [],
      kept: [{ name: '.team.workbook.000000000001.tmp', reason: 'EACCES: permission denied' }],
    });
    const unreadable: SaveFileSystem = { ...fileSystem, readdir: async () => Promise.reject(denied) };
    expect(await removeStaleSaveFiles(target, { nowMs: NOW_MS, fileSystem: unreadable })).toEqual({ removed: [], kept: [] });
  });
});

/** A CliIo on the real disk, its output captured. */
function diskIo(cwd: string): CliIo & { out: () => string; err: () => string } {
  let stdout = '';
  let stderr = '';
  return {
    cwd,
    stdout: { write: (text) => void (stdout += text) },
    stderr: { write: (text) => void (stderr += text) },
    readFile: async (path) => new Uint8Array(await readFile(path)),
    writeFileAtomic: async (path, data) => {
      const saved = await saveFileAtomically(path, typeof data === 'string' ? new TextEncoder().encode(data) : data);
      if (!saved.ok) throw new Error(saved.message);
    },
    out: () => stdout,
    err: () => stderr,
  };
}

describe('opening a workbook from the command line', () => {
  test('clears the temporary file a killed save left, once it is stale, and the workbook opens as it was', async () => {
    const workbookBytes = exportWorkbook(createWorkbook(await sqlJs()));
    writeFileSync(target, workbookBytes);
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./support/slow-save-child.ts', import.meta.url)), target, String(4 * 1024 * 1024)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (data: Buffer) => {
        if (data.toString().includes('writing')) resolve();
      });
      child.on('exit', () => reject(new Error('the save ended before it was killed')));
    });
    child.kill('SIGKILL');
    await exited;
    const [leftover] = filesInDirectory().filter((name) => name !== 'team.workbook');
    expect(leftover).toMatch(/^\.team\.workbook\.[0-9a-f]{12}\.tmp$/);

    // Minutes after the kill it is still too fresh to be sure no save owns it; ten minutes on it goes.
    const io = diskIo(directory);
    expect(await runCli(['info', '--workbook', 'team.workbook'], io)).toBe(0);
    expect(filesInDirectory()).toEqual([leftover, 'team.workbook'].sort());
    const staleMs = Date.now() - STALE_SAVE_FILE_AGE_MS - 60_000;
    utimesSync(join(directory, leftover), staleMs / 1000, staleMs / 1000);
    expect(await runCli(['info', '--workbook', 'team.workbook'], io)).toBe(0);
    expect(io.err()).toBe(`removed ${leftover}, a temporary file an interrupted save left beside the workbook\n`);
    expect(filesInDirectory()).toEqual(['team.workbook']);
    expect(Buffer.compare(readFileSync(target), workbookBytes)).toBe(0);
  });
});
