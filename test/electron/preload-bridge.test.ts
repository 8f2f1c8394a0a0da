// The preload as the sandbox runs it: bundled by the same build as `npm start`, evaluated with Electron's
// contextBridge and ipcRenderer replaced, so the test sees exactly what the page gets.

import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { beforeAll, describe, expect, test } from 'vitest';
import { desktopLayout, preloadBundleOptions } from '../../electron/start/build-desktop';
import { BRIDGE_GLOBAL_NAME, INVOKE_CHANNELS, PUSH_CHANNELS, SEND_CHANNELS, type CreditWorkbenchApi, type MenuCommand } from '../../electron/ipc-contract';

interface Recorded {
  exposed: Array<{ name: string; api: CreditWorkbenchApi }>;
  invoked: Array<[string, ...unknown[]]>;
  sent: Array<[string, ...unknown[]]>;
  listeners: Map<string, Array<(event: unknown, ...args: unknown[]) => void>>;
  required: string[];
}

let recorded: Recorded;

beforeAll(async () => {
  const layout = desktopLayout(fileURLToPath(new URL('../..', import.meta.url)));
  const bundle = await build({ ...preloadBundleOptions(layout), write: false, sourcemap: false, logLevel: 'silent' });
  recorded = { exposed: [], invoked: [], sent: [], listeners: new Map(), required: [] };
  const electron = {
    contextBridge: { exposeInMainWorld: (name: string, api: CreditWorkbenchApi) => recorded.exposed.push({ name, api }) },
    ipcRenderer: {
      invoke: async (channel: string, ...args: unknown[]) => {
        recorded.invoked.push([channel, ...args]);
        return { ok: true, value: channel };
      },
      send: (channel: string, ...args: unknown[]) => recorded.sent.push([channel, ...args]),
      on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
        recorded.listeners.set(channel, [...(recorded.listeners.get(channel) ?? []), listener]);
      },
      removeListener: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
        recorded.listeners.set(channel, (recorded.listeners.get(channel) ?? []).filter((entry) => entry !== listener));
      },
    },
  };
  const require = (name: string): unknown => {
    recorded.required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`the sandboxed preload cannot load ${name}`);
  };
  const module = { exports: {} };
  runInNewContext(bundle.outputFiles[0].text, { require, module, exports: module.exports });
});

describe('the preload', () => {
  test('loads nothing but electron, and exposes one API under one name', () => {
    expect(recorded.required).toEqual(['electron']);
    expect(recorded.exposed.map((entry) => entry.name)).toEqual([BRIDGE_GLOBAL_NAME]);
  });

  test('has one method per channel of the contract, and nothing else', () => {
    const methods = Object.keys(recorded.exposed[0].api).sort();
    expect(methods).toEqual([...Object.keys(INVOKE_CHANNELS), ...Object.keys(SEND_CHANNELS), 'onMenuCommand'].sort());
    for (const name of methods) expect(typeof (recorded.exposed[0].api as unknown as Record<string, unknown>)[name], name).toBe('function');
  });

  test('each invoke method calls its own channel with the arguments given', async () => {
    const api = recorded.exposed[0].api;
    const bytes = new Uint8Array([1, 2, 3]);
    await api.openWorkbook();
    await api.openWorkbookAt('/w/team.cwb');
    await api.newWorkbook();
    await api.saveWorkbook(bytes);
    await api.saveWorkbookAs(bytes);
    await api.listRecentFiles();
    await api.startupDocument();
    await api.confirmDiscardChanges();
    await api.writeRecoveryCopy(bytes);
    await api.pickUsageFile();
    expect(await api.exportPriceBook('book.json', '{}')).toEqual({ ok: true, value: INVOKE_CHANNELS.exportPriceBook });
    expect(recorded.invoked).toEqual([
      [INVOKE_CHANNELS.openWorkbook],
      [INVOKE_CHANNELS.openWorkbookAt, '/w/team.cwb'],
      [INVOKE_CHANNELS.newWorkbook],
      [INVOKE_CHANNELS.saveWorkbook, bytes],
      [INVOKE_CHANNELS.saveWorkbookAs, bytes],
      [INVOKE_CHANNELS.listRecentFiles],
      [INVOKE_CHANNELS.startupDocument],
      [INVOKE_CHANNELS.confirmDiscardChanges],
      [INVOKE_CHANNELS.writeRecoveryCopy, bytes],
      [INVOKE_CHANNELS.pickUsageFile],
      [INVOKE_CHANNELS.exportPriceBook, 'book.json', '{}'],
    ]);
  });

  test('unsaved changes go one way on their channel', () => {
    recorded.exposed[0].api.setUnsavedChanges(true);
    expect(recorded.sent).toEqual([[SEND_CHANNELS.setUnsavedChanges, true]]);
  });

  test('menu commands reach the listener without the event object, until it stops listening', () => {
    const heard: unknown[][] = [];
    const stop = recorded.exposed[0].api.onMenuCommand((...args: unknown[]) => heard.push(args));
    const command: MenuCommand = { command: 'open' };
    for (const listener of recorded.listeners.get(PUSH_CHANNELS.menuCommand) ?? []) listener({ sender: 'ipcRenderer' }, command);
    expect(heard).toEqual([[command]]);
    stop();
    expect(recorded.listeners.get(PUSH_CHANNELS.menuCommand)).toEqual([]);
  });
});
