// The figures the Rebalance screen sets side by side: the baseline as saved and each rebalanced book, every number
// read from core's reports and written by core's amount text (money rounded half away from zero to the currency's
// minor unit, credits at the book's precision), dressed in the user's locale. Changes against the baseline are exact
// percent texts from core.

import { percentChangeText } from '../../../core/engine/price-book/diff';
import { MONEY_DECIMALS } from '../../../core/engine/decimal/scales';
import type { ReplayReport, ReportTotals } from '../../../core/engine/report/report-model';
import { formatCount, formatCreditAmount, formatMoney, formatMoneyChange, formatPercentText, noFigure, type NumberLocale } from '../../components/amount-format';

export interface FigureRow {
  label: string;
  /** One text per report, baseline first; "—" where a figure does not apply (a change of the baseline itself). */
  values: string[];
}

function count(value: number | null, locale: NumberLocale): string {
  return value === null ? noFigure(locale) : formatCount(value, locale);
}

/** "+$1,234.50 (+2.31%)": the change of a money total against the baseline's, with its exact percent. */
function moneyChange(baseline: number, value: number, currency: string, locale: NumberLocale): string {
  const percent = percentChangeText({ digits: BigInt(baseline), decimals: MONEY_DECIMALS }, { digits: BigInt(value), decimals: MONEY_DECIMALS });
  return `${formatMoneyChange(value - baseline, currency, locale)}${percent === null ? '' : ` (${formatPercentText(percent, locale)})`}`;
}

const MONEY_TOTALS: ReadonlyArray<{ label: string; field: keyof ReportTotals }> = [
  { label: 'Cash collected', field: 'cashMicros' },
  { label: 'Recognised revenue', field: 'recognisedRevenueMicros' },
  { label: 'Breakage', field: 'breakageMicros' },
  { label: 'Closing liability', field: 'closingLiabilityMicros' },
];

/** Headline rows, then credits burned and revenue of each of the baseline's features. */
export function rebalanceFigures(reports: readonly ReplayReport[], locale: NumberLocale): FigureRow[] {
  if (reports.length === 0) return [];
  const [baseline] = reports;
  const currency = baseline.currency;
  const none = noFigure(locale);
  const rows: FigureRow[] = [];
  for (const { label, field } of MONEY_TOTALS) {
    rows.push({ label, values: reports.map((report) => formatMoney(report.totals[field] as number, report.currency, locale)) });
    if (field === 'cashMicros') {
      rows.push({
        label: 'Cash change against the baseline',
        values: reports.map((report, index) => (index === 0 ? none : moneyChange(baseline.totals.cashMicros, report.totals.cashMicros, currency, locale))),
      });
    }
  }
  rows.push(
    { label: 'Customers paying more', values: reports.map((report, index) => (index === 0 ? none : count(report.totals.customersPayingMore, locale))) },
    { label: 'Customers paying less', values: reports.map((report, index) => (index === 0 ? none : count(report.totals.customersPayingLess, locale))) },
    { label: 'Customers who ran dry', values: reports.map((report) => count(report.totals.customersRanDry, locale)) },
    { label: 'Customers blocked', values: reports.map((report) => count(report.totals.blockedCustomers, locale)) },
    { label: 'Credits burned', values: reports.map((report) => formatCreditAmount(report.totals.creditsBurned, report.creditDecimals, locale)) },
  );
  for (const feature of baseline.features) {
    const ofFeature = (report: ReplayReport) => report.features.find((candidate) => candidate.key === feature.key) ?? null;
    rows.push({
      label: `${feature.name}: credits burned`,
      values: reports.map((report) => {
        const found = ofFeature(report);
        return found === null ? none : formatCreditAmount(found.creditsBurned, report.creditDecimals, locale);
      }),
    });
    rows.push({
      label: `${feature.name}: revenue`,
      values: reports.map((report) => {
        const found = ofFeature(report);
        return found === null ? none : formatMoney(found.revenueMicros, report.currency, locale);
      }),
    });
  }
  return rows;
}
