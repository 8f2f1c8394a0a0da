// The browser workbench `npm start` serves where the desktop app cannot open: the built web app (dist/web) on a
// loopback address, with the same Content-Security-Policy header the desktop protocol sends, and nothing outside the
// folder (the same path rules as app://).

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileForUrlPath, mediaTypeOf, securityHeaders } from '../main/app-protocol';

export interface WebAppServer {
  /** "http://127.0.0.1:PORT/", ending in a slash. */
  url: string;
  close(): Promise<void>;
}

export function createWebAppServer(webRoot: string): Server {
  return createServer((request, response) => {
    const refuse = (status: number): void => {
      response.writeHead(status, { ...securityHeaders(), 'content-type': 'text/plain; charset=utf-8' }).end(status === 404 ? 'Not found' : 'Method not allowed');
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
    let pathname: string;
    try {
      pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    } catch {
      return refuse(404);
    }
    const file = fileForUrlPath(webRoot, pathname);
    if (file === null) return refuse(404);
    stat(file).then(
      (found) => {
        if (!found.isFile()) return refuse(404);
        response.writeHead(200, {
          ...securityHeaders(),
          'content-type': mediaTypeOf(file),
          'content-length': found.size,
          'cache-control': 'no-store',
        });
        if (request.method === 'HEAD') response.end();
        else createReadStream(file).pipe(response);
      },
      () => refuse(404),
    );
  });
}

/** Serves `webRoot` on 127.0.0.1:`port` (0: any free port; a taken port falls back to a free one). */
export async function serveWebApp(webRoot: string, port: number): Promise<WebAppServer> {
  const server = createWebAppServer(webRoot);
  try {
    await listen(server, port);
  } catch (error) {
    const taken = typeof error === 'object' && error !== null && 'code' in error && error.code === 'EADDRINUSE';
    if (!taken || port === 0) throw error;
    await listen(server, 0);
  }
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise((done, fail) => server.close((error) => (error ? fail(error) : done()))),
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((done, fail) => {
    const onError = (error: Error): void => fail(error);
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      done();
    });
  });
}
