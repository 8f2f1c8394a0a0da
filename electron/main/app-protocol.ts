// Serves the built web app (dist/web) under app://workbench/: only files inside that folder, only GET, with the
// media types browsers insist on (application/wasm for sql.js) and the Content-Security-Policy as a response header,
// so the policy holds even for a page that lost its meta tag. Plain fetch-API types, so tests call it without
// Electron; main hands it to protocol.handle.

import { readFile, stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep, isAbsolute } from 'node:path';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security';

export const MEDIA_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Headers every answer carries, a refusal included. */
export function securityHeaders(): Record<string, string> {
  return {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cross-origin-opener-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
  };
}

export function mediaTypeOf(path: string): string {
  return MEDIA_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file inside `webRoot` that a URL path names ("/" is index.html), or null when the path is not valid
 * percent-encoding or leads outside the folder ("..", an encoded slash or backslash, a drive letter, a NUL).
 */
export function fileForUrlPath(webRoot: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relativePath = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const root = resolve(webRoot);
  const file = resolve(root, `.${sep}${relativePath.split('/').join(sep)}`);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return join(root, inside);
}

/** The file an app:// request names, or null when it is not ours (another host, a user name) or outside the folder. */
export function fileForAppRequest(webRoot: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== '' || url.password !== '') return null;
  return fileForUrlPath(webRoot, url.pathname);
}

function refusal(status: 404 | 405): Response {
  return new Response(status === 404 ? 'Not found' : 'Method not allowed', {
    status,
    headers: { ...securityHeaders(), 'content-type': 'text/plain; charset=utf-8' },
  });
}

/** Answers one request of the app's protocol from `webRoot`. */
export async function answerAppRequest(webRoot: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405);
  const file = fileForAppRequest(webRoot, request.url);
  if (file === null) return refusal(404);
  try {
    if (!(await stat(file)).isFile()) return refusal(404);
    const body = request.method === 'HEAD' ? null : await readFile(file);
    return new Response(body, {
      status: 200,
      headers: { ...securityHeaders(), 'content-type': mediaTypeOf(file), 'cache-control': 'no-store' },
    });
  } catch {
    return refusal(404);
  }
}
