// The layers: core/engine imports nothing outside itself; core/workbook adds only sql.js; core never imports a
// front end (cli, electron, renderer), and nothing but core/workbook imports sql.js.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..');

function sourceFiles(folder: string): string[] {
  const absolute = join(root, folder);
  let entries: string[];
  try {
    entries = readdirSync(absolute);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(absolute, name);
    if (statSync(path).isDirectory()) return sourceFiles(relative(root, path));
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.test.ts') ? [relative(root, path)] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    found.push(match[1] ?? match[2]);
  }
  return found;
}

function resolvesInside(file: string, specifier: string, folder: string): boolean {
  if (!specifier.startsWith('.')) return false;
  const target = relative(join(root, folder), resolve(join(root, dirname(file)), specifier));
  return !target.startsWith('..');
}

describe('architecture', () => {
  it('core/engine imports nothing outside core/engine', () => {
    const files = sourceFiles('core/engine');
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.flatMap((file) => importsOf(file).filter((specifier) => !resolvesInside(file, specifier, 'core/engine')).map((specifier) => `${file} → ${specifier}`));
    expect(offenders).toEqual([]);
  });

  it('core/workbook imports only core and sql.js', () => {
    const offenders = sourceFiles('core/workbook').flatMap((file) =>
      importsOf(file)
        .filter((specifier) => specifier !== 'sql.js' && !resolvesInside(file, specifier, 'core'))
        .map((specifier) => `${file} → ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  it('only core/workbook and the front ends’ sql.js loaders import sql.js', () => {
    const folders = ['core/engine', 'cli', 'renderer', 'electron', 'scenarios', 'bench'];
    const offenders = folders
      .flatMap(sourceFiles)
      .filter((file) => importsOf(file).includes('sql.js') && !/sql-js/.test(file))
      .map((file) => file);
    expect(offenders).toEqual([]);
  });
});
