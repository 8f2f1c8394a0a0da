// Reads the benchmark's command line: `npm run bench -- [--json] [--size small|large] [--runs N] [--no-ui]`.

import type { BenchSize } from './bench-usage';

export interface BenchArgs {
  json: boolean;
  size: BenchSize;
  /** Timed runs per measurement after one warm-up run; the best is reported. */
  runs: number;
  /**
   * Also time the web app in Chromium (a Vite build, a browser and an upload of the whole history: about a minute).
   * On unless --no-ui; skipped with its reason where there is no Chromium. --ui is still read, for old scripts.
   */
  ui: boolean;
}

export type BenchArgsResult = { ok: true; args: BenchArgs } | { ok: false; message: string };

const USAGE = 'usage: npm run bench -- [--json] [--size small|large] [--runs N] [--no-ui]';

export function parseBenchArgs(argv: readonly string[]): BenchArgsResult {
  let json = false;
  let size: BenchSize = 'large';
  let runs: number | null = null;
  let ui = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') {
      json = true;
    } else if (arg === '--ui') {
      ui = true;
    } else if (arg === '--no-ui') {
      ui = false;
    } else if (arg === '--size' || arg.startsWith('--size=')) {
      const value = arg === '--size' ? argv[++i] : arg.slice('--size='.length);
      if (value !== 'small' && value !== 'large') return { ok: false, message: `--size takes small or large, not ${String(value)}\n${USAGE}` };
      size = value;
    } else if (arg === '--runs' || arg.startsWith('--runs=')) {
      const value = arg === '--runs' ? argv[++i] : arg.slice('--runs='.length);
      const parsed = Number(value);
      if (!Number.isInteger(parsed) || parsed < 1 || parsed > 50) return { ok: false, message: `--runs takes a whole number from 1 to 50\n${USAGE}` };
      runs = parsed;
    } else {
      return { ok: false, message: `unknown argument ${arg}\n${USAGE}` };
    }
  }
  return { ok: true, args: { json, size, runs: runs ?? (size === 'large' ? 3 : 5), ui } };
}
