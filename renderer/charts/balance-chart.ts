// One customer's credit balance over time under one book: a step line through the balance after each ledger entry.
// Credits are plotted in whole credits (the chart's only use of floats); the tooltip and the ledger table show them
// exactly, in the locale given.

import type { EChartsOption } from 'echarts';
import type { LedgerEntry } from '../../core/engine/replay/replay-types';
import { formatAxisValue, formatCreditAmount } from '../components/amount-format';

export function balancePoints(entries: readonly LedgerEntry[], creditDecimals: number): Array<[number, number]> {
  const scale = 10 ** creditDecimals;
  return entries.map((entry) => [entry.atMs, entry.balanceAfter / scale]);
}

export function balanceChartOption(entries: readonly LedgerEntry[], creditDecimals: number, colour: string, locale: string): EChartsOption {
  return {
    animation: false,
    grid: { left: 70, right: 20, top: 20, bottom: 40 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', name: 'Credits', axisLabel: { formatter: (value: number) => formatAxisValue(value, locale) } },
    series: [
      {
        type: 'line',
        name: 'Balance',
        step: 'end',
        showSymbol: false,
        lineStyle: { color: colour },
        itemStyle: { color: colour },
        areaStyle: { color: colour, opacity: 0.08 },
        tooltip: { valueFormatter: (_value: unknown, dataIndex: number) => formatCreditAmount(entries[dataIndex]?.balanceAfter ?? 0, creditDecimals, locale) },
        data: balancePoints(entries, creditDecimals),
      },
    ],
  };
}
