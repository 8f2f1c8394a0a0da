// The main process as `npm start` builds it (the same esbuild bundle), run under Node with only the `electron` module
// replaced by a recording fake: it must register its protocol before `ready`, build its one window from the security
// constants, load only app://, refuse permissions, navigation and new windows, answer every channel, and hold the
// window open when it has unsaved changes. Electron itself cannot run in the tests; this covers main.ts's wiring.

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { INVOKE_CHANNELS, SEND_CHANNELS, type DesktopResult } from '../../electron/ipc-contract';
import { APP_START_URL, CONTENT_SECURITY_POLICY, windowWebPreferences } from '../../electron/main/security';
import { desktopLayout, mainBundleOptions } from '../../electron/start/build-desktop';
import { eventFrom, TRUSTED_EVENT } from './desktop-support';

type Listener = (...args: unknown[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}

interface FakeWindow extends Emitter {
  options: { webPreferences: unknown };
  loaded: string[];
  webContents: Emitter & { sent: unknown[][]; openHandler: Listener | null };
  closed: number;
}

/** Records what main asks of Electron; answers like Electron where main reads an answer. */
function fakeElectron(userData: string) {
  const calls = {
    privilegedSchemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    permissionRequest: null as Listener | null,
    permissionCheck: null as Listener | null,
    blockedUrls: [] as string[],
    invokeHandlers: new Map<string, Listener>(),
    sendHandlers: new Map<string, Listener>(),
    windows: [] as FakeWindow[],
    menus: 0,
    messageBoxes: [] as Array<{ message: string; buttons: string[] }>,
    readyBeforeScheme: false,
    ready: false,
  };
  let messageBoxAnswer = 2;
  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    requestSingleInstanceLock: () => true,
    whenReady: () => {
      calls.ready = true;
      return Promise.resolve();
    },
    getPath: (name: string) => (name === 'userData' ? userData : '/nowhere'),
    getVersion: () => '0.1.0',
    addRecentDocument: () => undefined,
    clearRecentDocuments: () => undefined,
    quit: () => undefined,
    exit: () => undefined,
  });
  class BrowserWindow extends Emitter {
    readonly loaded: string[] = [];
    readonly webContents = Object.assign(new Emitter(), {
      sent: [] as unknown[][],
      openHandler: null as Listener | null,
      send: (...args: unknown[]) => this.webContents.sent.push(args),
      setWindowOpenHandler: (handler: Listener) => {
        this.webContents.openHandler = handler;
      },
    });
    closed = 0;
    constructor(readonly options: { webPreferences: unknown }) {
      super();
      calls.windows.push(this as unknown as FakeWindow);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string): Promise<void> {
      this.loaded.push(url);
      return Promise.resolve();
    }
    maximize(): void {}
    setTitle(): void {}
    setDocumentEdited(): void {}
    setRepresentedFilename(): void {}
    isDestroyed(): boolean {
      return false;
    }
    isMinimized(): boolean {
      return false;
    }
    isMaximized(): boolean {
      return false;
    }
    getNormalBounds() {
      return { x: 0, y: 0, width: 1280, height: 800 };
    }
    focus(): void {}
    close(): void {
      this.closed += 1;
    }
  }
  const electron = {
    app,
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        calls.readyBeforeScheme = calls.ready;
        calls.privilegedSchemes.push(...schemes);
      },
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => calls.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => {
          calls.permissionRequest = handler;
        },
        setPermissionCheckHandler: (handler: Listener) => {
          calls.permissionCheck = handler;
        },
        webRequest: {
          onBeforeRequest: (filter: { urls: string[] }) => {
            calls.blockedUrls.push(...filter.urls);
          },
        },
      },
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    ipcMain: {
      handle: (channel: string, handler: Listener) => calls.invokeHandlers.set(channel, handler),
      on: (channel: string, handler: Listener) => calls.sendHandlers.set(channel, handler),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: () => {
        calls.menus += 1;
      },
    },
    dialog: {
      showMessageBox: async (...args: unknown[]) => {
        const options = args.at(-1) as { message: string; buttons: string[] };
        calls.messageBoxes.push({ message: options.message, buttons: options.buttons });
        return { response: messageBoxAnswer };
      },
      showErrorBox: (title: string, message: string) => {
        throw new Error(`${title}: ${message}`);
      },
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: true }),
    },
  };
  return { electron, calls, answerMessageBoxes: (response: number) => (messageBoxAnswer = response) };
}

const REPOSITORY_ROOT = fileURLToPath(new URL('../..', import.meta.url));

let folder: string;
let fake: ReturnType<typeof fakeElectron>;
let bundleFolder: string;

beforeAll(async () => {
  // Inside the repository's out/ (ignored by git), so the bundle finds sql.js in node_modules as it does when built;
  // the bundle's own folder decides where it looks for the web app: <app>/out/electron → <app>/dist/web.
  await mkdir(join(REPOSITORY_ROOT, 'out'), { recursive: true });
  folder = await mkdtemp(join(REPOSITORY_ROOT, 'out', 'main-process-test-'));
  bundleFolder = join(folder, 'app', 'out', 'electron');
  const webRoot = join(folder, 'app', 'dist', 'web');
  await mkdir(bundleFolder, { recursive: true });
  await mkdir(webRoot, { recursive: true });
  await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>Credit Workbench</title>');
  const layout = desktopLayout(REPOSITORY_ROOT);
  const bundle = await build({ ...mainBundleOptions(layout), write: false, sourcemap: false, logLevel: 'silent' });
  fake = fakeElectron(join(folder, 'userData'));
  const bundlePath = join(bundleFolder, 'main.cjs');
  const realRequire = createRequire(fileURLToPath(import.meta.url));
  const requireFor = (name: string): unknown => (name === 'electron' ? fake.electron : realRequire(name));
  const module = { exports: {} };
  const run = new Function('require', 'module', 'exports', '__filename', '__dirname', bundle.outputFiles[0].text) as (...args: unknown[]) => void;
  const argv = process.argv;
  process.argv = ['electron', bundleFolder];
  try {
    run(requireFor, module, module.exports, bundlePath, bundleFolder);
  } finally {
    process.argv = argv;
  }
  for (let waitedMs = 0; (fake.calls.windows[0]?.loaded.length ?? 0) === 0; waitedMs += 50) {
    if (waitedMs > 20_000) throw new Error('the main process never loaded its window');
    await new Promise((done) => setTimeout(done, 50));
  }
}, 60_000);

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('the main process', () => {
  test('registers app:// as a standard, secure scheme before the app is ready', () => {
    expect(fake.calls.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);
    expect(fake.calls.readyBeforeScheme).toBe(false);
  });

  test('opens one window from the security constants, with its preload beside the bundle, at app://workbench/', () => {
    expect(fake.calls.windows).toHaveLength(1);
    expect(fake.calls.windows[0].options.webPreferences).toEqual(windowWebPreferences(join(bundleFolder, 'preload.cjs')));
    expect(fake.calls.windows[0].loaded).toEqual([APP_START_URL]);
    expect(fake.calls.menus).toBeGreaterThan(0);
  });

  test('serves the built web app from its protocol with the policy header', async () => {
    const handler = fake.calls.protocolHandlers.get('app');
    const response = await handler?.(new Request('app://workbench/index.html'));
    expect(response?.status).toBe(200);
    expect(response?.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  test('refuses every permission and blocks remote requests', () => {
    let granted: unknown = 'unanswered';
    fake.calls.permissionRequest?.({}, 'media', (answer: unknown) => (granted = answer));
    expect(granted).toBe(false);
    expect(fake.calls.permissionCheck?.({}, 'clipboard-read')).toBe(false);
    expect(fake.calls.blockedUrls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']));
  });

  test('denies navigation, redirects, webviews and new windows', () => {
    const contents = fake.calls.windows[0].webContents;
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      for (const listener of contents.listeners.get(event) ?? []) listener({ preventDefault: () => (prevented = true) });
      expect(prevented, event).toBe(true);
    }
    expect(contents.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  test('answers every channel of the contract, and only the app page', async () => {
    expect([...fake.calls.invokeHandlers.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
    const list = fake.calls.invokeHandlers.get(INVOKE_CHANNELS.listRecentFiles);
    expect(await list?.(TRUSTED_EVENT)).toEqual({ ok: true, value: [] });
    const refused = (await list?.(eventFrom('https://example.com/'))) as DesktopResult<unknown>;
    expect(refused.ok ? null : refused.problem.code).toBe('ipc_sender_refused');
    expect(await fake.calls.invokeHandlers.get(INVOKE_CHANNELS.startupDocument)?.(TRUSTED_EVENT)).toEqual({ ok: true, value: { kind: 'none' } });
  });

  test('with unsaved changes, closing asks first and Cancel keeps the window', async () => {
    const window = fake.calls.windows[0];
    fake.calls.sendHandlers.get(SEND_CHANNELS.setUnsavedChanges)?.(TRUSTED_EVENT, true);
    fake.answerMessageBoxes(2);
    let prevented = false;
    window.emit('close', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    await expect.poll(() => fake.calls.messageBoxes.length).toBe(1);
    expect(fake.calls.messageBoxes[0]).toEqual({ message: 'Save the changes to "Untitled.cwb"?', buttons: ['Save', "Don't Save", 'Cancel'] });
    expect(window.closed).toBe(0);

    fake.answerMessageBoxes(1);
    window.emit('close', { preventDefault: () => undefined });
    await expect.poll(() => window.closed).toBe(1);
  });
});
