// Progress of a long replay on stderr, for a person watching: a line redrawn in place on a terminal, or one line per
// tenth of the work when asked for with --progress on a pipe. Never on stdout, so piped results stay clean.

import type { OutputStream } from './cli-io';

export interface ProgressReporter {
  /** Work done so far; cheap to call often (redraws at most every `minIntervalMs`). */
  update(done: number, total: number): void;
  /** Ends the progress line with the final count and elapsed time. */
  finish(total: number): void;
}

export interface ProgressOptions {
  stream: OutputStream;
  label: string;
  /** Monotonic milliseconds. */
  now: () => number;
  minIntervalMs?: number;
}

/** Progress shows on a terminal by default, or anywhere when the user asked with --progress. */
export function progressWanted(requested: boolean, stream: OutputStream): boolean {
  return requested || stream.isTTY === true;
}

export const SILENT_PROGRESS: ProgressReporter = { update: () => undefined, finish: () => undefined };

export function createProgressReporter(options: ProgressOptions): ProgressReporter {
  const { stream, label, now } = options;
  const minIntervalMs = options.minIntervalMs ?? 100;
  const startedMs = now();
  const interactive = stream.isTTY === true;
  let lastDrawMs = Number.NEGATIVE_INFINITY;
  let lastTenth = -1;

  const line = (done: number, total: number): string =>
    `${label}: ${percentOf(done, total)}% (${group(done)} of ${group(total)} events)`;

  return {
    update(done, total) {
      if (interactive) {
        const nowMs = now();
        if (nowMs - lastDrawMs < minIntervalMs) return;
        lastDrawMs = nowMs;
        // \r returns to the line start and ESC[K clears what a longer previous line left behind.
        stream.write(`\r${line(done, total)}\u001b[K`);
        return;
      }
      const tenth = Math.floor(percentOf(done, total) / 10);
      if (tenth <= lastTenth || tenth >= 10) return;
      lastTenth = tenth;
      stream.write(`${line(done, total)}\n`);
    },
    finish(total) {
      const seconds = ((now() - startedMs) / 1000).toFixed(1);
      const text = `${label}: done, ${group(total)} events in ${seconds} s`;
      stream.write(interactive ? `\r${text}\u001b[K\n` : `${text}\n`);
    },
  };
}

function percentOf(done: number, total: number): number {
  return total <= 0 ? 100 : Math.min(100, Math.floor((done * 100) / total));
}

function group(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+$)/g, ',');
}
