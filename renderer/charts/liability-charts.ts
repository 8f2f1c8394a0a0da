// Finance charts of one book's replay: the liability roll-forward as a waterfall (opening + issued − recognised −
// breakage − refunded = closing, for one month or the whole window) and the closing liability of each month stacked
// by time to expiry. The roll-forward is summed on the report's integer micros; the chart draws currency units, while
// labels and tooltips write the exact micros in the locale given.

import type { EChartsOption } from 'echarts';
import type { MonthReport } from '../../core/engine/report/report-model';
import { formatAxisValue, formatMoney } from '../components/amount-format';

export interface RollForward {
  openingMicros: number;
  issuedMicros: number;
  recognisedMicros: number;
  breakageMicros: number;
  refundedMicros: number;
  closingMicros: number;
}

/** The roll-forward over consecutive months: the first month's opening, the sums of the flows, the last closing. */
export function rollForward(months: readonly MonthReport[]): RollForward {
  if (months.length === 0) return { openingMicros: 0, issuedMicros: 0, recognisedMicros: 0, breakageMicros: 0, refundedMicros: 0, closingMicros: 0 };
  const sum = (pick: (month: MonthReport) => number): number => months.reduce((total, month) => total + pick(month), 0);
  const flows: RollForward = {
    openingMicros: months[0].openingLiabilityMicros,
    issuedMicros: sum((month) => month.issuedMicros),
    recognisedMicros: sum((month) => month.recognisedFromCreditsMicros),
    breakageMicros: sum((month) => month.breakageMicros),
    refundedMicros: sum((month) => month.refundedMicros),
    closingMicros: months[months.length - 1].closingLiabilityMicros,
  };
  const rolled = flows.openingMicros + flows.issuedMicros - flows.recognisedMicros - flows.breakageMicros - flows.refundedMicros;
  // The report's months roll forward exactly; a gap means the months given are not consecutive.
  if (rolled !== flows.closingMicros) throw new Error(`invariant: the roll-forward gives ${rolled}, not the closing ${flows.closingMicros}`);
  return flows;
}

export interface WaterfallStep {
  label: string;
  /** Where the bar starts and how tall it is, in micros; `sign` says whether it adds, takes away or is a total. */
  baseMicros: number;
  heightMicros: number;
  sign: 'total' | 'up' | 'down';
}

export function waterfallSteps(flows: RollForward): WaterfallStep[] {
  const steps: WaterfallStep[] = [{ label: 'Opening', baseMicros: 0, heightMicros: flows.openingMicros, sign: 'total' }];
  let level = flows.openingMicros;
  const move = (label: string, micros: number, sign: 'up' | 'down'): void => {
    const next = sign === 'up' ? level + micros : level - micros;
    steps.push({ label, baseMicros: Math.min(level, next), heightMicros: micros, sign });
    level = next;
  };
  move('Issued', flows.issuedMicros, 'up');
  move('Recognised', flows.recognisedMicros, 'down');
  move('Breakage', flows.breakageMicros, 'down');
  move('Refunded', flows.refundedMicros, 'down');
  steps.push({ label: 'Closing', baseMicros: 0, heightMicros: flows.closingMicros, sign: 'total' });
  return steps;
}

const SIGN_COLOURS = { total: '#2a5bd7', up: '#1f9d6b', down: '#c2410c' } as const;
const MICROS = 1_000_000;

export function waterfallOption(steps: readonly WaterfallStep[], currency: string, locale: string): EChartsOption {
  const money = (micros: number): string => formatMoney(micros, currency, locale);
  return {
    animation: false,
    grid: { left: 80, right: 20, top: 20, bottom: 30 },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'category', data: steps.map((step) => step.label), axisLabel: { interval: 0, fontSize: 10 } },
    yAxis: { type: 'value', name: currency, axisLabel: { formatter: (value: number) => formatAxisValue(value, locale) } },
    series: [
      // The invisible base lifts each step to where the liability stood before it.
      { type: 'bar', stack: 'flow', silent: true, itemStyle: { color: 'transparent' }, data: steps.map((step) => step.baseMicros / MICROS) },
      {
        type: 'bar',
        stack: 'flow',
        name: 'Liability',
        label: { show: true, position: 'top', formatter: (params: { dataIndex: number }) => money(steps[params.dataIndex].heightMicros), fontSize: 10 },
        tooltip: { valueFormatter: (_value: unknown, dataIndex: number) => money(steps[dataIndex]?.heightMicros ?? 0) },
        data: steps.map((step) => ({ value: step.heightMicros / MICROS, itemStyle: { color: SIGN_COLOURS[step.sign] } })),
      },
    ],
  };
}

export const EXPIRY_BUCKETS = [
  { key: 'within30DaysMicros', label: 'Expires within 30 days', colour: '#c2410c' },
  { key: 'days31To90Micros', label: '31–90 days', colour: '#d9822b' },
  { key: 'days91To365Micros', label: '91–365 days', colour: '#e8b949' },
  { key: 'over365DaysMicros', label: 'Over a year', colour: '#2a5bd7' },
  { key: 'neverMicros', label: 'Never expires', colour: '#6b7280' },
] as const;

export function liabilityByExpiryOption(months: readonly MonthReport[], currency: string, locale: string): EChartsOption {
  return {
    animation: false,
    grid: { left: 80, right: 20, top: 40, bottom: 30 },
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: months.map((month) => month.month) },
    yAxis: { type: 'value', name: currency, axisLabel: { formatter: (value: number) => formatAxisValue(value, locale) } },
    series: EXPIRY_BUCKETS.map((bucket) => ({
      type: 'bar',
      stack: 'liability',
      name: bucket.label,
      itemStyle: { color: bucket.colour },
      tooltip: { valueFormatter: (_value: unknown, dataIndex: number) => formatMoney(months[dataIndex]?.liabilityByExpiry[bucket.key] ?? 0, currency, locale) },
      data: months.map((month) => month.liabilityByExpiry[bucket.key] / MICROS),
    })),
  };
}
