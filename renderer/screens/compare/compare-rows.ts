// The Compare screen's tables as rows of text, read from the reports core computed: headline figures side by side,
// effective price per feature, and one row per customer of the baseline against one candidate. Money is written with
// the book's currency; counts and percents exactly as the report has them.

import type { ReplayReport } from '../../../core/engine/report/report-model';
import { percentChangeText } from '../../../core/engine/report/ratio-text';
import { formatCount, formatMoney, formatMoneyChange, formatPercentText, formatPricePerUnit } from '../../components/amount-format';
import type { TableColumn } from '../../components/table-columns';
import { effectivePriceRows } from '../../charts/effective-price-chart';

export interface FigureRow {
  figure: string;
  /** One per book, baseline first. */
  values: string[];
}

const NOT_APPLICABLE = '—';

/** The headline figures of each book: what a pricing or finance person reads first. */
export function headlineRows(reports: readonly ReplayReport[]): FigureRow[] {
  const money = (report: ReplayReport, micros: number): string => formatMoney(micros, report.currency);
  const baselineCash = reports[0]?.totals.cashMicros ?? 0;
  const rows: Array<[string, (report: ReplayReport, index: number) => string]> = [
    ['Cash paid', (r) => money(r, r.totals.cashMicros)],
    ['Change vs baseline', (r, i) => (i === 0 || r.totals.billChangeMicros === null ? NOT_APPLICABLE : formatMoneyChange(r.totals.billChangeMicros, r.currency))],
    ['Change vs baseline, %', (r, i) => (i === 0 || r.totals.billChangeMicros === null ? NOT_APPLICABLE : formatPercentText(percentChangeText(r.totals.billChangeMicros, baselineCash)))],
    ['Recognised revenue', (r) => money(r, r.totals.recognisedRevenueMicros)],
    ['Breakage', (r) => money(r, r.totals.breakageMicros)],
    ['Closing liability', (r) => money(r, r.totals.closingLiabilityMicros)],
    ['Customers paying more', (r, i) => (i === 0 || r.totals.customersPayingMore === null ? NOT_APPLICABLE : formatCount(r.totals.customersPayingMore))],
    ['Customers paying less', (r, i) => (i === 0 || r.totals.customersPayingLess === null ? NOT_APPLICABLE : formatCount(r.totals.customersPayingLess))],
    ['Customers blocked', (r) => formatCount(r.totals.blockedCustomers)],
    ['Customers who ran dry', (r) => formatCount(r.totals.customersRanDry)],
  ];
  return rows.map(([figure, value]) => ({ figure, values: reports.map((report, index) => value(report, index)) }));
}

export interface PriceRow {
  feature: string;
  unit: string;
  values: string[];
}

export function priceRows(reports: readonly ReplayReport[]): PriceRow[] {
  const currency = reports[0]?.currency ?? '';
  return effectivePriceRows(reports).map((row) => ({
    feature: row.featureName,
    unit: row.unitLabel,
    values: row.prices.map((price) => formatPricePerUnit(price, currency)),
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

/** The per-customer table's columns for a currency; memoise by currency. */
export function customerColumns(currency: string): TableColumn<CustomerRow>[] {
  return [
    { id: 'id', header: 'Customer', text: (row) => row.id, filterable: true, width: 130 },
    { id: 'plan', header: 'Plan', text: (row) => (row.planKey === '' ? '(no plan)' : row.planKey), filterable: true, width: 100 },
    { id: 'segment', header: 'Segment', text: (row) => row.segment, filterable: true, width: 100 },
    { id: 'baseline', header: 'Baseline cash', text: (row) => formatMoney(row.baselineCashMicros, currency), sortValue: (row) => row.baselineCashMicros, align: 'right' },
    { id: 'cash', header: 'Candidate cash', text: (row) => formatMoney(row.cashMicros, currency), sortValue: (row) => row.cashMicros, align: 'right' },
    {
      id: 'change',
      header: 'Change',
      text: (row) => (row.changeMicros === null ? NOT_APPLICABLE : formatMoneyChange(row.changeMicros, currency)),
      sortValue: (row) => row.changeMicros,
      align: 'right',
    },
    {
      id: 'percent',
      header: 'Change %',
      text: (row) => formatPercentText(row.changePercent),
      sortValue: (row) => (row.changePercent === null ? null : Number(row.changePercent)),
      align: 'right',
      width: 90,
    },
    { id: 'blocked', header: 'Blocked', text: (row) => formatCount(row.blockedEvents), sortValue: (row) => row.blockedEvents, align: 'right', width: 80 },
    { id: 'dry', header: 'Ran dry', text: (row) => (row.ranDry ? 'yes' : 'no'), width: 70 },
  ];
}
