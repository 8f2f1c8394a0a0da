// Builds the browser app from renderer/ into dist/web. Asset URLs are relative (base './') so the same build is
// served from any path: a localhost server in the end-to-end tests, or the desktop app's own protocol. The React
// plugin compiles JSX; workers are built as ES modules, files of the app's own origin, so the strict CSP holds.

import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { withFasterFileGrowth } from './core/workbook/sql-js-file-growth.ts';

/**
 * The dev server's fast refresh injects one inline script, which index.html's CSP refuses. Only `vite` (serve) gets
 * 'unsafe-inline' for scripts; `vite build` leaves the CSP exactly as written (a test reads the built page).
 */
function devServerCspForFastRefresh(): Plugin {
  return {
    name: 'credit-workbench:dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace("script-src 'self' 'wasm-unsafe-eval'", "script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'"),
  };
}

/**
 * sql.js's in-memory file grows by an eighth at a time, copying the whole workbook each time; the page gets the same
 * edit as the CLI (core/workbook/sql-js-file-growth.ts says why). A build whose sql.js lacks the expected step fails,
 * rather than ship a page that freezes for a second on every recorded run without anyone noticing.
 */
function sqlJsFasterFileGrowth(): Plugin {
  return {
    name: 'credit-workbench:sql-js-file-growth',
    transform(code, id) {
      if (!id.replace(/\\/g, '/').includes('/node_modules/sql.js/dist/sql-wasm-browser.js')) return null;
      const { text, patched } = withFasterFileGrowth(code);
      if (!patched) this.error('sql.js: the in-memory file growth step was not found; see core/workbook/sql-js-file-growth.ts');
      return { code: text, map: null };
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react(), devServerCspForFastRefresh(), sqlJsFasterFileGrowth()],
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // ECharts alone is ~1 MB unminified; the app is loaded from disk or localhost, never over a slow network.
    chunkSizeWarningLimit: 2_000,
  },
});
