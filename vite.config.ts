// Builds the browser app from renderer/ into dist/web. Asset URLs are relative (base './') so the same build is
// served from any path: a localhost server in the end-to-end tests, or the desktop app's own protocol.

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
  },
});
