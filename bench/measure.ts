// Timing and memory readings shared by every measurement: best of N runs after a warm-up, with a garbage collection
// before each run when node runs with --expose-gc, and a running high-water mark of heap and resident memory.

import { performance } from 'node:perf_hooks';

export interface Timing {
  bestMs: number;
  medianMs: number;
  runsMs: number[];
}

export interface MemoryPeak {
  /** Resident set high-water mark of the whole process, from the operating system (getrusage maxrss). */
  peakRssBytes: number;
  /** Highest heapUsed seen at the sampling points (after each run, before collecting its garbage). */
  peakHeapUsedBytes: number;
  /** Highest rss seen at the sampling points. */
  peakSampledRssBytes: number;
}

const sampled = { heapUsed: 0, rss: 0 };

/** Records the current heap and rss into the high-water marks. */
export function sampleMemory(): void {
  const usage = process.memoryUsage();
  sampled.heapUsed = Math.max(sampled.heapUsed, usage.heapUsed);
  sampled.rss = Math.max(sampled.rss, usage.rss);
}

/** The high-water marks reached by the end of a phase of the benchmark (they include every earlier phase). */
export interface PhaseMemory extends MemoryPeak {
  phase: string;
}

export function phaseMemory(phase: string): PhaseMemory {
  return { phase, ...memoryPeak() };
}

export function memoryPeak(): MemoryPeak {
  sampleMemory();
  return {
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    peakHeapUsedBytes: sampled.heapUsed,
    peakSampledRssBytes: sampled.rss,
  };
}

/** Collects garbage when node exposes gc, so one run's garbage does not slow the next. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

export function gcExposed(): boolean {
  return typeof (globalThis as { gc?: () => void }).gc === 'function';
}

/** Times a synchronous task once; returns its result and milliseconds. */
export function timeOnce<T>(task: () => T): { result: T; ms: number } {
  collectGarbage();
  const start = performance.now();
  const result = task();
  const ms = performance.now() - start;
  sampleMemory();
  return { result, ms };
}

/**
 * Runs `task` `warmups` times untimed, then `runs` times timed; `check` sees every timed result (to verify the runs
 * agree and keep the work from being optimised away).
 */
export function bestOf<T>(runs: number, warmups: number, task: () => T, check: (result: T) => void = () => undefined): Timing {
  for (let i = 0; i < warmups; i++) check(timeOnce(task).result);
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { result, ms } = timeOnce(task);
    check(result);
    runsMs.push(ms);
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  return { bestMs: sorted[0], medianMs: sorted[Math.floor(sorted.length / 2)], runsMs };
}

/** Events (or rows) per second, rounded to a whole number. */
export function perSecond(count: number, ms: number): number {
  return ms > 0 ? Math.round((count * 1000) / ms) : 0;
}
