import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadSqlJs } from '../../cli/file-store/sql-js-node';
import { readWorkbookFile, saveWorkbookFile } from '../../electron/main/workbook-files';
import {
  desktopHarness,
  FROZEN_NOW_MS,
  NOT_A_WORKBOOK,
  newerWorkbookBytes,
  newWorkbookBytes,
  WORKBOOK_V1_BYTES,
  type DesktopHarness,
} from './desktop-support';

let harness: DesktopHarness;
beforeEach(async () => {
  harness = await desktopHarness();
});
afterEach(async () => {
  await harness.remove();
});

async function fileAt(name: string, bytes: Uint8Array): Promise<string> {
  const path = join(harness.folder, name);
  await writeFile(path, bytes);
  return path;
}

async function bytesAt(path: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(path));
}

/** A disk that takes the first block and then reports itself full. */
const fullDisk = {
  blockBytes: 4096,
  writeBlock: async (file: import('node:fs/promises').FileHandle, block: Uint8Array, position: number): Promise<number> => {
    if (position > 0) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    return (await file.write(block, 0, block.length, position)).bytesWritten;
  },
};

describe('opening a workbook file', () => {
  test('a valid workbook opens: the page gets its bytes, path and name, and the session belongs to it', async () => {
    const bytes = await newWorkbookBytes();
    const path = await fileAt('team.cwb', bytes);
    harness.dialogs.answers.openPath = path;
    expect(await harness.handlers.openWorkbook()).toEqual({ ok: true, value: { path, name: 'team.cwb', bytes } });
    expect(harness.session).toMatchObject({ path, unsaved: false, upgradedFrom: null });
    expect(harness.dialogs.problems).toEqual([]);
    expect(harness.changes).toBe(1);
  });

  test('a file that is not a workbook is refused with its code, said in a dialog, and the session is unchanged', async () => {
    const path = await fileAt('notes.cwb', NOT_A_WORKBOOK);
    harness.dialogs.answers.openPath = path;
    const opened = await harness.handlers.openWorkbook();
    expect(opened).toEqual({
      ok: false,
      problem: { code: 'workbook_not_a_workbook', message: '"notes.cwb" could not be opened. The file is not a Credit Workbench workbook: it is not an SQLite database.' },
    });
    expect(harness.dialogs.problems).toEqual([opened.ok ? '' : opened.problem.message]);
    expect(harness.session.path).toBeNull();
    expect(await bytesAt(path)).toEqual(NOT_A_WORKBOOK);
  });

  test('a workbook from a newer version is refused as too new and left as it was', async () => {
    const bytes = await newerWorkbookBytes();
    const path = await fileAt('future.cwb', bytes);
    const opened = await readWorkbookFile(path, await loadSqlJs());
    expect(opened.ok ? null : opened.problem.code).toBe('workbook_too_new');
    expect(opened.ok ? '' : opened.problem.message).toMatch(/^"future\.cwb" could not be opened\. The workbook was saved by a newer version of Credit Workbench/);
    expect(await bytesAt(path)).toEqual(bytes);
  });

  test('a file that is not there is unreadable, said so, and dropped from Open Recent', async () => {
    const path = join(harness.folder, 'gone.cwb');
    await harness.settings.update((settings) => ({ ...settings, recentFiles: [path] }));
    const opened = await harness.handlers.openWorkbookAt(path);
    expect(opened).toEqual({ ok: false, problem: { code: 'file_unreadable', message: '"gone.cwb" could not be opened: no such file.' } });
    expect(harness.dialogs.problems).toHaveLength(1);
    expect(harness.settings.current().recentFiles).toEqual([]);
  });

  test('a file larger than the limit is refused before it is read', async () => {
    const path = await fileAt('big.cwb', await newWorkbookBytes());
    const opened = await readWorkbookFile(path, await loadSqlJs(), 1000);
    expect(opened.ok ? null : opened.problem.code).toBe('file_too_large');
  });

  test('a cancelled open dialog changes nothing and shows no problem', async () => {
    expect(await harness.handlers.openWorkbook()).toEqual({ ok: false, problem: { code: 'cancelled', message: 'Nothing was chosen.' } });
    expect(harness.dialogs.problems).toEqual([]);
  });

  test('an older workbook opens (upgraded by the page) and the session remembers to keep its original', async () => {
    const path = await fileAt('old.cwb', WORKBOOK_V1_BYTES);
    harness.dialogs.answers.openPath = path;
    expect((await harness.handlers.openWorkbook()).ok).toBe(true);
    expect(harness.session.upgradedFrom).toBe(1);
  });
});

describe('saving a workbook file', () => {
  test('save writes the bytes to the session file, atomically: no temporary file is left beside it', async () => {
    const path = await fileAt('team.cwb', await newWorkbookBytes());
    harness.session.path = path;
    harness.session.unsaved = true;
    const changed = await newWorkbookBytes();
    expect(await harness.handlers.saveWorkbook(changed)).toEqual({ ok: true, value: { path, name: 'team.cwb', savedAtMs: FROZEN_NOW_MS, backupPath: null } });
    expect(await bytesAt(path)).toEqual(changed);
    expect(await readdir(harness.folder)).toEqual(['team.cwb', 'userData']);
    expect(harness.session.unsaved).toBe(false);
  });

  test('a save that fails on a full disk says why, and the old file is intact', async () => {
    const original = await newWorkbookBytes();
    const path = await fileAt('team.cwb', original);
    const failing = await desktopHarness({ atomic: fullDisk });
    try {
      failing.session.path = path;
      failing.session.unsaved = true;
      const saved = await failing.handlers.saveWorkbook(await newWorkbookBytes());
      expect(saved).toEqual({ ok: false, problem: { code: 'file_save_failed', message: `Could not save ${path}: the disk is full. The previous file is unchanged.` } });
      expect(failing.dialogs.problems).toEqual([`Could not save ${path}: the disk is full. The previous file is unchanged.`]);
      expect(await bytesAt(path)).toEqual(original);
      expect(await readdir(harness.folder)).toEqual(['team.cwb', 'userData']);
      expect(failing.session.unsaved).toBe(true);
    } finally {
      await failing.remove();
    }
  });

  test('bytes that are not a workbook are never written over a file', async () => {
    const original = await newWorkbookBytes();
    const path = await fileAt('team.cwb', original);
    const saved = await saveWorkbookFile(path, NOT_A_WORKBOOK, await loadSqlJs(), { keepBackupOfSchema: null, nowMs: FROZEN_NOW_MS });
    expect(saved.ok ? null : saved.problem.code).toBe('workbook_not_a_workbook');
    expect(await bytesAt(path)).toEqual(original);
  });

  test('an untitled document saves through the Save As dialog; a name typed without .cwb gets it', async () => {
    harness.dialogs.answers.savePath = join(harness.folder, 'plans');
    const saved = await harness.handlers.saveWorkbook(await newWorkbookBytes());
    expect(harness.dialogs.asked).toEqual(['save as Untitled.cwb']);
    expect(saved.ok ? saved.value.path : null).toBe(join(harness.folder, 'plans.cwb'));
    expect(harness.session.path).toBe(join(harness.folder, 'plans.cwb'));
  });

  test('Save As a cancelled dialog writes nothing', async () => {
    expect((await harness.handlers.saveWorkbookAs(await newWorkbookBytes())).ok).toBe(false);
    expect(await readdir(harness.folder)).toEqual(['userData']);
  });

  test('the first save over an upgraded file keeps its original beside it; later saves do not copy again', async () => {
    const path = await fileAt('old.cwb', WORKBOOK_V1_BYTES);
    harness.dialogs.answers.openPath = path;
    await harness.handlers.openWorkbook();
    const first = await harness.handlers.saveWorkbook(await newWorkbookBytes());
    expect(first.ok ? first.value.backupPath : null).toBe(`${path}.schema-1.backup`);
    expect(await bytesAt(`${path}.schema-1.backup`)).toEqual(WORKBOOK_V1_BYTES);
    const second = await harness.handlers.saveWorkbook(await newWorkbookBytes());
    expect(second.ok ? second.value.backupPath : 'failed').toBeNull();
    expect((await readdir(harness.folder)).sort()).toEqual(['old.cwb', 'old.cwb.schema-1.backup', 'userData']);
  });

  test('an earlier backup is never overwritten: the next one gets a number', async () => {
    const path = await fileAt('old.cwb', WORKBOOK_V1_BYTES);
    await writeFile(`${path}.schema-1.backup`, 'earlier');
    const saved = await saveWorkbookFile(path, await newWorkbookBytes(), await loadSqlJs(), { keepBackupOfSchema: 1, nowMs: FROZEN_NOW_MS });
    expect(saved.ok ? saved.value.backupPath : null).toBe(`${path}.schema-1.2.backup`);
    expect(await readFile(`${path}.schema-1.backup`, 'utf8')).toBe('earlier');
  });
});

describe('usage files and price book exports', () => {
  test('a picked usage file comes back as its name and bytes', async () => {
    const path = await fileAt('events.csv', new TextEncoder().encode('customer,time\nacme,2025-01-01\n'));
    harness.dialogs.answers.usagePath = path;
    const picked = await harness.handlers.pickUsageFile();
    expect(picked.ok ? picked.value.name : null).toBe('events.csv');
    expect(picked.ok ? new TextDecoder().decode(picked.value.bytes) : '').toBe('customer,time\nacme,2025-01-01\n');
  });

  test('an empty usage file is said to hold no usage', async () => {
    harness.dialogs.answers.usagePath = await fileAt('empty.csv', new Uint8Array(0));
    const picked = await harness.handlers.pickUsageFile();
    expect(picked).toEqual({ ok: false, problem: { code: 'file_unreadable', message: '"empty.csv" is empty, so it holds no usage.' } });
    expect(harness.dialogs.problems).toHaveLength(1);
  });

  test('an exported price book is written where the user chose, as given', async () => {
    const path = join(harness.folder, 'book.json');
    harness.dialogs.answers.priceBookPath = path;
    expect(await harness.handlers.exportPriceBook('ai-platform-v3.json', '{"id":"ai-platform"}\n')).toEqual({ ok: true, value: { path } });
    expect(harness.dialogs.asked).toEqual(['export ai-platform-v3.json']);
    expect(await readFile(path, 'utf8')).toBe('{"id":"ai-platform"}\n');
  });

  test('an export that cannot be written says why in a dialog', async () => {
    harness.dialogs.answers.priceBookPath = join(harness.folder, 'missing-folder', 'book.json');
    const exported = await harness.handlers.exportPriceBook('book.json', '{}');
    expect(exported.ok ? null : exported.problem.code).toBe('file_save_failed');
    expect(harness.dialogs.problems[0]).toMatch(/its folder does not exist/);
  });
});
