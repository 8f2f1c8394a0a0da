// `npm run bench`: generates the seeded bench history, then times a bare pass over its columns, the replay of each
// bench book, the CSV import and the workbook store, save, open and load of the same history, unless --no-ui the web app
// in Chromium on the same history, and prints the figures (or, with --json, one JSON object on stdout; progress goes
// to stderr).

import { cpus } from 'node:os';
import { parseBenchArgs } from './bench-args';
import { loadBenchBooks } from './bench-books';
import { type BenchReport, BENCH_REPORT_VERSION, formatBenchReport, ledgerTargetsMet, TARGET_MAX_RATIO_TO_BARE_PASS, TARGET_REPLAY_EVENTS_PER_SECOND, targetsMet } from './bench-report';
import { benchUsageConfig } from './bench-usage';
import { benchBarePass } from './bare-pass';
import { benchGenerator } from './generator-bench';
import { benchCsvImport } from './import-bench';
import { gcExposed, memoryPeak, phaseMemory, type PhaseMemory } from './measure';
import { benchReplay, type ReplayFigures } from './replay-bench';
import { benchUi, UI_SKIPPED_WITHOUT_FLAG, uiSkipped } from './ui-bench';
import { benchWorkbook } from './workbook-bench';
import type { ReplayReport } from '../core/engine/report/report-model';

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

async function main(argv: readonly string[]): Promise<number> {
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
  const byPhase: PhaseMemory[] = [phaseMemory('generate')];

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

  byPhase.push(phaseMemory('replay'));

  const measurements: Record<string, object> = {};
  progress('writing the history as CSV and importing it');
  measurements.csvImport = benchCsvImport(dataset, Math.min(args.runs, 2));
  byPhase.push(phaseMemory('csv import'));
  progress('storing the history in a workbook, saving, opening and loading it');
  measurements.workbook = await benchWorkbook(dataset, args.runs);
  byPhase.push(phaseMemory('workbook'));
  if (args.ui) {
    progress('timing the web app in Chromium');
    measurements.ui = await benchUi(dataset, books, progress);
    byPhase.push(phaseMemory('ui'));
  } else {
    measurements.ui = uiSkipped(UI_SKIPPED_WITHOUT_FLAG);
  }

  const report: BenchReport = {
    benchVersion: BENCH_REPORT_VERSION,
    size: args.size,
    environment: {
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpu: cpus()[0]?.model ?? 'unknown',
      gcExposed: gcExposed(),
      // npm run bench sets glibc.malloc.hugetlb=1: large typed arrays then come from transparent huge pages.
      mallocTunables: process.env.GLIBC_TUNABLES ?? null,
      runs: args.runs,
    },
    dataset: datasetFigures,
    barePass,
    replay: replays,
    targets: { replayEventsPerSecond: TARGET_REPLAY_EVENTS_PER_SECOND, maxRatioToBarePass: TARGET_MAX_RATIO_TO_BARE_PASS, met: targetsMet(replays), ledgerMet: ledgerTargetsMet(replays) },
    measurements,
    memory: { ...memoryPeak(), byPhase },
  };
  process.stdout.write(args.json ? `${JSON.stringify(report)}\n` : `${formatBenchReport(report)}\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
