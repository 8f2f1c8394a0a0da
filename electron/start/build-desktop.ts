// Builds what the desktop app runs: the web app (Vite, into dist/web) and the main process and preload (esbuild, into
// out/electron, one CommonJS file each: a sandboxed preload cannot load modules, and Electron's main finds its
// modules the CommonJS way). out/electron gets a package.json of its own, so `electron out/electron` starts the app
// under its product name (and so its own userData folder).

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build as esbuild, type BuildOptions } from 'esbuild';
import { build as viteBuild } from 'vite';

export const PRODUCT_NAME = 'Credit Workbench';

export interface DesktopLayout {
  projectRoot: string;
  webOutDir: string;
  electronOutDir: string;
  mainBundle: string;
  preloadBundle: string;
}

export function desktopLayout(projectRoot: string): DesktopLayout {
  const electronOutDir = join(projectRoot, 'out', 'electron');
  return {
    projectRoot,
    webOutDir: join(projectRoot, 'dist', 'web'),
    electronOutDir,
    mainBundle: join(electronOutDir, 'main.cjs'),
    preloadBundle: join(electronOutDir, 'preload.cjs'),
  };
}

export async function buildWebApp(layout: DesktopLayout): Promise<void> {
  await viteBuild({
    configFile: join(layout.projectRoot, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: layout.webOutDir, emptyOutDir: true },
  });
}

/** How esbuild bundles the main process: Node, CommonJS, Electron and sql.js left to require. */
export function mainBundleOptions(layout: DesktopLayout): BuildOptions {
  return {
    bundle: true,
    format: 'cjs',
    sourcemap: true,
    logLevel: 'warning',
    entryPoints: [join(layout.projectRoot, 'electron', 'main', 'main.ts')],
    outfile: layout.mainBundle,
    platform: 'node',
    target: 'node20',
    // sql.js stays a package (its wasm file is found beside it); import.meta.url (the CLI's sql.js loader) becomes
    // the bundle's own file URL.
    external: ['electron', 'sql.js'],
    define: { 'import.meta.url': '__bundleFileUrl' },
    banner: { js: "const __bundleFileUrl = require('node:url').pathToFileURL(__filename).href;" },
  };
}

/** How esbuild bundles the preload: one file that requires nothing but electron, as the sandbox allows. */
export function preloadBundleOptions(layout: DesktopLayout): BuildOptions {
  return {
    bundle: true,
    format: 'cjs',
    sourcemap: true,
    logLevel: 'warning',
    entryPoints: [join(layout.projectRoot, 'electron', 'preload.ts')],
    outfile: layout.preloadBundle,
    platform: 'browser',
    target: 'chrome120',
    external: ['electron'],
  };
}

export async function buildElectronBundles(layout: DesktopLayout): Promise<void> {
  await mkdir(layout.electronOutDir, { recursive: true });
  await esbuild(mainBundleOptions(layout));
  await esbuild(preloadBundleOptions(layout));
  const project = JSON.parse(await readFile(join(layout.projectRoot, 'package.json'), 'utf8')) as { version?: string };
  const manifest = { name: 'credit-workbench', productName: PRODUCT_NAME, version: project.version ?? '0.0.0', main: 'main.cjs', type: 'commonjs', private: true };
  await writeFile(join(layout.electronOutDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}
