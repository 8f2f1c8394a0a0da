// Loads sql.js in Node with its wasm file found through Node's module resolution, once per process: the CLI, the
// tests and the benchmarks share one initialised module. Its source is loaded with the file-growth edit of
// core/workbook/sql-js-file-growth.ts (the same edit the web app's build applies), compiled as the CommonJS module
// it is.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { compileFunction } from 'node:vm';
import type { SqlJsStatic } from 'sql.js';
import { withFasterFileGrowth } from '../../core/workbook/sql-js-file-growth';

type InitSqlJs = (config: { locateFile: () => string }) => Promise<SqlJsStatic>;

let loading: Promise<SqlJsStatic> | null = null;
let growthPatched = false;

/** Whether the loaded sql.js grows its files by half (false when its source did not have the expected step). */
export function sqlJsFileGrowthPatched(): boolean {
  return growthPatched;
}

function initSqlJsWithFasterGrowth(): InitSqlJs {
  const require = createRequire(import.meta.url);
  const path = require.resolve('sql.js/dist/sql-wasm.js');
  const { text, patched } = withFasterFileGrowth(readFileSync(path, 'utf8'));
  growthPatched = patched;
  const module = { exports: {} as unknown };
  const load = compileFunction(text, ['exports', 'require', 'module', '__filename', '__dirname'], { filename: path });
  load(module.exports, createRequire(path), module, path, dirname(path));
  return module.exports as InitSqlJs;
}

export function loadSqlJs(): Promise<SqlJsStatic> {
  if (loading === null) {
    const require = createRequire(import.meta.url);
    const wasmPath = require.resolve('sql.js/dist/sql-wasm.wasm');
    loading = initSqlJsWithFasterGrowth()({ locateFile: () => wasmPath });
  }
  return loading;
}
