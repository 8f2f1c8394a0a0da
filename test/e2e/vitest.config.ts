// The end-to-end tests: the web app built once by Vite, served on localhost, and driven in Debian's Chromium. They
// run after the unit tests (`npm run test:e2e`, called by `npm test`), one file at a time, since each launches a
// browser and the machine has two cores.

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/support/global-setup.ts'],
    fileParallelism: false,
    // Generous limits: a test waits on real work (a Vite build, a browser start, replays of the demo), which on a
    // loaded two-core machine takes several times longer than on a quiet one. A hang still fails, just later.
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
