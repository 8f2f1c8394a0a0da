// How a candidate book changes each customer's bill, as counts of customers in bins of equal width. Bins are
// computed on the integer micros exactly (a customer on an edge belongs to the bin that starts there); the width is a
// round amount of money (1, 2 or 5 × a power of ten, never less than the currency's minor unit). Labels, axis and
// tooltips are written in the locale given.

import type { EChartsOption } from 'echarts';
import { currencyMinorUnits } from '../../core/engine/report/report-amount-text';
import type { ReplayReport } from '../../core/engine/report/report-model';
import { formatAxisValue, formatCount, formatMoney } from '../components/amount-format';
import { bookColour } from './chart-palette';

export interface BillChangeHistogram {
  /** Start of each bin in micros; bin i is [startMicros + i × widthMicros, start + (i + 1) × width). */
  startMicros: number;
  widthMicros: number;
  binCount: number;
  /** counts[c][i]: customers of candidate c in bin i. */
  counts: number[][];
}

const MONEY_SCALE = 1_000_000;

/** The smallest round width (1, 2, 5 × 10^k micros) at least `raw`, and at least one minor unit. */
export function roundBinWidth(rawMicros: number, minorUnitMicros: number): number {
  let power = minorUnitMicros;
  while (true) {
    for (const step of [1, 2, 5]) if (step * power >= rawMicros) return step * power;
    power *= 10;
  }
}

/** Bin index of `value` for bins of `width` starting at `start`, exact for integers below 2^53. */
function binOf(value: number, start: number, width: number): number {
  const offset = value - start;
  let index = Math.floor(offset / width);
  // Float division may land one off at an edge; the integer products below are exact and put it right.
  if (index * width > offset) index -= 1;
  if ((index + 1) * width <= offset) index += 1;
  return index;
}

/** Bill changes of the candidates (reports after the first), about `targetBins` bins wide in all. */
export function billChangeHistogram(reports: readonly ReplayReport[], targetBins = 24): BillChangeHistogram {
  const candidates = reports.slice(1);
  let min = Infinity;
  let max = -Infinity;
  for (const report of candidates) {
    for (const customer of report.customers) {
      const change = customer.billChangeMicros;
      if (change === null) continue;
      if (change < min) min = change;
      if (change > max) max = change;
    }
  }
  const currency = reports[0]?.currency ?? 'USD';
  const minorUnitMicros = MONEY_SCALE / 10 ** currencyMinorUnits(currency);
  if (min === Infinity) return { startMicros: 0, widthMicros: minorUnitMicros, binCount: 0, counts: candidates.map(() => []) };
  const widthMicros = roundBinWidth(Math.max(1, Math.ceil((max - min) / targetBins)), minorUnitMicros);
  // Edges on multiples of the width, so zero is always an edge: "no change" never shares a bin with a change.
  const startMicros = binOf(min, 0, widthMicros) * widthMicros;
  const binCount = binOf(max, startMicros, widthMicros) + 1;
  const counts = candidates.map((report) => {
    const bins = new Array<number>(binCount).fill(0);
    for (const customer of report.customers) {
      if (customer.billChangeMicros !== null) bins[binOf(customer.billChangeMicros, startMicros, widthMicros)] += 1;
    }
    return bins;
  });
  return { startMicros, widthMicros, binCount, counts };
}

export function billChangeHistogramOption(
  histogram: BillChangeHistogram,
  candidateLabels: readonly string[],
  currency: string,
  locale: string,
): EChartsOption {
  const labels = Array.from({ length: histogram.binCount }, (_, i) => formatMoney(histogram.startMicros + i * histogram.widthMicros, currency, locale));
  return {
    animation: false,
    grid: { left: 60, right: 20, top: 40, bottom: 60 },
    legend: { top: 0, type: 'scroll' },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value) => (typeof value === 'number' ? formatCount(value, locale) : String(value)),
    },
    xAxis: { type: 'category', data: labels, name: 'Bill change from (bin start)', nameLocation: 'middle', nameGap: 40, axisLabel: { fontSize: 10 } },
    yAxis: { type: 'value', name: 'Customers', minInterval: 1, axisLabel: { formatter: (value: number) => formatAxisValue(value, locale) } },
    series: candidateLabels.map((label, index) => ({
      type: 'bar',
      name: label,
      barGap: '0%',
      itemStyle: { color: bookColour(index + 1) },
      data: histogram.counts[index] ?? [],
    })),
  };
}
