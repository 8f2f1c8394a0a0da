import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { answerAppRequest, fileForAppRequest, fileForUrlPath } from '../../electron/main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security';
import { temporaryFolder } from './desktop-support';

let folder: { path: string; remove: () => Promise<void> };
let webRoot: string;

beforeAll(async () => {
  folder = await temporaryFolder();
  webRoot = join(folder.path, 'web');
  await mkdir(join(webRoot, 'assets'), { recursive: true });
  await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>Credit Workbench</title>');
  await writeFile(join(webRoot, 'assets', 'index.js'), 'console.log(1)');
  await writeFile(join(webRoot, 'assets', 'sql-wasm.wasm'), new Uint8Array([0, 97, 115, 109]));
  await writeFile(join(folder.path, 'secret.txt'), 'outside the web app');
});

afterAll(async () => {
  await folder.remove();
});

describe('the app:// protocol', () => {
  test('serves the page with the Content-Security-Policy header and its media type', async () => {
    const response = await answerAppRequest(webRoot, new Request('app://workbench/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('<!doctype html><title>Credit Workbench</title>');
  });

  test('"/" is the page; scripts and wasm get the types browsers insist on', async () => {
    expect(await (await answerAppRequest(webRoot, new Request('app://workbench/'))).text()).toContain('Credit Workbench');
    expect((await answerAppRequest(webRoot, new Request('app://workbench/assets/index.js'))).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const wasm = await answerAppRequest(webRoot, new Request('app://workbench/assets/sql-wasm.wasm'));
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    expect(new Uint8Array(await wasm.arrayBuffer())).toEqual(new Uint8Array([0, 97, 115, 109]));
  });

  test('refuses paths that lead outside the web app, with the policy header still on', async () => {
    for (const url of [
      'app://workbench/../secret.txt',
      'app://workbench/%2e%2e/secret.txt',
      'app://workbench/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://workbench/assets/..%5c..%5csecret.txt',
      'app://workbench/%00index.html',
      'app://workbench/%E0%A4%A',
      'app://workbench/missing.js',
      'app://workbench/assets',
    ]) {
      const response = await answerAppRequest(webRoot, new Request(url));
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  test('answers only its own host, and only reads', async () => {
    expect(fileForAppRequest(webRoot, 'app://other/index.html')).toBeNull();
    expect(fileForAppRequest(webRoot, 'app://workbench@other/index.html')).toBeNull();
    expect(fileForAppRequest(webRoot, 'https://workbench/index.html')).toBeNull();
    expect(fileForAppRequest(webRoot, 'app://workbench/index.html')).toBe(join(webRoot, 'index.html'));
    expect((await answerAppRequest(webRoot, new Request('app://workbench/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  test('the folder itself is never a file', () => {
    expect(fileForUrlPath(webRoot, '/')).toBe(join(webRoot, 'index.html'));
    expect(fileForUrlPath(webRoot, '')).toBeNull();
    expect(fileForUrlPath(webRoot, '/.')).toBeNull();
  });

  test('an encoded slash or backslash cannot climb out to a file that exists beside the web app', () => {
    expect(fileForUrlPath(webRoot, '/assets/%2e%2e%2f%2e%2e%2fsecret.txt')).toBeNull();
    expect(fileForUrlPath(webRoot, '/..%2fsecret.txt')).toBeNull();
    expect(fileForUrlPath(webRoot, '/..%5csecret.txt')).toBeNull();
    expect(fileForUrlPath(webRoot, '/assets/%2e%2e/index.html')).toBe(join(webRoot, 'index.html'));
  });
});
