import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { existingRecentFiles, isRecentFile, MAX_RECENT_FILES, recentFileEntries, withoutRecentFile, withRecentFile } from '../../electron/main/recent-files';
import { desktopHarness, newWorkbookBytes, type DesktopHarness } from './desktop-support';

const exact = { caseInsensitive: false };

describe('the recent files list', () => {
  test('a file opened again moves to the front and is listed once', () => {
    let list: string[] = [];
    for (const path of ['/w/a.cwb', '/w/b.cwb', '/w/c.cwb', '/w/a.cwb']) list = withRecentFile(list, path, exact);
    expect(list).toEqual(['/w/a.cwb', '/w/c.cwb', '/w/b.cwb']);
  });

  test('paths are compared as written on Linux and without case on Windows and macOS', () => {
    expect(withRecentFile(['/w/Team.cwb'], '/w/team.cwb', exact)).toEqual(['/w/team.cwb', '/w/Team.cwb']);
    expect(withRecentFile(['/w/Team.cwb'], '/w/team.cwb', { caseInsensitive: true })).toEqual(['/w/team.cwb']);
    expect(isRecentFile(['/w/Team.cwb'], '/w/TEAM.cwb', { caseInsensitive: true })).toBe(true);
    expect(isRecentFile(['/w/Team.cwb'], '/w/TEAM.cwb', exact)).toBe(false);
  });

  test('a relative path is kept absolute, and the list never grows past its cap', () => {
    let list: string[] = [];
    for (let index = 0; index < MAX_RECENT_FILES + 5; index++) list = withRecentFile(list, `/w/${index}.cwb`, exact);
    expect(list).toHaveLength(MAX_RECENT_FILES);
    expect(list[0]).toBe(`/w/${MAX_RECENT_FILES + 4}.cwb`);
    expect(list).not.toContain('/w/0.cwb');
    expect(withRecentFile([], 'relative.cwb', exact)[0]).toBe(join(process.cwd(), 'relative.cwb'));
  });

  test('a file removed from the list is gone, the others keep their order', () => {
    expect(withoutRecentFile(['/w/a.cwb', '/w/b.cwb', '/w/c.cwb'], '/w/b.cwb', exact)).toEqual(['/w/a.cwb', '/w/c.cwb']);
  });

  test('files that no longer exist are dropped, in order', async () => {
    const exists = async (path: string): Promise<boolean> => path !== '/w/moved.cwb';
    expect(await existingRecentFiles(['/w/a.cwb', '/w/moved.cwb', '/w/b.cwb'], exists)).toEqual(['/w/a.cwb', '/w/b.cwb']);
    expect(recentFileEntries(['/w/a.cwb'])).toEqual([{ path: '/w/a.cwb', name: 'a.cwb' }]);
  });
});

describe('Open Recent through main', () => {
  let harness: DesktopHarness;
  beforeEach(async () => {
    harness = await desktopHarness();
  });
  afterEach(async () => {
    await harness.remove();
  });

  test('listing drops a missing file and writes the shorter list to the settings file', async () => {
    const kept = join(harness.folder, 'kept.cwb');
    const moved = join(harness.folder, 'moved.cwb');
    await writeFile(kept, await newWorkbookBytes());
    await writeFile(moved, await newWorkbookBytes());
    await harness.settings.update((settings) => ({ ...settings, recentFiles: [moved, kept] }));
    await rm(moved);
    const listed = await harness.handlers.listRecentFiles();
    expect(listed).toEqual({ ok: true, value: [{ path: kept, name: 'kept.cwb' }] });
    expect(harness.settings.current().recentFiles).toEqual([kept]);
  });

  test('a folder named like a workbook is not a recent file', async () => {
    const folder = join(harness.folder, 'folder.cwb');
    await mkdir(folder);
    await harness.settings.update((settings) => ({ ...settings, recentFiles: [folder] }));
    expect(await harness.handlers.listRecentFiles()).toEqual({ ok: true, value: [] });
  });

  test('opening and saving put the file in front of the list', async () => {
    const first = join(harness.folder, 'first.cwb');
    const second = join(harness.folder, 'second.cwb');
    await writeFile(first, await newWorkbookBytes());
    harness.dialogs.answers.openPath = first;
    expect((await harness.handlers.openWorkbook()).ok).toBe(true);
    harness.dialogs.answers.savePath = second;
    expect((await harness.handlers.saveWorkbookAs(await newWorkbookBytes())).ok).toBe(true);
    expect(harness.settings.current().recentFiles).toEqual([second, first]);
  });
});

