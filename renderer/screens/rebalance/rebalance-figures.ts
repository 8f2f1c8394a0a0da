// The figures the Rebalance screen sets side by side: the baseline as saved and each rebalanced book, every number
// read from core's reports and written by core's amount text (money rounded half away from zero to the currency's
// minor unit, credits at the book's precision). Changes against the baseline are exact percent texts from core.

import { percentChangeText } from '../../../core/engine/price-book/diff';
import { MONEY_DECIMALS } from '../../../core/engine/decimal/scales';
import { formatCredits, formatMoneyRounded, groupThousands } from '../../../core/engine/report/report-amount-text';
import type { ReplayReport, ReportTotals } from '../../../core/engine/report/report-model';

export interface FigureRow {
  label: string;
  /** One text per report, baseline first; "—" where a figure does not apply (a change of the baseline itself). */
  values: string[];
}

function money(micros: number, currency: string): string {
  return `${groupThousands(formatMoneyRounded(micros, currency))} ${currency}`;
}

function count(value: number | null): string {
  return value === null ? '—' : groupThousands(String(value));
}

/** "+1,234.50 USD (+2.31%)": the change of a money total against the baseline's, with its exact percent. */
function moneyChange(baseline: number, value: number, currency: string): string {
  const change = value - baseline;
  const sign = change > 0 ? '+' : '';
  const percent = percentChangeText({ digits: BigInt(baseline), decimals: MONEY_DECIMALS }, { digits: BigInt(value), decimals: MONEY_DECIMALS });
  return `${sign}${money(change, currency)}${percent === null ? '' : ` (${percent})`}`;
}

const MONEY_TOTALS: ReadonlyArray<{ label: string; field: keyof ReportTotals }> = [
  { label: 'Cash collected', field: 'cashMicros' },
  { label: 'Recognised revenue', field: 'recognisedRevenueMicros' },
  { label: 'Breakage', field: 'breakageMicros' },
  { label: 'Closing liability', field: 'closingLiabilityMicros' },
];

/** Headline rows, then credits burned and revenue of each of the baseline's features. */
export function rebalanceFigures(reports: readonly ReplayReport[]): FigureRow[] {
  if (reports.length === 0) return [];
  const [baseline] = reports;
  const currency = baseline.currency;
  const rows: FigureRow[] = [];
  for (const { label, field } of MONEY_TOTALS) {
    rows.push({ label, values: reports.map((report) => money(report.totals[field] as number, report.currency)) });
    if (field === 'cashMicros') {
      rows.push({
        label: 'Cash change against the baseline',
        values: reports.map((report, index) => (index === 0 ? '—' : moneyChange(baseline.totals.cashMicros, report.totals.cashMicros, currency))),
      });
    }
  }
  rows.push(
    { label: 'Customers paying more', values: reports.map((report, index) => (index === 0 ? '—' : count(report.totals.customersPayingMore))) },
    { label: 'Customers paying less', values: reports.map((report, index) => (index === 0 ? '—' : count(report.totals.customersPayingLess))) },
    { label: 'Customers who ran dry', values: reports.map((report) => count(report.totals.customersRanDry)) },
    { label: 'Customers blocked', values: reports.map((report) => count(report.totals.blockedCustomers)) },
    { label: 'Credits burned', values: reports.map((report) => groupThousands(formatCredits(report.totals.creditsBurned, report.creditDecimals))) },
  );
  for (const feature of baseline.features) {
    const ofFeature = (report: ReplayReport) => report.features.find((candidate) => candidate.key === feature.key) ?? null;
    rows.push({
      label: `${feature.name}: credits burned`,
      values: reports.map((report) => {
        const found = ofFeature(report);
        return found === null ? '—' : groupThousands(formatCredits(found.creditsBurned, report.creditDecimals));
      }),
    });
    rows.push({
      label: `${feature.name}: revenue`,
      values: reports.map((report) => {
        const found = ofFeature(report);
        return found === null ? '—' : money(found.revenueMicros, report.currency);
      }),
    });
  }
  return rows;
}
