// The Finance screen's tables as text: totals per book, and one book's months (cash, recognised revenue, breakage
// and the liability roll-forward), read from the reports core computed.

import type { ReplayReport } from '../../../core/engine/report/report-model';
import { formatMoney } from '../../components/amount-format';

export function financeTotalsRows(reports: readonly ReplayReport[]): string[][] {
  const money = (report: ReplayReport, micros: number): string => formatMoney(micros, report.currency);
  const rows: Array<[string, (report: ReplayReport) => string]> = [
    ['Cash received', (r) => money(r, r.totals.cashMicros)],
    ['Recognised revenue', (r) => money(r, r.totals.recognisedRevenueMicros)],
    ['Breakage', (r) => money(r, r.totals.breakageMicros)],
    ['Recognised revenue and breakage', (r) => money(r, r.totals.recognisedRevenueMicros + r.totals.breakageMicros)],
    ['Closing liability', (r) => money(r, r.totals.closingLiabilityMicros)],
  ];
  return rows.map(([figure, value]) => [figure, ...reports.map(value)]);
}

export const MONTH_HEADER = [
  'Month',
  'Cash',
  'Recognised revenue',
  'Breakage',
  'Opening liability',
  'Issued',
  'Recognised from credits',
  'Refunded',
  'Closing liability',
] as const;

export function financeMonthRows(report: ReplayReport): string[][] {
  const money = (micros: number): string => formatMoney(micros, report.currency);
  return report.months.map((month) => [
    month.month,
    money(month.cashMicros),
    money(month.recognisedRevenueMicros),
    money(month.breakageMicros),
    money(month.openingLiabilityMicros),
    money(month.issuedMicros),
    money(month.recognisedFromCreditsMicros),
    money(month.refundedMicros),
    money(month.closingLiabilityMicros),
  ]);
}
