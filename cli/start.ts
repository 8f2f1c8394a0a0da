// `npm start`: builds the web app and the desktop app's main process, then opens the desktop app. Where Electron's
// binary is not installed (it cannot be downloaded on an offline or locked-down machine) or there is no display, it
// says so in one sentence and serves the same workbench to the browser at a localhost address it prints, and keeps
// serving until stopped. It never ends in a failure for want of Electron. `--build-only` builds and stops (for
// packaging with electron-builder).

import { spawn } from 'node:child_process';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectronBundles, buildWebApp, desktopLayout, type DesktopLayout } from '../electron/start/build-desktop';
import { findElectronBinary, planLaunch } from '../electron/start/electron-binary';
import { serveWebApp } from '../electron/start/web-app-server';

const DEFAULT_PORT = 4280;

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** Builds the web app; a failed build still serves an earlier one when there is one. */
async function buildWeb(layout: DesktopLayout): Promise<boolean> {
  say('Building the workbench (vite build)…');
  try {
    await buildWebApp(layout);
    return true;
  } catch (error) {
    const earlier = await exists(join(layout.webOutDir, 'index.html'));
    say(`The web app did not build: ${messageOf(error)}${earlier ? ' The previous build in dist/web is used.' : ''}`);
    return earlier;
  }
}

async function serveInBrowser(layout: DesktopLayout, reason: string): Promise<void> {
  say(reason);
  const requested = Number.parseInt(process.env.PORT ?? '', 10);
  const server = await serveWebApp(layout.webOutDir, Number.isInteger(requested) && requested >= 0 ? requested : DEFAULT_PORT);
  say(`Credit Workbench is at ${server.url} — open it in your browser; press Ctrl+C to stop.`);
  const stop = (): void => {
    void server.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function runDesktop(binary: string, layout: DesktopLayout, args: readonly string[], fallback: (reason: string) => void): void {
  say('Opening the desktop app…');
  const child = spawn(binary, [layout.electronOutDir, ...args], { stdio: 'inherit' });
  child.once('error', (error) => fallback(`The desktop app could not be started (${messageOf(error)}), so the same workbench is served to your browser instead.`));
  child.once('exit', (code, signal) => {
    if (code !== null) process.exit(code);
    else if (signal !== null) process.exit(0);
  });
}

async function main(argv: readonly string[]): Promise<void> {
  const buildOnly = argv.includes('--build-only');
  const layout = desktopLayout(fileURLToPath(new URL('..', import.meta.url)));
  if (!(await buildWeb(layout))) {
    process.exitCode = 1;
    return;
  }
  let desktopBuilt = true;
  try {
    await buildElectronBundles(layout);
  } catch (error) {
    desktopBuilt = false;
    say(`The desktop app's main process did not build: ${messageOf(error)}`);
  }
  if (buildOnly) {
    process.exitCode = desktopBuilt ? 0 : 1;
    return;
  }
  const electronBinary = desktopBuilt ? await findElectronBinary({ packageFolder: join(layout.projectRoot, 'node_modules', 'electron'), env: process.env }) : null;
  const plan = planLaunch({ electronBinary, platform: process.platform, env: process.env });
  const browser = (reason: string): void => {
    serveInBrowser(layout, reason).catch((error: unknown) => {
      say(`The workbench could not be served: ${messageOf(error)}`);
      process.exitCode = 1;
    });
  };
  if (plan.mode === 'desktop') runDesktop(plan.electronBinary, layout, argv, browser);
  else browser(plan.reason);
}

void main(process.argv.slice(2));
