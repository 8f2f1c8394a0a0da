// The installers' settings as electron-builder itself checks them (its own schema), plus what the desktop app needs
// from them: the four targets, the app id, the icon, and the .cwb file association.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { APP_ICON_SIZE, appIconPng } from '../../electron/start/app-icon';

const require = createRequire(import.meta.url);
// electron-builder's own parser and validator, loaded as it loads them; untyped, so narrowed here.
const yaml = require('js-yaml') as { load: (text: string) => unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const CONFIG_TEXT = readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8');

interface BuilderConfig {
  appId: string;
  productName: string;
  icon: string;
  extraMetadata: { main: string };
  files: string[];
  fileAssociations: Array<{ ext: string; name: string; role: string }>;
  linux: { target: string[]; icon: string };
  mac: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
}

const config = yaml.load(CONFIG_TEXT) as BuilderConfig;

function pngSize(bytes: Uint8Array): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect(new TextDecoder().decode(bytes.subarray(12, 16))).toBe('IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('electron-builder.yml', () => {
  test('passes electron-builder’s own validation', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  test('a misspelt option would fail that validation', async () => {
    await expect(validateConfiguration({ ...config, prodcutName: 'x' }, new DebugLogger(false))).rejects.toThrow(/prodcutName/);
  });

  test('builds AppImage and deb, dmg, and an NSIS installer, with the app id, name and icon', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.appId).toBe('com.creditworkbench.desktop');
    expect(config.productName).toBe('Credit Workbench');
    for (const icon of [config.icon, config.linux.icon, config.mac.icon, config.win.icon]) expect(icon).toBe('build/icon.png');
  });

  test('opens .cwb files, and starts the bundled main process with the built web app beside it', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'cwb', name: 'Credit Workbench workbook', role: 'Editor' })]);
    expect(config.extraMetadata.main).toBe('out/electron/main.cjs');
    expect(config.files).toEqual(expect.arrayContaining(['dist/web/**/*', 'out/electron/main.cjs', 'out/electron/preload.cjs']));
  });
});

describe('the app icon', () => {
  test('build/icon.png is a 512 px square PNG, large enough for every installer', () => {
    expect(pngSize(new Uint8Array(readFileSync(new URL('../../build/icon.png', import.meta.url))))).toEqual({ width: 512, height: 512 });
  });

  test('is drawn as a blue square with a white coin: opaque centre, transparent corners', () => {
    const png = appIconPng(64);
    expect(pngSize(png)).toEqual({ width: 64, height: 64 });
    const view = new DataView(png.buffer, png.byteOffset);
    const idatLength = view.getUint32(33);
    const rows = inflateSync(png.subarray(41, 41 + idatLength));
    const pixel = (x: number, y: number) => [...rows.subarray(y * (64 * 4 + 1) + 1 + x * 4, y * (64 * 4 + 1) + 1 + x * 4 + 4)];
    expect(pixel(0, 0)[3]).toBe(0);
    expect(pixel(32, 32)).toEqual([255, 255, 255, 255]);
    expect(pixel(32, 4)).toEqual([0x1f, 0x5f, 0x8b, 255]);
    expect(APP_ICON_SIZE).toBe(512);
  });
});
