import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadSqlJs } from '../../cli/file-store/sql-js-node';
import { clearRecoveryCopy, findRecoveryCopy, writeRecoveryCopy } from '../../electron/main/recovery-copy';
import { prepareStartupDocument, startupPlanner } from '../../electron/main/startup-document';
import type { MenuCommand } from '../../electron/ipc-contract';
import { desktopHarness, FROZEN_NOW_MS, NOT_A_WORKBOOK, newWorkbookBytes, type DesktopHarness } from './desktop-support';

let harness: DesktopHarness;
beforeEach(async () => {
  harness = await desktopHarness();
});
afterEach(async () => {
  await harness.remove();
});

function startupInputs(requestedPath: string | null = null) {
  return {
    recoveryFolder: harness.recoveryFolder,
    requestedPath,
    dialogs: harness.dialogs,
    session: harness.session,
    rememberRecent: async (path: string) => {
      await harness.settings.update((settings) => ({ ...settings, recentFiles: [path, ...settings.recentFiles] }));
    },
  };
}

describe('recovery copies', () => {
  test('a copy written is found again with the document it belongs to and when it was written', async () => {
    const bytes = await newWorkbookBytes();
    const written = await writeRecoveryCopy(harness.recoveryFolder, bytes, '/w/team.cwb', FROZEN_NOW_MS);
    expect(written).toEqual({ ok: true, value: { documentPath: '/w/team.cwb', savedAtMs: FROZEN_NOW_MS, byteLength: bytes.length } });
    const found = await findRecoveryCopy(harness.recoveryFolder);
    expect(found).toEqual({ documentPath: '/w/team.cwb', savedAtMs: FROZEN_NOW_MS, byteLength: bytes.length, bytes });
  });

  test('a copy whose bytes do not match its note (cut short by a crash) is not offered', async () => {
    await writeRecoveryCopy(harness.recoveryFolder, await newWorkbookBytes(), null, FROZEN_NOW_MS);
    await writeFile(join(harness.recoveryFolder, 'recovery.cwb'), new Uint8Array(10));
    expect(await findRecoveryCopy(harness.recoveryFolder)).toBeNull();
  });

  test('a copy without its note, or with a note that is not ours, is not offered', async () => {
    expect(await findRecoveryCopy(harness.recoveryFolder)).toBeNull();
    await writeRecoveryCopy(harness.recoveryFolder, await newWorkbookBytes(), null, FROZEN_NOW_MS);
    await writeFile(join(harness.recoveryFolder, 'recovery.json'), '{"documentPath": 7}');
    expect(await findRecoveryCopy(harness.recoveryFolder)).toBeNull();
  });

  test('clearing removes the copy and its note', async () => {
    await writeRecoveryCopy(harness.recoveryFolder, await newWorkbookBytes(), null, FROZEN_NOW_MS);
    await clearRecoveryCopy(harness.recoveryFolder);
    expect(await readdir(harness.recoveryFolder)).toEqual([]);
    expect(await findRecoveryCopy(harness.recoveryFolder)).toBeNull();
  });

  test('the page writes a copy through main, named after the document the session holds', async () => {
    harness.session.path = '/w/team.cwb';
    const bytes = await newWorkbookBytes();
    expect(await harness.handlers.writeRecoveryCopy(bytes)).toEqual({ ok: true, value: { savedAtMs: FROZEN_NOW_MS } });
    expect((await findRecoveryCopy(harness.recoveryFolder))?.documentPath).toBe('/w/team.cwb');
  });

  test('a clean save clears the copy', async () => {
    await harness.handlers.writeRecoveryCopy(await newWorkbookBytes());
    harness.dialogs.answers.savePath = join(harness.folder, 'saved.cwb');
    expect((await harness.handlers.saveWorkbook(await newWorkbookBytes())).ok).toBe(true);
    expect(await findRecoveryCopy(harness.recoveryFolder)).toBeNull();
  });

  test('a failed save keeps the copy', async () => {
    await harness.handlers.writeRecoveryCopy(await newWorkbookBytes());
    harness.dialogs.answers.savePath = join(harness.folder, 'no-such-folder', 'saved.cwb');
    expect((await harness.handlers.saveWorkbook(await newWorkbookBytes())).ok).toBe(false);
    expect(await findRecoveryCopy(harness.recoveryFolder)).not.toBeNull();
  });
});

describe('after a run that did not end cleanly', () => {
  test('the copy is offered and, restored, opens as unsaved changes to its file', async () => {
    const bytes = await newWorkbookBytes();
    await writeRecoveryCopy(harness.recoveryFolder, bytes, '/w/team.cwb', FROZEN_NOW_MS);
    harness.dialogs.answers.restore = true;
    const plan = await prepareStartupDocument({ ...startupInputs(), sqlJs: await loadSqlJs() });
    expect(harness.dialogs.asked).toEqual(['restore team.cwb']);
    expect(plan).toEqual({
      document: { kind: 'recovered', document: { path: '/w/team.cwb', name: 'team.cwb', bytes }, recoveredAtMs: FROZEN_NOW_MS },
      thenOffer: null,
    });
    expect(harness.session).toMatchObject({ path: '/w/team.cwb', unsaved: true });
    // Still there until a save or a clean exit: a second crash loses nothing either.
    expect(await findRecoveryCopy(harness.recoveryFolder)).not.toBeNull();
  });

  test('declined, the copy is removed and the window starts as usual', async () => {
    await writeRecoveryCopy(harness.recoveryFolder, await newWorkbookBytes(), null, FROZEN_NOW_MS);
    harness.dialogs.answers.restore = false;
    const plan = await prepareStartupDocument({ ...startupInputs(), sqlJs: await loadSqlJs() });
    expect(harness.dialogs.asked).toEqual(['restore Untitled.cwb']);
    expect(plan.document).toEqual({ kind: 'none' });
    expect(await findRecoveryCopy(harness.recoveryFolder)).toBeNull();
  });

  test('a copy that does not open as a workbook is not offered and is removed', async () => {
    await writeRecoveryCopy(harness.recoveryFolder, NOT_A_WORKBOOK, null, FROZEN_NOW_MS);
    const plan = await prepareStartupDocument({ ...startupInputs(), sqlJs: await loadSqlJs() });
    expect(harness.dialogs.asked).toEqual([]);
    expect(plan.document).toEqual({ kind: 'none' });
    expect(await findRecoveryCopy(harness.recoveryFolder)).toBeNull();
  });

  test('with no copy, a workbook named on the command line is opened and remembered', async () => {
    const path = join(harness.folder, 'named.cwb');
    const bytes = await newWorkbookBytes();
    await writeFile(path, bytes);
    const plan = await prepareStartupDocument({ ...startupInputs(path), sqlJs: await loadSqlJs() });
    expect(plan.document).toEqual({ kind: 'file', document: { path, name: 'named.cwb', bytes } });
    expect(harness.session.path).toBe(path);
    expect(harness.settings.current().recentFiles).toEqual([path]);
  });

  test('a named file that is not a workbook is said in a dialog and the window starts as usual', async () => {
    const path = join(harness.folder, 'notes.cwb');
    await writeFile(path, NOT_A_WORKBOOK);
    const plan = await prepareStartupDocument({ ...startupInputs(path), sqlJs: await loadSqlJs() });
    expect(plan.document).toEqual({ kind: 'none' });
    expect(harness.dialogs.problems).toEqual(['"notes.cwb" could not be opened. The file is not a Credit Workbench workbook: it is not an SQLite database.']);
    expect(harness.session.path).toBeNull();
  });

  test('restored with a file also named, the page gets the copy first and is then offered the file', async () => {
    await writeRecoveryCopy(harness.recoveryFolder, await newWorkbookBytes(), null, FROZEN_NOW_MS);
    harness.dialogs.answers.restore = true;
    const sent: MenuCommand[] = [];
    const planner = startupPlanner({ ...startupInputs(), sqlJs: loadSqlJs, send: (command) => sent.push(command) });
    await planner.prepare('/w/other.cwb');
    expect(planner.take()?.kind).toBe('recovered');
    expect(planner.take()).toBeNull();
    await new Promise((done) => setTimeout(done, 5));
    expect(sent).toEqual([{ command: 'open-path', path: '/w/other.cwb' }]);
    expect(harness.session.offeredPaths.has('/w/other.cwb')).toBe(true);
  });
});

describe('what a reload of the page shows', () => {
  test('the file the session belongs to, as saved; nothing when there is none', async () => {
    expect(await harness.handlers.startupDocument()).toEqual({ ok: true, value: { kind: 'none' } });
    const path = join(harness.folder, 'team.cwb');
    const bytes = await newWorkbookBytes();
    await writeFile(path, bytes);
    harness.session.path = path;
    harness.session.unsaved = true;
    expect(await harness.handlers.startupDocument()).toEqual({ ok: true, value: { kind: 'file', document: { path, name: 'team.cwb', bytes } } });
    expect(harness.session.unsaved).toBe(false);
    expect(new Uint8Array(await readFile(path))).toEqual(bytes);
  });
});
