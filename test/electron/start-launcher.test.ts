import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security';
import { findElectronBinary, planLaunch } from '../../electron/start/electron-binary';
import { serveWebApp, type WebAppServer } from '../../electron/start/web-app-server';
import { temporaryFolder } from './desktop-support';

let folder: { path: string; remove: () => Promise<void> };
beforeAll(async () => {
  folder = await temporaryFolder();
});
afterAll(async () => {
  await folder.remove();
});

async function electronPackage(name: string, pathText: string | null, binary: string | null): Promise<string> {
  const packageFolder = join(folder.path, name, 'node_modules', 'electron');
  await mkdir(join(packageFolder, 'dist'), { recursive: true });
  if (pathText !== null) await writeFile(join(packageFolder, 'path.txt'), pathText);
  if (binary !== null) {
    await writeFile(join(packageFolder, 'dist', binary), '#!/bin/sh\n');
    await chmod(join(packageFolder, 'dist', binary), 0o755);
  }
  return packageFolder;
}

describe('finding the Electron binary', () => {
  test('installed: path.txt names an executable inside dist', async () => {
    const packageFolder = await electronPackage('installed', 'electron', 'electron');
    expect(await findElectronBinary({ packageFolder, env: {} })).toBe(join(packageFolder, 'dist', 'electron'));
  });

  test('its download skipped: no path.txt, so no binary', async () => {
    const packageFolder = await electronPackage('skipped', null, null);
    expect(await findElectronBinary({ packageFolder, env: {} })).toBeNull();
  });

  test('path.txt written but the binary gone, or not executable: no binary', async () => {
    expect(await findElectronBinary({ packageFolder: await electronPackage('gone', 'electron', null), env: {} })).toBeNull();
    const packageFolder = await electronPackage('not-executable', 'electron', 'electron');
    await chmod(join(packageFolder, 'dist', 'electron'), 0o644);
    expect(await findElectronBinary({ packageFolder, env: {} })).toBeNull();
  });

  test('ELECTRON_OVERRIDE_DIST_PATH points elsewhere, as it does for the electron package', async () => {
    const packageFolder = await electronPackage('override', null, null);
    const elsewhere = join(folder.path, 'elsewhere');
    await mkdir(elsewhere, { recursive: true });
    await writeFile(join(elsewhere, 'electron'), '#!/bin/sh\n');
    await chmod(join(elsewhere, 'electron'), 0o755);
    expect(await findElectronBinary({ packageFolder, env: { ELECTRON_OVERRIDE_DIST_PATH: elsewhere } })).toBe(join(elsewhere, 'electron'));
  });

  test('the package missing altogether: no binary, no failure', async () => {
    expect(await findElectronBinary({ packageFolder: join(folder.path, 'nothing-here'), env: {} })).toBeNull();
  });
});

describe('what npm start opens', () => {
  test('the desktop app when the binary is there and there is a display', () => {
    expect(planLaunch({ electronBinary: '/e/electron', platform: 'linux', env: { DISPLAY: ':0' } })).toEqual({ mode: 'desktop', electronBinary: '/e/electron' });
    expect(planLaunch({ electronBinary: '/e/electron', platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' } }).mode).toBe('desktop');
    expect(planLaunch({ electronBinary: '/e/Electron', platform: 'darwin', env: {} }).mode).toBe('desktop');
    expect(planLaunch({ electronBinary: 'C:\\e\\electron.exe', platform: 'win32', env: {} }).mode).toBe('desktop');
  });

  test('the browser, with one sentence why, when the binary is missing', () => {
    const plan = planLaunch({ electronBinary: null, platform: 'linux', env: { DISPLAY: ':0' } });
    expect(plan).toEqual({
      mode: 'browser',
      reason: 'The Electron binary is not installed on this machine (its download is skipped), so the same workbench is served to your browser instead.',
    });
  });

  test('the browser on a Linux machine without a display, or when asked for', () => {
    expect(planLaunch({ electronBinary: '/e/electron', platform: 'linux', env: {} }).mode).toBe('browser');
    expect(planLaunch({ electronBinary: '/e/electron', platform: 'darwin', env: { CREDIT_WORKBENCH_BROWSER: '1' } }).mode).toBe('browser');
  });
});

function get(url: string, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((done, fail) => {
    const outgoing = request(url, { method }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    outgoing.on('error', fail);
    outgoing.end();
  });
}

/** Sends the path exactly as written: Node's http client would not normalise it, unlike fetch. */
function getRaw(server: WebAppServer, path: string): Promise<number> {
  const { port } = new URL(server.url);
  return new Promise((done, fail) => {
    const outgoing = request({ host: '127.0.0.1', port: Number(port), path, method: 'GET' }, (response) => {
      response.resume();
      done(response.statusCode ?? 0);
    });
    outgoing.on('error', fail);
    outgoing.end();
  });
}

describe('the browser workbench server', () => {
  let server: WebAppServer;
  beforeAll(async () => {
    const webRoot = join(folder.path, 'dist', 'web');
    await mkdir(join(webRoot, 'assets'), { recursive: true });
    await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>Credit Workbench</title>');
    await writeFile(join(webRoot, 'assets', 'app.js'), 'export {};');
    await writeFile(join(folder.path, 'dist', 'secret.txt'), 'not for the browser');
    server = await serveWebApp(webRoot, 0);
  });
  afterAll(async () => {
    await server.close();
  });

  test('listens on loopback and serves the page with the Content-Security-Policy header', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await get(server.url);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('Credit Workbench');
    const script = await get(`${server.url}assets/app.js`);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  test('refuses paths outside dist/web, however they are spelled', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/%2e%2e%5c%2e%2e%5csecret.txt', '/..%5csecret.txt', '/%00', '/%E0%A4%A']) {
      expect(await getRaw(server, path), path).toBe(404);
    }
  });

  test('answers missing files with 404 and anything but reading with 405', async () => {
    expect((await get(`${server.url}missing.js`)).status).toBe(404);
    expect((await get(server.url, 'POST')).status).toBe(405);
    expect((await get(server.url, 'HEAD')).status).toBe(200);
  });

  test('a port already taken falls back to a free one', async () => {
    const taken = Number(new URL(server.url).port);
    const second = await serveWebApp(join(folder.path, 'dist', 'web'), taken);
    try {
      expect(second.url).not.toBe(server.url);
      expect((await get(second.url)).status).toBe(200);
    } finally {
      await second.close();
    }
  });
});
