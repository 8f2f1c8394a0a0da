// Replay reports as CSV, one section at a time (features, customers or months), one row per item per book.
// Every figure is exact decimal text (nothing is rounded); a missing figure (null) is an empty field. Fields are
// quoted as RFC 4180 asks; lines end in "\n", and the text ends with one. Same reports → same bytes.

import { formatCredits, formatMoneyExact, formatUnits } from './report-amount-text';
import type { CustomerReport, FeatureReport, MonthReport, ReplayReport } from './report-model';

export type CsvSection = 'features' | 'customers' | 'months';

export const CSV_SECTIONS: readonly CsvSection[] = ['features', 'customers', 'months'];

interface CsvColumn<Row> {
  header: string;
  value: (row: Row, report: ReplayReport) => string;
}

const BOOK_COLUMNS: readonly CsvColumn<unknown>[] = [
  { header: 'book_id', value: (_row, report) => report.book.id },
  { header: 'book_name', value: (_row, report) => report.book.name },
  { header: 'book_version', value: (_row, report) => report.book.version ?? '' },
  { header: 'book_hash', value: (_row, report) => report.book.contentHash },
  { header: 'currency', value: (_row, report) => report.currency },
];

const money = (micros: number, report: ReplayReport): string => formatMoneyExact(micros, report.currency);
const optionalMoney = (micros: number | null, report: ReplayReport): string =>
  micros === null ? '' : money(micros, report);
const credits = (value: number, report: ReplayReport): string => formatCredits(value, report.creditDecimals);

const FEATURE_COLUMNS: readonly CsvColumn<FeatureReport>[] = [
  { header: 'feature_key', value: (f) => f.key },
  { header: 'feature_name', value: (f) => f.name },
  { header: 'unit_label', value: (f) => f.unitLabel },
  { header: 'events', value: (f) => String(f.events) },
  { header: 'units', value: (f) => formatUnits(f.unitsMicros) },
  { header: 'credits_burned', value: (f, r) => credits(f.creditsBurned, r) },
  { header: 'revenue', value: (f, r) => money(f.revenueMicros, r) },
  { header: 'effective_price_per_unit', value: (f) => f.effectivePricePerUnit ?? '' },
  { header: 'blocked_events', value: (f) => String(f.blockedEvents) },
  { header: 'blocked_units', value: (f) => formatUnits(f.blockedUnitsMicros) },
  { header: 'cost', value: (f, r) => optionalMoney(f.costMicros, r) },
  { header: 'margin', value: (f, r) => optionalMoney(f.marginMicros, r) },
];

const CUSTOMER_COLUMNS: readonly CsvColumn<CustomerReport>[] = [
  { header: 'customer_id', value: (c) => c.id },
  { header: 'plan_key', value: (c) => c.planKey },
  { header: 'segment', value: (c) => c.segment },
  { header: 'cash', value: (c, r) => money(c.cashMicros, r) },
  { header: 'fees', value: (c, r) => money(c.feesMicros, r) },
  { header: 'packs', value: (c, r) => money(c.packsMicros, r) },
  { header: 'overage', value: (c, r) => money(c.overageMicros, r) },
  { header: 'credits_granted_included', value: (c, r) => credits(c.creditsGrantedIncluded, r) },
  { header: 'credits_granted_purchased', value: (c, r) => credits(c.creditsGrantedPurchased, r) },
  { header: 'credits_granted_promotional', value: (c, r) => credits(c.creditsGrantedPromotional, r) },
  { header: 'credits_granted_adjustment', value: (c, r) => credits(c.creditsGrantedAdjustment, r) },
  { header: 'credits_burned', value: (c, r) => credits(c.creditsBurned, r) },
  { header: 'credits_expired', value: (c, r) => credits(c.creditsExpired, r) },
  { header: 'credits_rolled_over', value: (c, r) => credits(c.creditsRolledOver, r) },
  { header: 'credits_voided', value: (c, r) => credits(c.creditsVoided, r) },
  { header: 'credits_overage', value: (c, r) => credits(c.creditsOverage, r) },
  { header: 'credits_ending_balance', value: (c, r) => credits(c.creditsEndingBalance, r) },
  { header: 'credits_negative_balance', value: (c, r) => credits(c.creditsNegativeBalance, r) },
  { header: 'blocked_events', value: (c) => String(c.blockedEvents) },
  { header: 'blocked_units', value: (c) => formatUnits(c.blockedUnitsMicros) },
  { header: 'ran_dry', value: (c) => (c.ranDry ? 'true' : 'false') },
  { header: 'bill_change', value: (c, r) => optionalMoney(c.billChangeMicros, r) },
  { header: 'bill_change_percent', value: (c) => c.billChangePercent ?? '' },
];

const MONTH_COLUMNS: readonly CsvColumn<MonthReport>[] = [
  { header: 'month', value: (m) => m.month },
  { header: 'cash', value: (m, r) => money(m.cashMicros, r) },
  { header: 'recognised_revenue', value: (m, r) => money(m.recognisedRevenueMicros, r) },
  { header: 'breakage', value: (m, r) => money(m.breakageMicros, r) },
  { header: 'opening_liability', value: (m, r) => money(m.openingLiabilityMicros, r) },
  { header: 'issued', value: (m, r) => money(m.issuedMicros, r) },
  { header: 'recognised_from_credits', value: (m, r) => money(m.recognisedFromCreditsMicros, r) },
  { header: 'refunded', value: (m, r) => money(m.refundedMicros, r) },
  { header: 'closing_liability', value: (m, r) => money(m.closingLiabilityMicros, r) },
  { header: 'liability_within_30_days', value: (m, r) => money(m.liabilityByExpiry.within30DaysMicros, r) },
  { header: 'liability_31_to_90_days', value: (m, r) => money(m.liabilityByExpiry.days31To90Micros, r) },
  { header: 'liability_91_to_365_days', value: (m, r) => money(m.liabilityByExpiry.days91To365Micros, r) },
  { header: 'liability_over_365_days', value: (m, r) => money(m.liabilityByExpiry.over365DaysMicros, r) },
  { header: 'liability_never_expiring', value: (m, r) => money(m.liabilityByExpiry.neverMicros, r) },
  { header: 'credits_outstanding', value: (m, r) => credits(m.creditsOutstanding, r) },
];

/** One section of every report as CSV text: a header line, then the rows of each report in the order given. */
export function renderReportsCsv(reports: readonly ReplayReport[], section: CsvSection): string {
  switch (section) {
    case 'features':
      return renderRows(reports, FEATURE_COLUMNS, (report) => report.features);
    case 'customers':
      return renderRows(reports, CUSTOMER_COLUMNS, (report) => report.customers);
    case 'months':
      return renderRows(reports, MONTH_COLUMNS, (report) => report.months);
  }
}

function renderRows<Row>(
  reports: readonly ReplayReport[],
  columns: readonly CsvColumn<Row>[],
  rowsOf: (report: ReplayReport) => readonly Row[],
): string {
  const all: readonly CsvColumn<Row>[] = [...BOOK_COLUMNS, ...columns];
  const lines = [all.map((column) => escapeCsvField(column.header)).join(',')];
  for (const report of reports) {
    for (const row of rowsOf(report)) {
      lines.push(all.map((column) => escapeCsvField(column.value(row, report))).join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** RFC 4180: a field holding a comma, a double quote or a line break is quoted, with inner quotes doubled. */
export function escapeCsvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
