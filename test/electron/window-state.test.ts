import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openSettingsStore, parseDesktopSettings, readDesktopSettings } from '../../electron/main/settings-file';
import { captureWindowState, DEFAULT_WINDOW_SIZE, initialWindowBounds, MIN_WINDOW_SIZE, parseWindowState, type WindowState } from '../../electron/main/window-state';
import { temporaryFolder } from './desktop-support';

const LAPTOP = { x: 0, y: 0, width: 1440, height: 900 };
const MONITOR_ON_THE_RIGHT = { x: 1440, y: 0, width: 2560, height: 1440 };

describe('the window state', () => {
  test('a kept window on an attached screen opens where and how large it was', () => {
    const saved: WindowState = { x: 1600, y: 100, width: 1500, height: 1000, maximized: false };
    expect(initialWindowBounds(saved, [LAPTOP, MONITOR_ON_THE_RIGHT])).toEqual(saved);
  });

  test('a window kept on a monitor that is no longer attached opens at the default size, centred', () => {
    const saved: WindowState = { x: 1600, y: 100, width: 1500, height: 1000, maximized: false };
    expect(initialWindowBounds(saved, [LAPTOP])).toEqual({ ...DEFAULT_WINDOW_SIZE, maximized: false });
  });

  test('a window whose title bar is only a sliver on screen counts as off screen', () => {
    const saved: WindowState = { x: 1400, y: 100, width: 1280, height: 800, maximized: false };
    expect(initialWindowBounds(saved, [LAPTOP])).toEqual({ ...DEFAULT_WINDOW_SIZE, maximized: false });
  });

  test('a kept size below the layout minimum grows to it, and maximised stays maximised', () => {
    const saved: WindowState = { x: 10, y: 10, width: 300, height: 200, maximized: true };
    expect(initialWindowBounds(saved, [LAPTOP])).toEqual({ x: 10, y: 10, ...MIN_WINDOW_SIZE, maximized: true });
  });

  test('nothing kept: the default size', () => {
    expect(initialWindowBounds(null, [LAPTOP])).toEqual({ ...DEFAULT_WINDOW_SIZE, maximized: false });
  });

  test('the normal bounds are kept, rounded, with whether the window was maximised', () => {
    const window = { getNormalBounds: () => ({ x: 10.4, y: 20.6, width: 1300, height: 820 }), isMaximized: () => true };
    expect(captureWindowState(window)).toEqual({ x: 10, y: 21, width: 1300, height: 820, maximized: true });
  });

  test('a kept state with a missing or non-integer field is not used', () => {
    expect(parseWindowState({ x: 1, y: 2, width: 1300, height: 800, maximized: false })).not.toBeNull();
    expect(parseWindowState({ x: 1, y: 2, width: 1300, height: 800 })).toBeNull();
    expect(parseWindowState({ x: 1.5, y: 2, width: 1300, height: 800, maximized: false })).toBeNull();
    expect(parseWindowState({ x: 1, y: 2, width: -5, height: 800, maximized: false })).toBeNull();
    expect(parseWindowState('1,2,3,4')).toBeNull();
  });
});

describe('the settings file', () => {
  let folder: { path: string; remove: () => Promise<void> };
  beforeEach(async () => {
    folder = await temporaryFolder();
  });
  afterEach(async () => {
    await folder.remove();
  });

  test('window state and recent files written by one run are read by the next', async () => {
    const path = join(folder.path, 'settings.json');
    const first = await openSettingsStore(path);
    const state: WindowState = { x: 40, y: 50, width: 1400, height: 900, maximized: false };
    await first.update((settings) => ({ ...settings, window: state }));
    await first.update((settings) => ({ ...settings, recentFiles: ['/w/team.cwb'] }));
    const second = await openSettingsStore(path);
    expect(second.current()).toEqual({ window: state, recentFiles: ['/w/team.cwb'] });
  });

  test('writes asked for in a row land in order: the file holds the last', async () => {
    const path = join(folder.path, 'settings.json');
    const store = await openSettingsStore(path);
    const writes = [1, 2, 3, 4, 5].map((width) => store.update((settings) => ({ ...settings, window: { x: 0, y: 0, width: 1000 + width, height: 800, maximized: false } })));
    await Promise.all(writes);
    expect((await readDesktopSettings(path)).window?.width).toBe(1005);
  });

  test('a missing, damaged or foreign settings file means defaults, not a failed start', async () => {
    const path = join(folder.path, 'settings.json');
    expect(await readDesktopSettings(path)).toEqual({ window: null, recentFiles: [] });
    await writeFile(path, '{"window": {"x": 1,');
    expect(await readDesktopSettings(path)).toEqual({ window: null, recentFiles: [] });
    await writeFile(path, '[1, 2, 3]');
    expect(await readDesktopSettings(path)).toEqual({ window: null, recentFiles: [] });
  });

  test('each field falls back on its own: relative or non-text recent entries are dropped', () => {
    const parsed = parseDesktopSettings({ window: { x: 'left' }, recentFiles: ['/w/a.cwb', 'relative.cwb', 7, '/w/b\u0000.cwb'] });
    expect(parsed).toEqual({ window: null, recentFiles: ['/w/a.cwb'] });
  });

  test('the file is JSON a person can read', async () => {
    const path = join(folder.path, 'settings.json');
    const store = await openSettingsStore(path);
    await store.update((settings) => ({ ...settings, recentFiles: ['/w/a.cwb'] }));
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ window: null, recentFiles: ['/w/a.cwb'] });
  });
});
