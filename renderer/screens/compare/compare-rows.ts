// The Compare screen's tables as rows of text, read from the reports core computed: headline figures side by side,
// effective price per feature, and one row per customer of the baseline against one candidate. Money is written with
// the book's currency; counts and percents exactly as the report has them, all in the locale given (PLAIN_NUMBERS for
// the CSV files).

import type { ReplayReport } from '../../../core/engine/report/report-model';
import { percentChangeText } from '../../../core/engine/report/ratio-text';
import {
  formatCount,
  formatMoney,
  formatMoneyChange,
  formatPercentText,
  formatPricePerUnit,
  noFigure,
  PLAIN_NUMBERS,
  type NumberLocale,
} from '../../components/amount-format';
import type { TableColumn } from '../../components/table-columns';
import { effectivePriceRows } from '../../charts/effective-price-chart';

export interface FigureRow {
  figure: string;
  /** One per book, baseline first. */
  values: string[];
}

/** The headline figures of each book: what a pricing or finance person reads first. */
export function headlineRows(reports: readonly ReplayReport[], locale: NumberLocale): FigureRow[] {
  const NOT_APPLICABLE = noFigure(locale);
  const money = (report: ReplayReport, micros: number): string => formatMoney(micros, report.currency, locale);
  const baselineCash = reports[0]?.totals.cashMicros ?? 0;
  const rows: Array<[string, (report: ReplayReport, index: number) => string]> = [
    ['Cash paid', (r) => money(r, r.totals.cashMicros)],
    ['Change vs baseline', (r, i) => (i === 0 || r.totals.billChangeMicros === null ? NOT_APPLICABLE : formatMoneyChange(r.totals.billChangeMicros, r.currency, locale))],
    ['Change vs baseline, %', (r, i) => (i === 0 || r.totals.billChangeMicros === null ? NOT_APPLICABLE : formatPercentText(percentChangeText(r.totals.billChangeMicros, baselineCash), locale))],
    ['Recognised revenue', (r) => money(r, r.totals.recognisedRevenueMicros)],
    ['Breakage', (r) => money(r, r.totals.breakageMicros)],
    ['Closing liability', (r) => money(r, r.totals.closingLiabilityMicros)],
    ['Customers paying more', (r, i) => (i === 0 || r.totals.customersPayingMore === null ? NOT_APPLICABLE : formatCount(r.totals.customersPayingMore, locale))],
    ['Customers paying less', (r, i) => (i === 0 || r.totals.customersPayingLess === null ? NOT_APPLICABLE : formatCount(r.totals.customersPayingLess, locale))],
    ['Customers blocked', (r) => formatCount(r.totals.blockedCustomers, locale)],
    ['Customers who ran dry', (r) => formatCount(r.totals.customersRanDry, locale)],
  ];
  return rows.map(([figure, value]) => ({ figure, values: reports.map((report, index) => value(report, index)) }));
}

export interface PriceRow {
  feature: string;
  unit: string;
  values: string[];
}

export function priceRows(reports: readonly ReplayReport[], locale: NumberLocale): PriceRow[] {
  const currency = reports[0]?.currency ?? '';
  return effectivePriceRows(reports).map((row) => ({
    feature: row.featureName,
    unit: row.unitLabel,
    values: row.prices.map((price) => formatPricePerUnit(price, currency, locale)),
  }));
}

export interface CustomerRow {
  id: string;
  planKey: string;
  segment: string;
  baselineCashMicros: number;
  cashMicros: number;
  changeMicros: number | null;
  changePercent: string | null;
  blockedEvents: number;
  ranDry: boolean;
}

/** One row per customer of the baseline, against the candidate at `candidateIndex` (≥ 1) of the reports. */
export function customerRows(reports: readonly ReplayReport[], candidateIndex: number): CustomerRow[] {
  const baseline = reports[0];
  const candidate = reports[candidateIndex];
  if (baseline === undefined || candidate === undefined) return [];
  // Both replays walk the same dataset, so customers line up by position; ids are checked, not assumed.
  const aligned = candidate.customers.length === baseline.customers.length && candidate.customers.every((customer, i) => customer.id === baseline.customers[i].id);
  const byId = aligned ? null : new Map(candidate.customers.map((customer) => [customer.id, customer]));
  return baseline.customers.flatMap((base, i) => {
    const other = byId === null ? candidate.customers[i] : byId.get(base.id);
    if (other === undefined) return [];
    return [
      {
        id: base.id,
        planKey: base.planKey,
        segment: base.segment,
        baselineCashMicros: base.cashMicros,
        cashMicros: other.cashMicros,
        changeMicros: other.billChangeMicros,
        changePercent: other.billChangePercent,
        blockedEvents: other.blockedEvents,
        ranDry: other.ranDry,
      },
    ];
  });
}

/** The per-customer table's columns for a currency and locale; memoise on both. The CSV cells use plain numbers. */
export function customerColumns(currency: string, locale: NumberLocale): TableColumn<CustomerRow>[] {
  const change = (row: CustomerRow, writing: NumberLocale): string =>
    row.changeMicros === null ? noFigure(writing) : formatMoneyChange(row.changeMicros, currency, writing);
  return [
    { id: 'id', header: 'Customer', text: (row) => row.id, filterable: true, width: 130 },
    { id: 'plan', header: 'Plan', text: (row) => (row.planKey === '' ? '(no plan)' : row.planKey), filterable: true, width: 100 },
    { id: 'segment', header: 'Segment', text: (row) => row.segment, filterable: true, width: 100 },
    {
      id: 'baseline',
      header: 'Baseline cash',
      text: (row) => formatMoney(row.baselineCashMicros, currency, locale),
      csv: (row) => formatMoney(row.baselineCashMicros, currency, PLAIN_NUMBERS),
      sortValue: (row) => row.baselineCashMicros,
      align: 'right',
    },
    {
      id: 'cash',
      header: 'Candidate cash',
      text: (row) => formatMoney(row.cashMicros, currency, locale),
      csv: (row) => formatMoney(row.cashMicros, currency, PLAIN_NUMBERS),
      sortValue: (row) => row.cashMicros,
      align: 'right',
    },
    { id: 'change', header: 'Change', text: (row) => change(row, locale), csv: (row) => change(row, PLAIN_NUMBERS), sortValue: (row) => row.changeMicros, align: 'right' },
    {
      id: 'percent',
      header: 'Change %',
      text: (row) => formatPercentText(row.changePercent, locale),
      csv: (row) => formatPercentText(row.changePercent, PLAIN_NUMBERS),
      sortValue: (row) => (row.changePercent === null ? null : Number(row.changePercent)),
      align: 'right',
      width: 90,
    },
    {
      id: 'blocked',
      header: 'Blocked',
      text: (row) => formatCount(row.blockedEvents, locale),
      csv: (row) => String(row.blockedEvents),
      sortValue: (row) => row.blockedEvents,
      align: 'right',
      width: 80,
    },
    { id: 'dry', header: 'Ran dry', text: (row) => (row.ranDry ? 'yes' : 'no'), width: 70 },
  ];
}
