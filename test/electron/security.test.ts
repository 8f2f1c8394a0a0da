// Fails when the desktop window's security is loosened: its webPreferences, the Content-Security-Policy the app's
// protocol sends (and the page's own meta tag), or main building its window from anything but these constants.

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  APP_START_URL,
  CONTENT_SECURITY_POLICY,
  isAppUrl,
  WINDOW_WEB_PREFERENCES,
  windowWebPreferences,
} from '../../electron/main/security';

const MAIN_SOURCE = readFileSync(new URL('../../electron/main/main.ts', import.meta.url), 'utf8');
const PRELOAD_SOURCE = readFileSync(new URL('../../electron/preload.ts', import.meta.url), 'utf8');
const INDEX_HTML = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');

function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';').map((text) => text.trim()).filter((text) => text !== '')) {
    const [name, ...sources] = part.split(/\s+/);
    expect(directives.has(name), `${name} appears twice`).toBe(false);
    directives.set(name, sources);
  }
  return directives;
}

function metaPolicy(html: string): string {
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/s.exec(html);
  if (match === null) throw new Error('renderer/index.html has no Content-Security-Policy meta tag');
  return match[1];
}

/** The only sources any directive may list: nothing remote, no inline script, no eval. */
const ALLOWED_SOURCES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'worker-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
  'frame-src': ["'none'"],
};

function expectStrict(policy: string, where: string): void {
  const directives = parsePolicy(policy);
  expect(directives.get('default-src'), `${where}: default-src`).toEqual(["'self'"]);
  for (const required of ['script-src', 'object-src', 'base-uri', 'form-action']) {
    expect(directives.has(required), `${where}: ${required} must be set`).toBe(true);
  }
  for (const [name, sources] of directives) {
    const allowed = ALLOWED_SOURCES[name];
    expect(allowed, `${where}: directive ${name} is not one the app uses`).toBeDefined();
    for (const source of sources) expect(allowed, `${where}: ${name} ${source}`).toContain(source);
  }
}

describe('the window', () => {
  test('is isolated, sandboxed, without Node, with web security on', () => {
    expect(WINDOW_WEB_PREFERENCES).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    });
  });

  test('its preferences at run time are those constants plus the preload path, nothing else', () => {
    expect(windowWebPreferences('/app/out/electron/preload.cjs')).toEqual({ ...WINDOW_WEB_PREFERENCES, preload: '/app/out/electron/preload.cjs' });
  });

  test('main builds its one window from those preferences and loads only the app protocol', () => {
    expect(MAIN_SOURCE.match(/webPreferences\s*:/g)).toEqual(['webPreferences:']);
    expect(MAIN_SOURCE).toMatch(/webPreferences: windowWebPreferences\(PRELOAD_PATH\)/);
    expect(MAIN_SOURCE.match(/new BrowserWindow\(/g)).toHaveLength(1);
    for (const loosening of ['nodeIntegration', 'contextIsolation', 'sandbox:', 'webSecurity', 'loadFile', 'file://', 'http://127', 'openExternal', 'allowRunningInsecureContent']) {
      expect(MAIN_SOURCE.includes(loosening), loosening).toBe(false);
    }
    expect(MAIN_SOURCE.match(/loadURL\(([^)]*)\)/g)).toEqual(['loadURL(APP_START_URL)', 'loadURL(APP_START_URL)']);
    expect(isAppUrl(APP_START_URL)).toBe(true);
  });

  test('main denies new windows, navigation, webviews and every permission, and blocks remote requests', () => {
    expect(MAIN_SOURCE).toContain("setWindowOpenHandler(() => ({ action: 'deny' }))");
    expect(MAIN_SOURCE).toContain("contents.on('will-navigate', (event) => event.preventDefault())");
    expect(MAIN_SOURCE).toContain("contents.on('will-attach-webview', (event) => event.preventDefault())");
    expect(MAIN_SOURCE).toContain('setPermissionRequestHandler((_contents, _permission, callback) => callback(false))');
    expect(MAIN_SOURCE).toContain('setPermissionCheckHandler(() => false)');
    expect(MAIN_SOURCE).toMatch(/onBeforeRequest\(\{ urls: \['http:\/\/\*\/\*', 'https:\/\/\*\/\*'/);
  });

  test('the preload gives the page the bridge only: no ipcRenderer, no Node', () => {
    expect(PRELOAD_SOURCE.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(PRELOAD_SOURCE).not.toMatch(/from 'node:|require\(|process\./);
    expect(PRELOAD_SOURCE).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
  });
});

describe('the Content-Security-Policy', () => {
  test('sent by the app protocol loads nothing remote, runs no inline script or eval, and may not be framed', () => {
    expectStrict(CONTENT_SECURITY_POLICY, 'header');
    expect(parsePolicy(CONTENT_SECURITY_POLICY).get('frame-ancestors')).toEqual(["'none'"]);
    expect(parsePolicy(CONTENT_SECURITY_POLICY).get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  });

  test("in the page's meta tag is as strict", () => {
    expectStrict(metaPolicy(INDEX_HTML), 'renderer/index.html');
  });

  test("the header and the page's meta tag agree, so neither blocks what the other allows", () => {
    const header = parsePolicy(CONTENT_SECURITY_POLICY);
    header.delete('frame-ancestors'); // A meta tag cannot carry it.
    expect(Object.fromEntries(parsePolicy(metaPolicy(INDEX_HTML)))).toEqual(Object.fromEntries(header));
  });
});

describe('what counts as the app', () => {
  test('app://workbench pages only, parsed as URLs', () => {
    expect(isAppUrl('app://workbench/index.html')).toBe(true);
    expect(isAppUrl('app://workbench/assets/index.js?x=1#y')).toBe(true);
    for (const url of ['app://workbench.evil/', 'app://evil/app://workbench/', 'https://evil/?app://workbench/', 'app://workbench@evil/', 'APP://WORKBENCH.evil/', 'javascript:alert(1)', null, undefined]) {
      expect(isAppUrl(url), String(url)).toBe(false);
    }
  });
});
