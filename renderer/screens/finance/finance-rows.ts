// The Finance screen's tables as text: totals per book, and one book's months (cash, recognised revenue, breakage
// and the liability roll-forward), read from the reports core computed, in the locale given (PLAIN_NUMBERS for the
// CSV files).

import type { ReplayReport } from '../../../core/engine/report/report-model';
import { formatMoney, type NumberLocale } from '../../components/amount-format';

export function financeTotalsRows(reports: readonly ReplayReport[], locale: NumberLocale): string[][] {
  const money = (report: ReplayReport, micros: number): string => formatMoney(micros, report.currency, locale);
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

export function financeMonthRows(report: ReplayReport, locale: NumberLocale): string[][] {
  const money = (micros: number): string => formatMoney(micros, report.currency, locale);
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
