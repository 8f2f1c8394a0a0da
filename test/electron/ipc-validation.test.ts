import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { INVOKE_CHANNELS, MAX_WORKBOOK_BYTES, SEND_CHANNELS, type DesktopResult } from '../../electron/ipc-contract';
import { registerIpcHandlers, type IpcMainPort } from '../../electron/main/ipc-handlers';
import { checkBytes, checkFileName, checkWorkbookPath, isTrustedSender, type IpcSenderEvent } from '../../electron/main/ipc-validation';
import { desktopHarness, eventFrom, newWorkbookBytes, TRUSTED_EVENT, type DesktopHarness } from './desktop-support';

/** ipcMain as main uses it, recording the listeners so a test can send as any frame. */
function fakeIpcMain() {
  const invoke = new Map<string, (event: IpcSenderEvent, ...args: unknown[]) => Promise<unknown>>();
  const send = new Map<string, (event: IpcSenderEvent, ...args: unknown[]) => void>();
  const port: IpcMainPort = {
    handle: (channel, listener) => {
      if (invoke.has(channel)) throw new Error(`second handler for ${channel}`);
      invoke.set(channel, listener);
    },
    on: (channel, listener) => {
      send.set(channel, listener);
    },
  };
  return {
    port,
    invoke: async (channel: string, event: IpcSenderEvent, ...args: unknown[]) => {
      const listener = invoke.get(channel);
      if (listener === undefined) throw new Error(`no handler for ${channel}`);
      return (await listener(event, ...args)) as DesktopResult<unknown>;
    },
    send: (channel: string, event: IpcSenderEvent, ...args: unknown[]) => send.get(channel)?.(event, ...args),
    channels: () => [...invoke.keys()],
  };
}

function codeOf(result: DesktopResult<unknown>): string | null {
  return result.ok ? null : result.problem.code;
}

let harness: DesktopHarness;
let ipc: ReturnType<typeof fakeIpcMain>;
beforeEach(async () => {
  harness = await desktopHarness();
  ipc = fakeIpcMain();
  registerIpcHandlers(ipc.port, harness.handlers, { session: harness.session, onDocumentChanged: () => undefined });
});
afterEach(async () => {
  await harness.remove();
});

describe('the sender of a request', () => {
  test('every channel of the contract has a handler', () => {
    expect(ipc.channels().sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
  });

  test('only the top frame of app://workbench is trusted; look-alikes are not', () => {
    expect(isTrustedSender(TRUSTED_EVENT)).toBe(true);
    expect(isTrustedSender(eventFrom('app://workbench/'))).toBe(true);
    for (const url of [
      'https://example.com/app://workbench/',
      'https://example.com/?x=app://workbench/',
      'app://workbench.example.com/index.html',
      'app://workbench@example.com/',
      'app://user:pass@workbench/',
      'app://workbench:8080/',
      'file:///app/workbench/index.html',
      'http://127.0.0.1:4280/',
      'devtools://devtools/bundled/inspector.html',
      'not a url',
      '',
    ]) {
      expect(isTrustedSender(eventFrom(url)), url).toBe(false);
    }
    expect(isTrustedSender(eventFrom('app://workbench/index.html', { url: 'app://workbench/' })), 'a subframe').toBe(false);
    expect(isTrustedSender({ senderFrame: null }), 'a frame gone').toBe(false);
  });

  test('a request from anywhere else is refused on every channel, and nothing is asked or opened', async () => {
    const stranger = eventFrom('https://example.com/');
    for (const channel of Object.values(INVOKE_CHANNELS)) {
      const answer = await ipc.invoke(channel, stranger, await newWorkbookBytes());
      expect(answer, channel).toEqual({ ok: false, problem: { code: 'ipc_sender_refused', message: 'The request did not come from the workbench page, so it was refused.' } });
    }
    expect(harness.dialogs.asked).toEqual([]);
  });

  test('an unsaved-changes message from elsewhere, or not a boolean, is ignored', () => {
    ipc.send(SEND_CHANNELS.setUnsavedChanges, eventFrom('https://example.com/'), true);
    expect(harness.session.unsaved).toBe(false);
    ipc.send(SEND_CHANNELS.setUnsavedChanges, TRUSTED_EVENT, 'yes');
    expect(harness.session.unsaved).toBe(false);
    ipc.send(SEND_CHANNELS.setUnsavedChanges, TRUSTED_EVENT, true);
    expect(harness.session.unsaved).toBe(true);
    ipc.send(SEND_CHANNELS.setUnsavedChanges, TRUSTED_EVENT, false, 'extra');
    expect(harness.session.unsaved).toBe(true);
  });
});

describe('the arguments of a request', () => {
  test('workbook bytes must be one non-empty byte array', async () => {
    for (const bad of [[], ['text'], [[1, 2, 3]], [new ArrayBuffer(8)], [new Uint8Array(0)], [new Uint8Array(8), 'extra'], [{ length: 3 }]]) {
      expect(codeOf(await ipc.invoke(INVOKE_CHANNELS.saveWorkbook, TRUSTED_EVENT, ...bad)), JSON.stringify(bad)).toBe('ipc_argument_invalid');
      expect(codeOf(await ipc.invoke(INVOKE_CHANNELS.writeRecoveryCopy, TRUSTED_EVENT, ...bad))).toBe('ipc_argument_invalid');
    }
    expect(harness.dialogs.asked).toEqual([]);
  });

  test('a byte array over the size limit is refused as too large', () => {
    const tooLarge = { length: MAX_WORKBOOK_BYTES + 1 };
    Object.setPrototypeOf(tooLarge, Uint8Array.prototype);
    expect(codeOf(checkBytes(tooLarge, MAX_WORKBOOK_BYTES, 'workbook'))).toBe('file_too_large');
    expect(checkBytes(new Uint8Array(3), 3, 'workbook').ok).toBe(true);
    expect(codeOf(checkBytes(new Uint8Array(4), 3, 'workbook'))).toBe('file_too_large');
  });

  test('a path must be absolute text naming a .cwb file, without NUL', () => {
    expect(checkWorkbookPath('/w/team.cwb')).toEqual({ ok: true, value: '/w/team.cwb' });
    expect(checkWorkbookPath('/w/TEAM.CWB').ok).toBe(true);
    for (const bad of [undefined, 7, '', 'team.cwb', '../team.cwb', '/w/team.txt', '/w/team.cwb\u0000.txt', '/etc/passwd', `/${'a'.repeat(40_000)}.cwb`]) {
      expect(codeOf(checkWorkbookPath(bad)), String(bad).slice(0, 40)).toBe('ipc_argument_invalid');
    }
  });

  test('opening a path the page was never offered is refused, even when the file is a workbook', async () => {
    const path = join(harness.folder, 'secret.cwb');
    await writeFile(path, await newWorkbookBytes());
    expect(codeOf(await ipc.invoke(INVOKE_CHANNELS.openWorkbookAt, TRUSTED_EVENT, path))).toBe('path_not_offered');
    harness.session.offeredPaths.add(path);
    expect(codeOf(await ipc.invoke(INVOKE_CHANNELS.openWorkbookAt, TRUSTED_EVENT, path))).toBeNull();
    expect(codeOf(await ipc.invoke(INVOKE_CHANNELS.openWorkbookAt, TRUSTED_EVENT, 'secret.cwb'))).toBe('ipc_argument_invalid');
  });

  test('a suggested file name may not name a folder; an export text must be text', async () => {
    expect(checkFileName('ai-platform v3.json').ok).toBe(true);
    for (const bad of ['', '.', '..', '../x.json', 'a/b.json', 'a\\b.json', 'tab\there.json', 'x'.repeat(256), 12]) {
      expect(codeOf(checkFileName(bad)), String(bad)).toBe('ipc_argument_invalid');
    }
    expect(codeOf(await ipc.invoke(INVOKE_CHANNELS.exportPriceBook, TRUSTED_EVENT, '../book.json', '{}'))).toBe('ipc_argument_invalid');
    expect(codeOf(await ipc.invoke(INVOKE_CHANNELS.exportPriceBook, TRUSTED_EVENT, 'book.json', { json: '{}' }))).toBe('ipc_argument_invalid');
    expect(codeOf(await ipc.invoke(INVOKE_CHANNELS.exportPriceBook, TRUSTED_EVENT, 'book.json'))).toBe('ipc_argument_invalid');
    expect(harness.dialogs.asked).toEqual([]);
  });

  test('channels without arguments refuse any', async () => {
    for (const channel of [INVOKE_CHANNELS.openWorkbook, INVOKE_CHANNELS.newWorkbook, INVOKE_CHANNELS.listRecentFiles, INVOKE_CHANNELS.startupDocument, INVOKE_CHANNELS.pickUsageFile, INVOKE_CHANNELS.confirmDiscardChanges]) {
      expect(codeOf(await ipc.invoke(channel, TRUSTED_EVENT, '/etc/passwd')), channel).toBe('ipc_argument_invalid');
    }
    expect(harness.dialogs.asked).toEqual([]);
  });
});
