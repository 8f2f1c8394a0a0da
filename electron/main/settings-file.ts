// The desktop app's own settings (window bounds, recent files) in one JSON file under Electron's userData folder.
// A missing or damaged file means defaults, never a failed start; every write is atomic, and writes run one at a
// time in the order they were asked for, so the file always holds the latest complete settings.

import { readFile } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { saveFileAtomically, type AtomicSaveResult } from '../../cli/file-store/atomic-file';
import { MAX_PATH_CHARS } from '../ipc-contract';
import { parseWindowState, type WindowState } from './window-state';
import { MAX_RECENT_FILES } from './recent-files';

export const SETTINGS_FILE_NAME = 'settings.json';

export interface DesktopSettings {
  window: WindowState | null;
  /** Absolute paths, newest first. */
  recentFiles: string[];
}

export const DEFAULT_SETTINGS: DesktopSettings = { window: null, recentFiles: [] };

/** Settings from parsed JSON: each field that is not as written falls back to its default on its own. */
export function parseDesktopSettings(value: unknown): DesktopSettings {
  if (typeof value !== 'object' || value === null) return { ...DEFAULT_SETTINGS };
  const record = value as Record<string, unknown>;
  const recentFiles = Array.isArray(record.recentFiles)
    ? record.recentFiles.filter(
        (entry): entry is string => typeof entry === 'string' && entry.length <= MAX_PATH_CHARS && isAbsolute(entry) && !entry.includes('\0'),
      )
    : [];
  return { window: parseWindowState(record.window), recentFiles: recentFiles.slice(0, MAX_RECENT_FILES) };
}

export async function readDesktopSettings(path: string): Promise<DesktopSettings> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
  try {
    return parseDesktopSettings(JSON.parse(text));
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export interface SettingsStore {
  current(): DesktopSettings;
  /** Changes the settings now and writes them; resolves once this change (or a later one) is on disk. */
  update(change: (settings: DesktopSettings) => DesktopSettings): Promise<AtomicSaveResult>;
}

export async function openSettingsStore(path: string): Promise<SettingsStore> {
  let settings = await readDesktopSettings(path);
  let writing: Promise<AtomicSaveResult> = Promise.resolve({ ok: true });
  return {
    current: () => settings,
    update: (change) => {
      settings = change(settings);
      const snapshot = new TextEncoder().encode(`${JSON.stringify(settings, null, 2)}\n`);
      writing = writing.then(() => saveFileAtomically(path, snapshot));
      return writing;
    },
  };
}
