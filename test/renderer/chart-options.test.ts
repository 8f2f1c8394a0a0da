import { describe, expect, test } from 'vitest';
import type { LedgerEntry } from '../../core/engine/replay/replay-types';
import type { ReplayReport } from '../../core/engine/report/report-model';
import { balanceChartOption, balancePoints } from '../../renderer/charts/balance-chart';
import { billChangeHistogram, billChangeHistogramOption, roundBinWidth } from '../../renderer/charts/bill-change-histogram';
import { effectivePriceChartOption, effectivePriceRows, priceIndex } from '../../renderer/charts/effective-price-chart';
import { formatPricePerUnit } from '../../renderer/components/amount-format';
import { demoReplay } from './demo-replay-support';

type ValueFormatter = (value: unknown, dataIndex: number) => string;

/** The label formatter of a chart's (single) value axis. */
function axisLabel(axis: unknown): (value: number) => string {
  return (axis as { axisLabel: { formatter: (value: number) => string } }).axisLabel.formatter;
}

function tooltipValue(tooltip: unknown): ValueFormatter {
  return (tooltip as { valueFormatter: ValueFormatter }).valueFormatter;
}

/** A report holding only what the histogram reads: currency and customers' bill changes. */
function reportWithChanges(changes: Array<number | null>): ReplayReport {
  const { reports } = demoReplay();
  return {
    ...reports[0],
    currency: 'USD',
    customers: changes.map((change, i) => ({ ...reports[0].customers[0], id: `c${i}`, billChangeMicros: change })),
  };
}

describe('the bill change histogram', () => {
  test('bin widths are round amounts of at least one minor unit', () => {
    expect(roundBinWidth(1, 10_000)).toBe(10_000);
    expect(roundBinWidth(15_000, 10_000)).toBe(20_000);
    expect(roundBinWidth(30_000, 10_000)).toBe(50_000);
    expect(roundBinWidth(60_000, 10_000)).toBe(100_000);
    expect(roundBinWidth(4_100_000, 10_000)).toBe(5_000_000);
  });

  test('a customer on an edge falls in the bin that starts there, and zero is always an edge', () => {
    const baseline = reportWithChanges([null, null, null, null]);
    const candidate = reportWithChanges([-1_000_000, 0, 999_999, 1_000_000]);
    const histogram = billChangeHistogram([baseline, candidate], 2);
    expect(histogram.widthMicros).toBe(1_000_000);
    expect(histogram.startMicros).toBe(-1_000_000);
    expect(histogram.counts).toEqual([[1, 2, 1]]);
  });

  test('every customer with a change is counted once per candidate', () => {
    const { reports } = demoReplay();
    const histogram = billChangeHistogram(reports);
    histogram.counts.forEach((bins, index) => {
      const withChange = reports[index + 1].customers.filter((customer) => customer.billChangeMicros !== null).length;
      expect(bins.reduce((sum, count) => sum + count, 0)).toBe(withChange);
    });
  });

  test('without any change there are no bins', () => {
    const histogram = billChangeHistogram([reportWithChanges([null]), reportWithChanges([null])]);
    expect(histogram.binCount).toBe(0);
    expect(histogram.counts).toEqual([[]]);
  });

  test('the chart labels each bin by its start in money, in the locale, and has a series per candidate', () => {
    const histogram = { startMicros: -2_000_000, widthMicros: 1_000_000, binCount: 3, counts: [[1, 2, 3]] };
    expect(billChangeHistogramOption(histogram, ['Rebalance'], 'USD', 'en-US').xAxis).toMatchObject({ data: ['-$2.00', '-$1.00', '$0.00'] });
    const option = billChangeHistogramOption(histogram, ['Rebalance'], 'USD', 'de-DE');
    expect(option.xAxis).toMatchObject({ data: ['-2,00\u00a0$', '-1,00\u00a0$', '0,00\u00a0$'] });
    expect(option.series).toEqual([expect.objectContaining({ type: 'bar', name: 'Rebalance', data: [1, 2, 3] })]);
  });

  test('its axis and tooltip count customers in the locale', () => {
    const histogram = { startMicros: 0, widthMicros: 1_000_000, binCount: 1, counts: [[12_345]] };
    const option = billChangeHistogramOption(histogram, ['Rebalance'], 'USD', 'de-DE');
    expect(axisLabel(option.yAxis)(12_000)).toBe('12.000');
    expect(tooltipValue(option.tooltip)(12_345, 0)).toBe('12.345');
  });
});

describe('the effective price chart', () => {
  test('has a group per feature and a bar per book: each price as an index of the baseline’s, the baseline at 100', () => {
    const { reports } = demoReplay();
    const rows = effectivePriceRows(reports);
    expect(rows.map((row) => row.featureKey)).toEqual(reports[0].features.map((feature) => feature.key));
    expect(rows[0].prices).toEqual(reports.map((report) => report.features[0].effectivePricePerUnit));
    const option = effectivePriceChartOption(reports, ['a', 'b', 'c'], 'en-US');
    const series = option.series as Array<{ name: string; data: Array<number | null> }>;
    expect(series.map((entry) => entry.name)).toEqual(['a', 'b', 'c']);
    expect(series[0].data.every((value) => value === 100)).toBe(true);
    expect(series[1].data[0]).toBeCloseTo((Number(reports[1].features[0].effectivePricePerUnit) / Number(reports[0].features[0].effectivePricePerUnit)) * 100, 9);
    // The demo's rebalance makes tokens cheaper: below the baseline's bar.
    expect(series[1].data[0]).toBeLessThan(100);
  });

  test('the index of a price against a baseline of nothing, or of no price, is no bar', () => {
    expect(priceIndex('0.5', '0.25')).toBe(200);
    expect(priceIndex(null, '0.25')).toBeNull();
    expect(priceIndex('0.5', null)).toBeNull();
    expect(priceIndex('0.5', '0')).toBeNull();
  });

  test('its tooltip shows each book’s exact price and its axis the locale’s marks', () => {
    const { reports } = demoReplay();
    const option = effectivePriceChartOption(reports, ['a', 'b', 'c'], 'fr-FR');
    const series = option.series as Array<{ tooltip: { valueFormatter: ValueFormatter } }>;
    expect(series[1].tooltip.valueFormatter(0, 0)).toBe(formatPricePerUnit(reports[1].features[0].effectivePricePerUnit, 'USD', 'fr-FR'));
    expect(series[1].tooltip.valueFormatter(0, 0)).toMatch(/,/);
    expect(axisLabel(option.yAxis)(102.5)).toBe('102,5');
  });

  test('a book that saw no units of a feature has no bar for it', () => {
    const { reports } = demoReplay();
    const withoutUnits = { ...reports[1], features: reports[1].features.map((feature, i) => (i === 0 ? { ...feature, effectivePricePerUnit: null } : feature)) };
    const series = effectivePriceChartOption([reports[0], withoutUnits], ['a', 'b'], 'en-US').series as Array<{ data: Array<number | null> }>;
    expect(series[1].data[0]).toBeNull();
  });
});

describe('the balance chart', () => {
  test('plots the balance after each entry in whole credits at the entry’s time', () => {
    const entry = (atMs: number, balanceAfter: number): LedgerEntry => ({
      sequence: 0, atMs, kind: 'burn', grantId: null, grantKind: null, featureKey: null, unitsMicros: 0, credits: 0,
      cashMicros: 0, revenueMicros: 0, breakageMicros: 0, expiresAtMs: null, balanceAfter,
    });
    expect(balancePoints([entry(1, 1050), entry(2, 25)], 2)).toEqual([[1, 10.5], [2, 0.25]]);
    const option = balanceChartOption([entry(1, 100)], 0, '#123456', 'en-US');
    expect(option.series).toEqual([expect.objectContaining({ type: 'line', step: 'end', data: [[1, 100]] })]);
  });

  test('its tooltip gives the exact balance in the locale', () => {
    const entry: LedgerEntry = {
      sequence: 0, atMs: 1, kind: 'grant', grantId: 1, grantKind: null, featureKey: null, unitsMicros: 0, credits: 123_456_789,
      cashMicros: 0, revenueMicros: 0, breakageMicros: 0, expiresAtMs: null, balanceAfter: 123_456_789,
    };
    const series = balanceChartOption([entry], 2, '#123456', 'de-DE').series as Array<{ tooltip: { valueFormatter: ValueFormatter } }>;
    expect(series[0].tooltip.valueFormatter(1_234_567.89, 0)).toBe('1.234.567,89');
  });
});
