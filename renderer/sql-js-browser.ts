/// <reference types="vite/client" />
// Loads sql.js in the browser, once per page: Vite resolves 'sql.js' to its browser build and serves the matching
// wasm file as an asset of the app, so the page fetches it from its own origin and never from a CDN.

import initSqlJs from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import type { SqlJsStatic } from '../core/workbook/workbook';

let loading: Promise<SqlJsStatic> | null = null;

export function loadSqlJs(): Promise<SqlJsStatic> {
  if (loading === null) loading = initSqlJs({ locateFile: () => wasmUrl });
  return loading;
}
