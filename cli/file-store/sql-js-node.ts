// Loads sql.js in Node with its wasm file found through Node's module resolution, once per process: the CLI, the
// tests and the benchmarks share one initialised module.

import { createRequire } from 'node:module';
import initSqlJs, { type SqlJsStatic } from 'sql.js';

let loading: Promise<SqlJsStatic> | null = null;

export function loadSqlJs(): Promise<SqlJsStatic> {
  if (loading === null) {
    const require = createRequire(import.meta.url);
    const wasmPath = require.resolve('sql.js/dist/sql-wasm.wasm');
    loading = initSqlJs({ locateFile: () => wasmPath });
  }
  return loading;
}
