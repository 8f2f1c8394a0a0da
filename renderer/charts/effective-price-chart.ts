// Effective price per feature, one group of bars per feature and one bar per book. The report's prices are exact
// decimal strings; the chart's bar heights are plotted numbers (only the drawing uses floats), while tooltips and
// tables show the exact text, in the locale given; only the axis ticks are written from plotted numbers.

import type { EChartsOption } from 'echarts';
import type { ReplayReport } from '../../core/engine/report/report-model';
import { formatAxisValue, formatPricePerUnit } from '../components/amount-format';
import { bookColour } from './chart-palette';

export interface EffectivePriceRow {
  featureKey: string;
  featureName: string;
  unitLabel: string;
  /** One per book, in the reports' order; null where the book saw no units of the feature. */
  prices: Array<string | null>;
}

/** The features of the first report, in its order, with each book's price (a book without the feature: null). */
export function effectivePriceRows(reports: readonly ReplayReport[]): EffectivePriceRow[] {
  if (reports.length === 0) return [];
  return reports[0].features.map((feature) => ({
    featureKey: feature.key,
    featureName: feature.name,
    unitLabel: feature.unitLabel,
    prices: reports.map((report) => report.features.find((other) => other.key === feature.key)?.effectivePricePerUnit ?? null),
  }));
}

/**
 * Each book's effective price of a feature as an index of the baseline's (baseline = 100), or null when either saw no
 * units of it. Features' prices differ by orders of magnitude (a token against a GPU minute), so bars of the prices
 * themselves hide every change but the dearest feature's; the index shows each feature's change at the same scale.
 * A plotted number only: the exact prices are the table's and the tooltip's.
 */
export function priceIndex(price: string | null, baselinePrice: string | null): number | null {
  if (price === null || baselinePrice === null || Number(baselinePrice) === 0) return null;
  return (Number(price) / Number(baselinePrice)) * 100;
}

export function effectivePriceChartOption(reports: readonly ReplayReport[], bookLabels: readonly string[], locale: string): EChartsOption {
  const rows = effectivePriceRows(reports);
  const currency = reports[0]?.currency ?? '';
  return {
    animation: false,
    // Room above the plot for the legend, and below it for the axis's name, so neither covers the other.
    grid: { left: 70, right: 20, top: 60, bottom: 80 },
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category',
      data: rows.map((row) => `${row.featureName}\n(per ${row.unitLabel})`),
      // An explicit line height: without it the two lines of a label are drawn over each other.
      axisLabel: { interval: 0, fontSize: 10, lineHeight: 14, width: 110, overflow: 'break' },
    },
    yAxis: {
      type: 'value',
      name: 'Effective price, baseline = 100',
      nameGap: 12,
      nameTextStyle: { align: 'left' },
      axisLabel: { formatter: (value: number) => formatAxisValue(value, locale) },
    },
    series: bookLabels.map((label, index) => ({
      type: 'bar',
      name: label,
      itemStyle: { color: bookColour(index) },
      // The bar's height is a plotted index; its tooltip is the report's exact price.
      tooltip: { valueFormatter: (_value: unknown, dataIndex: number) => formatPricePerUnit(rows[dataIndex]?.prices[index] ?? null, currency, locale) },
      data: rows.map((row) => priceIndex(row.prices[index], row.prices[0])),
    })),
  };
}
