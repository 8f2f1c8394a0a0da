// `npm run bench`: generates the seeded bench history, then times a bare pass over its columns and the replay of
// each bench book, and prints the figures (or, with --json, one JSON object on stdout; progress goes to stderr).

import { cpus } from 'node:os';
import { parseBenchArgs } from './bench-args';
import { loadBenchBooks } from './bench-books';
import { type BenchReport, BENCH_REPORT_VERSION, formatBenchReport, TARGET_MAX_RATIO_TO_BARE_PASS, TARGET_REPLAY_EVENTS_PER_SECOND, targetsMet } from './bench-report';
import { benchUsageConfig } from './bench-usage';
import { benchBarePass } from './bare-pass';
import { benchGenerator } from './generator-bench';
import { gcExposed, memoryPeak } from './measure';
import { benchReplay, type ReplayFigures } from './replay-bench';
import type { ReplayReport } from '../core/engine/report/report-model';

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

function main(argv: readonly string[]): number {
  const parsed = parseBenchArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\n`);
    return 2;
  }
  const { args } = parsed;
  if (!gcExposed()) progress('warning: run with --expose-gc (npm run bench does) for steadier timings');
  const books = loadBenchBooks();
  const config = benchUsageConfig(args.size);

  progress(`generating ${config.eventCount.toLocaleString('en-US')} events for ${config.customerCount.toLocaleString('en-US')} customers`);
  const { dataset, figures: datasetFigures } = benchGenerator(config);

  progress('bare pass');
  const barePass = benchBarePass(dataset, args.runs);

  const replays: ReplayFigures[] = [];
  let baseline: ReplayReport | null = null;
  for (const entry of books) {
    progress(`replaying ${entry.name}`);
    const { figures, report } = benchReplay(entry, dataset, args.runs, barePass.bestMs, baseline);
    if (entry.role === 'baseline') baseline = report;
    replays.push(figures);
  }

  const report: BenchReport = {
    benchVersion: BENCH_REPORT_VERSION,
    size: args.size,
    environment: {
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpu: cpus()[0]?.model ?? 'unknown',
      gcExposed: gcExposed(),
      runs: args.runs,
    },
    dataset: datasetFigures,
    barePass,
    replay: replays,
    targets: { replayEventsPerSecond: TARGET_REPLAY_EVENTS_PER_SECOND, maxRatioToBarePass: TARGET_MAX_RATIO_TO_BARE_PASS, met: targetsMet(replays) },
    extra: {},
    memory: memoryPeak(),
  };
  process.stdout.write(args.json ? `${JSON.stringify(report)}\n` : `${formatBenchReport(report)}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
