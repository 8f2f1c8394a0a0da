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

export function effectivePriceChartOption(reports: readonly ReplayReport[], bookLabels: readonly string[], locale: string): EChartsOption {
  const rows = effectivePriceRows(reports);
  const currency = reports[0]?.currency ?? '';
  return {
    animation: false,
    grid: { left: 70, right: 20, top: 40, bottom: 80 },
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category',
      data: rows.map((row) => `${row.featureName}\n(per ${row.unitLabel})`),
      axisLabel: { interval: 0, fontSize: 10, width: 110, overflow: 'break' },
    },
    yAxis: {
      type: 'value',
      name: `${currency} per unit`,
      nameTextStyle: { align: 'left' },
      axisLabel: { formatter: (value: number) => formatAxisValue(value, locale) },
    },
    series: bookLabels.map((label, index) => ({
      type: 'bar',
      name: label,
      itemStyle: { color: bookColour(index) },
      // The bar's height is a plotted number; its tooltip is the report's exact price.
      tooltip: { valueFormatter: (_value: unknown, dataIndex: number) => formatPricePerUnit(rows[dataIndex]?.prices[index] ?? null, currency, locale) },
      data: rows.map((row) => (row.prices[index] === null ? null : Number(row.prices[index]))),
    })),
  };
}
