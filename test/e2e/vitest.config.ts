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
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
