// Debian's Chromium driven by playwright-core: the browser comes from apt (`apt-get install chromium`), never from a
// download. Every launch starts on a fresh profile and every test in its own context, so no test sees another's
// IndexedDB; a profile folder of the test's own can be launched twice to check what survives closing the browser.

import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Without the background-networking flags Chromium keeps calling out to the network, which is closed here. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const SCREEN = { width: 1280, height: 800 };

export async function newProfileFolder(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'credit-workbench-chromium-'));
}

export async function removeProfileFolder(folder: string): Promise<void> {
  await rm(folder, { recursive: true, force: true });
}

function chromiumPath(): string {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`The end-to-end tests need Debian's Chromium at ${CHROMIUM_PATH}: install it with "apt-get install -y chromium".`);
  }
  return CHROMIUM_PATH;
}

/**
 * One browser for a test file; Playwright gives it a new, empty profile folder of its own. Each test then takes a
 * `newWorkbenchContext`, whose storage no other context sees, so starting a browser (seconds) is paid once per file.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

/**
 * The locale a test's browser reports. The page writes numbers in the browser's locale, so tests that read figures
 * pin it; a test of another locale names its own.
 */
export const TEST_LOCALE = 'en-US';

export function newWorkbenchContext(browser: Browser, locale: string = TEST_LOCALE): Promise<BrowserContext> {
  return browser.newContext({ viewport: SCREEN, acceptDownloads: true, locale });
}

/** A browser on a profile folder the test owns, to close and launch again on the same folder. */
export function launchChromiumWithProfile(profileFolder: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileFolder, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: SCREEN,
    acceptDownloads: true,
    locale: TEST_LOCALE,
  });
}
