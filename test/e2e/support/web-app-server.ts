// Builds the web app with the project's own vite.config.ts into a folder of its own (so a test run never races a
// developer's `dist/web`) and serves it on a loopback port: only files inside that folder, with the media types a
// browser insists on (application/wasm for sql.js's streaming compile).

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const REPOSITORY_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

const MEDIA_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export async function buildWebApp(outDir: string): Promise<void> {
  await build({
    configFile: join(REPOSITORY_ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
}

export interface StaticServer {
  /** "http://127.0.0.1:PORT/", ending in a slash. */
  url: string;
  close(): Promise<void>;
}

export async function serveFolder(folder: string): Promise<StaticServer> {
  const root = resolve(folder);
  const server = createServer((request, response) => {
    const path = decodedPath(request.url ?? '/');
    const file = path === null ? root : resolve(root, normalize(`.${sep}${path}`));
    if (path === null || relative(root, file).startsWith('..') || request.method !== 'GET') {
      response.writeHead(404).end();
      return;
    }
    const target = path.endsWith('/') ? join(file, 'index.html') : file;
    stat(target).then(
      (found) => {
        if (!found.isFile()) {
          response.writeHead(404).end();
          return;
        }
        response.writeHead(200, {
          'content-type': MEDIA_TYPES[extname(target)] ?? 'application/octet-stream',
          'content-length': found.size,
          'cache-control': 'no-store',
        });
        createReadStream(target).pipe(response);
      },
      () => response.writeHead(404).end(),
    );
  });
  await listen(server);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((done, fail) => server.close((error) => (error ? fail(error) : done()))),
  };
}

/** The request's path, or null when it is not valid percent-encoding. */
function decodedPath(requestUrl: string): string | null {
  try {
    return decodeURIComponent(new URL(requestUrl, 'http://localhost').pathname);
  } catch {
    return null;
  }
}

function listen(server: Server): Promise<void> {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
}
