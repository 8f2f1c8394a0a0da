import { describe, expect, it } from 'vitest';
import { replay } from '../../core/engine/replay/replay';
import { sumQuantitiesByFeature } from '../../bench/bare-pass';
import { parseBenchArgs } from '../../bench/bench-args';
import { loadBenchBooks } from '../../bench/bench-books';
import { formatBenchReport, targetsMet, type BenchReport } from '../../bench/bench-report';
import { BENCH_FEATURES, benchUsageConfig } from '../../bench/bench-usage';
import { benchReplay } from '../../bench/replay-bench';
import { generateUsage } from '../../scenarios/generator/generate-usage';

const smallDataset = generateUsage({ ...benchUsageConfig('small'), customerCount: 300, eventCount: 30_000 });

describe('bench arguments', () => {
  it('defaults to the large size with 3 runs and the browser, and reads --json, --size, --runs and --no-ui', () => {
    expect(parseBenchArgs([])).toEqual({ ok: true, args: { json: false, size: 'large', runs: 3, ui: true } });
    expect(parseBenchArgs(['--json', '--size', 'small', '--no-ui'])).toEqual({ ok: true, args: { json: true, size: 'small', runs: 5, ui: false } });
    expect(parseBenchArgs(['--size=large', '--runs=7', '--ui'])).toEqual({ ok: true, args: { json: false, size: 'large', runs: 7, ui: true } });
  });

  it('refuses an unknown size, a bad run count and unknown arguments with the usage line', () => {
    for (const argv of [['--size', 'huge'], ['--runs', '0'], ['--fast']]) {
      const parsed = parseBenchArgs(argv);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(/usage: npm run bench/);
    }
  });
});

describe('bench books', () => {
  it('are a baseline and two candidates that price all 8 bench features', () => {
    const books = loadBenchBooks();
    expect(books.map((entry) => entry.role)).toEqual(['baseline', 'candidate', 'candidate']);
    for (const entry of books) {
      expect(entry.book.features.map((feature) => feature.key).sort()).toEqual(BENCH_FEATURES.map((feature) => feature.key).sort());
    }
  });

  it('replay the bench history with the identities holding, and exercise expiry, rollover, top-ups and overage', () => {
    let baseline = null;
    for (const entry of loadBenchBooks()) {
      const { figures, report } = benchReplay(entry, smallDataset, 1, 1, baseline);
      if (entry.role === 'baseline') baseline = report;
      expect(figures.reconciliationHolds).toBe(true);
      expect(figures.exercised.creditsExpired).toBeGreaterThan(0);
      expect(figures.exercised.creditsRolledOver).toBeGreaterThan(0);
      expect(figures.exercised.packsMicros).toBeGreaterThan(0);
      expect(figures.exercised.overageMicros).toBeGreaterThan(0);
      expect(figures.eventsPerSecond).toBeGreaterThan(0);
      expect(figures.runsMs).toHaveLength(1);
      const { setupMs, ledgerMs, reportMs } = figures.phases;
      expect(setupMs + ledgerMs + reportMs).toBeLessThanOrEqual(figures.bestMs + 1);
      expect(figures.ledgerEventsPerSecond).toBeGreaterThanOrEqual(figures.eventsPerSecond);
    }
  });
});

describe('bare pass', () => {
  it('sums every event’s quantity into its feature', () => {
    const totals = sumQuantitiesByFeature(smallDataset);
    const expected = new Float64Array(smallDataset.featureKeys.length);
    for (let row = 0; row < smallDataset.eventCount; row++) expected[smallDataset.featureIndex[row]] += smallDataset.quantityMicros[row];
    expect(Array.from(totals)).toEqual(Array.from(expected));
    expect(totals.reduce((sum, value) => sum + value, 0)).toBeGreaterThan(0);
  });
});

describe('bench report', () => {
  const baselineBook = loadBenchBooks()[0];
  const { figures } = benchReplay(baselineBook, smallDataset, 1, 1, null);
  const report: BenchReport = {
    benchVersion: 1,
    size: 'small',
    environment: { node: 'v20', platform: 'linux x64', cpu: 'test cpu', gcExposed: false, runs: 1 },
    dataset: { seed: 1, customers: 300, events: 30_000, months: 12, features: 8, generateMs: 10, generateEventsPerSecond: 3_000_000, columnBytes: 1_000_000 },
    barePass: { description: 'sum', bestMs: 1, medianMs: 1, runsMs: [1], eventsPerSecond: 30_000_000, quantitySumMicros: 5 },
    replay: [{ ...figures, eventsPerSecond: 25_000_000, ratioToBarePass: 12 }],
    targets: { replayEventsPerSecond: 20_000_000, maxRatioToBarePass: 15, met: true, ledgerMet: true },
    measurements: { csvImport: { rowsPerSecond: 1_500_000 }, ui: { skipped: 'left out with --no-ui' } },
    memory: {
      peakRssBytes: 200 * 1024 * 1024,
      peakHeapUsedBytes: 50 * 1024 * 1024,
      peakSampledRssBytes: 150 * 1024 * 1024,
      byPhase: [{ phase: 'replay', peakRssBytes: 120 * 1024 * 1024, peakHeapUsedBytes: 40 * 1024 * 1024, peakSampledRssBytes: 110 * 1024 * 1024 }],
    },
  };

  it('meets the targets only when every book is fast enough and close enough to the bare pass', () => {
    expect(targetsMet(report.replay)).toBe(true);
    expect(targetsMet([{ ...report.replay[0], eventsPerSecond: 19_999_999 }])).toBe(false);
    expect(targetsMet([{ ...report.replay[0], ratioToBarePass: 15.01 }])).toBe(false);
    expect(targetsMet([])).toBe(false);
  });

  it('prints events per second, the ratio, the peak memory and the further measurements', () => {
    const text = formatBenchReport(report);
    expect(text).toContain('25.00 M events/s');
    expect(text).toContain('12.0× bare');
    expect(text).toContain('peak rss 200 MiB');
    expect(text).toMatch(/by the end of replay +peak rss +120 MiB/);
    expect(text).toContain('rowsPerSecond');
    expect(text).toContain('ui: skipped (left out with --no-ui)');
    expect(text).toContain('identities hold');
  });

  it('agrees with a direct replay of the same book', () => {
    const direct = replay(baselineBook.book, smallDataset);
    expect(direct.totals.creditsExpired).toBe(figures.exercised.creditsExpired);
  });
});
