// Once per end-to-end run: build the web app, serve it, and hand its address to every test file through
// `inject('webAppUrl')`. The build folder and the server go away when the run ends.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildWebApp, serveFolder } from './web-app-server';

declare module 'vitest' {
  export interface ProvidedContext {
    webAppUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const outDir = await mkdtemp(join(tmpdir(), 'credit-workbench-web-'));
  await buildWebApp(outDir);
  const server = await serveFolder(outDir);
  project.provide('webAppUrl', server.url);
  return async () => {
    await server.close();
    await rm(outDir, { recursive: true, force: true });
  };
}
