// Finds the Electron binary the way the electron package itself does (its path.txt names the executable inside
// dist/, or ELECTRON_OVERRIDE_DIST_PATH points elsewhere), without loading the package: where its download never
// happened, requiring it throws, and the launcher must instead say so and serve the browser workbench.

import { access, constants, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface ElectronBinaryLookup {
  /** The electron package's folder (node_modules/electron). */
  packageFolder: string;
  env: Readonly<Record<string, string | undefined>>;
  /** True when `path` is an executable file; tests answer for the disk. */
  isExecutable?: (path: string) => Promise<boolean>;
}

async function executableOnDisk(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Electron executable, or null when it is not installed (no path.txt, or the file it names is missing). */
export async function findElectronBinary(lookup: ElectronBinaryLookup): Promise<string | null> {
  const isExecutable = lookup.isExecutable ?? executableOnDisk;
  let relativePath: string | null;
  try {
    relativePath = (await readFile(join(lookup.packageFolder, 'path.txt'), 'utf8')).trim();
  } catch {
    relativePath = null;
  }
  const override = lookup.env.ELECTRON_OVERRIDE_DIST_PATH;
  let candidate: string | null = null;
  if (override !== undefined && override !== '') candidate = join(override, relativePath ?? 'electron');
  else if (relativePath !== null && relativePath !== '') candidate = join(lookup.packageFolder, 'dist', relativePath);
  if (candidate === null) return null;
  return (await isExecutable(candidate)) ? candidate : null;
}

export type LaunchPlan = { mode: 'desktop'; electronBinary: string } | { mode: 'browser'; reason: string };

export interface LaunchFacts {
  electronBinary: string | null;
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * Desktop when the binary is there and there is a screen to show it on; the browser workbench otherwise, with one
 * sentence saying why. CREDIT_WORKBENCH_BROWSER=1 asks for the browser on purpose.
 */
export function planLaunch(facts: LaunchFacts): LaunchPlan {
  if (facts.env.CREDIT_WORKBENCH_BROWSER === '1') {
    return { mode: 'browser', reason: 'CREDIT_WORKBENCH_BROWSER=1 is set, so the workbench opens in the browser instead of the desktop app.' };
  }
  if (facts.electronBinary === null) {
    return {
      mode: 'browser',
      reason: 'The Electron binary is not installed on this machine (its download is skipped), so the same workbench is served to your browser instead.',
    };
  }
  const headlessLinux = facts.platform === 'linux' && !facts.env.DISPLAY && !facts.env.WAYLAND_DISPLAY;
  if (headlessLinux) {
    return { mode: 'browser', reason: 'There is no display to open a desktop window on, so the same workbench is served to your browser instead.' };
  }
  return { mode: 'desktop', electronBinary: facts.electronBinary };
}
