// The benchmark's figures as one JSON object (`--json`) and as a short human table. Both come from the same
// BenchReport, so the two outputs always agree.

import type { BarePassFigures } from './bare-pass';
import type { DatasetFigures } from './generator-bench';
import type { MemoryPeak, PhaseMemory } from './measure';
import type { ReplayFigures } from './replay-bench';

export const BENCH_REPORT_VERSION = 1;
/** Issue 2's targets: events per second with expiry, rollover and top-ups, and the largest ratio to the bare pass. */
export const TARGET_REPLAY_EVENTS_PER_SECOND = 20_000_000;
export const TARGET_MAX_RATIO_TO_BARE_PASS = 15;

/** A measurement that could not run, and why (a module it needs is not there yet, for instance). */
export interface Skipped {
  skipped: string;
}

export interface BenchEnvironment {
  node: string;
  platform: string;
  cpu: string;
  gcExposed: boolean;
  /** GLIBC_TUNABLES the run had (npm run bench asks for huge pages), or null. */
  mallocTunables?: string | null;
  runs: number;
}

export interface BenchReport {
  benchVersion: number;
  size: string;
  environment: BenchEnvironment;
  dataset: DatasetFigures;
  barePass: BarePassFigures;
  replay: ReplayFigures[];
  targets: { replayEventsPerSecond: number; maxRatioToBarePass: number; met: boolean; ledgerMet: boolean };
  /** Further measurements (CSV import, workbook) by name; each is its figures or why it was skipped. */
  measurements: Record<string, object>;
  /** Peaks over the whole run, and as reached by the end of each phase (generate, replay, csv import, workbook). */
  memory: MemoryPeak & { byPhase: PhaseMemory[] };
}

/** The same targets, judged on the ledger pass alone (set-up and the per-customer report excluded). */
export function ledgerTargetsMet(replays: readonly ReplayFigures[]): boolean {
  return (
    replays.length > 0 &&
    replays.every((figures) => figures.ledgerEventsPerSecond >= TARGET_REPLAY_EVENTS_PER_SECOND && figures.ledgerRatioToBarePass <= TARGET_MAX_RATIO_TO_BARE_PASS)
  );
}

export function targetsMet(replays: readonly ReplayFigures[]): boolean {
  return (
    replays.length > 0 &&
    replays.every((figures) => figures.eventsPerSecond >= TARGET_REPLAY_EVENTS_PER_SECOND && figures.ratioToBarePass <= TARGET_MAX_RATIO_TO_BARE_PASS)
  );
}

function millions(value: number): string {
  return `${(value / 1e6).toFixed(2)} M`;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(0)} MiB`;
}

function milliseconds(ms: number): string {
  return `${ms.toFixed(1)} ms`;
}

function figureText(value: unknown): string {
  if (typeof value === 'number') return value.toLocaleString('en-US', { maximumFractionDigits: 1 });
  if (Array.isArray(value)) return value.map(figureText).join(', ');
  // A record of named figures ("compare:replayed" → ms): "name at 1,234, name at 2,345" in the order given.
  if (typeof value === 'object' && value !== null) return Object.entries(value).map(([name, figure]) => `${name} ${figureText(figure)}`).join(', ');
  return String(value);
}

function measurementLines(name: string, figures: object): string[] {
  // A skipped measurement is one line with its reason: "ui: skipped (left out with --no-ui)".
  if (Object.keys(figures).length === 1 && typeof (figures as Partial<Skipped>).skipped === 'string') return [`${name}: skipped (${(figures as Skipped).skipped})`];
  const entries = Object.entries(figures as Record<string, unknown>);
  return [`${name}:`, ...entries.map(([key, value]) => `  ${key.padEnd(24)} ${figureText(value)}`)];
}

export function formatBenchReport(report: BenchReport): string {
  const { dataset, barePass, memory } = report;
  const lines = [
    `Credit Workbench benchmark (size ${report.size}, ${report.environment.node}, ${report.environment.platform}, ${report.environment.cpu})`,
    `dataset: ${dataset.customers.toLocaleString('en-US')} customers, ${dataset.events.toLocaleString('en-US')} events, ${dataset.months} months, ${dataset.features} features, seed ${dataset.seed}`,
    `  generated in ${milliseconds(dataset.generateMs)} (${millions(dataset.generateEventsPerSecond)} events/s), columns ${megabytes(dataset.columnBytes)}`,
    `bare pass: best ${milliseconds(barePass.bestMs)}, ${millions(barePass.eventsPerSecond)} events/s (${barePass.description})`,
    `replay (one core, best of ${report.environment.runs} after a warm-up):`,
  ];
  for (const figures of report.replay) {
    lines.push(
      `  ${figures.book.padEnd(28)} best ${milliseconds(figures.bestMs).padStart(10)}  median ${milliseconds(figures.medianMs).padStart(10)}  ` +
        `${millions(figures.eventsPerSecond).padStart(9)} events/s  ${figures.ratioToBarePass.toFixed(1).padStart(5)}× bare  ` +
        `identities ${figures.reconciliationHolds ? 'hold' : 'BROKEN'}`,
    );
    const { phases } = figures;
    lines.push(
      `    phases of the best run: set-up ${milliseconds(phases.setupMs)}, ledger pass ${milliseconds(phases.ledgerMs)}, report ${milliseconds(phases.reportMs)}; ` +
        `ledger pass alone (fastest): ${millions(figures.ledgerEventsPerSecond)} events/s, ${figures.ledgerRatioToBarePass.toFixed(1)}× bare`,
    );
    const exercised = figures.exercised;
    const credits = (value: number): string => (value / 10 ** figures.creditDecimals).toLocaleString('en-US', { maximumFractionDigits: 0 });
    lines.push(
      `    expired ${credits(exercised.creditsExpired)} cr, rolled over ${credits(exercised.creditsRolledOver)} cr, ` +
        `packs $${(exercised.packsMicros / 1e6).toLocaleString('en-US', { maximumFractionDigits: 0 })}, ` +
        `overage $${(exercised.overageMicros / 1e6).toLocaleString('en-US', { maximumFractionDigits: 0 })}, ` +
        `negative ${credits(exercised.creditsNegativeBalance)} cr, ran dry ${exercised.customersRanDry.toLocaleString('en-US')} customers`,
    );
  }
  lines.push(
    `targets (≥ ${millions(report.targets.replayEventsPerSecond)} events/s, ≤ ${report.targets.maxRatioToBarePass}× bare pass): whole replay ${report.targets.met ? 'met' : 'NOT met'}; ledger pass alone ${report.targets.ledgerMet ? 'met' : 'NOT met'}`,
  );
  for (const [name, figures] of Object.entries(report.measurements)) lines.push(...measurementLines(name, figures));
  lines.push(
    `memory: peak rss ${megabytes(memory.peakRssBytes)} (OS high-water mark), peak heap used ${megabytes(memory.peakHeapUsedBytes)} (sampled after each run)`,
  );
  for (const phase of memory.byPhase) {
    lines.push(`  by the end of ${phase.phase.padEnd(12)} peak rss ${megabytes(phase.peakRssBytes).padStart(9)}, peak heap used ${megabytes(phase.peakHeapUsedBytes).padStart(9)}`);
  }
  return lines.join('\n');
}
