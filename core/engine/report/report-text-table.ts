// Replay reports as terminal text: one or more books side by side, then features, customers and months per book.
// Columns are aligned (numbers on their decimal point); money is rounded to the currency's minor unit for display
// (see report-amount-text.ts) while credits, units and counts are written exactly. Same reports → same text.

import {
  formatCredits,
  formatDecimalString,
  formatMoneyRounded,
  formatUnits,
  formatUtcDate,
  currencyMinorUnits,
  groupThousands,
} from './report-amount-text';
import type { CustomerReport, ReplayReport } from './report-model';

export type ColumnAlign = 'left' | 'right' | 'decimal';

export interface TextColumn {
  header: string;
  align: ColumnAlign;
}

export type TableSection = 'headline' | 'features' | 'customers' | 'months';

export const TABLE_SECTIONS: readonly TableSection[] = ['headline', 'features', 'customers', 'months'];

export interface ReportTableOptions {
  /** Sections to render, in this order; default all. */
  sections?: readonly TableSection[];
  /** How many customers the customer section lists per book; default 10. */
  topCustomers?: number;
}

const COLUMN_GAP = '  ';
const MISSING = '—';

// A number as the tables write it: sign, grouped digits, decimals, an optional percent sign.
const NUMBER_PATTERN = /^[+-]?\d[\d,]*(\.\d+)?%?$/;

/**
 * Lays rows out under headers with a rule line. In "decimal" columns numbers line up on the decimal point (a number
 * without one ends where the whole parts end) and any other text aligns right; trailing spaces are trimmed.
 */
export function layoutTextTable(columns: readonly TextColumn[], rows: readonly (readonly string[])[]): string {
  const padded = rows.map((row) => row.slice());
  columns.forEach((column, index) => {
    if (column.align !== 'decimal') return;
    const numbers = padded.map((row) => row[index] ?? '').filter((cell) => NUMBER_PATTERN.test(cell));
    const fractionWidth = Math.max(0, ...numbers.map(fractionLength));
    for (const row of padded) {
      const cell = row[index] ?? '';
      if (NUMBER_PATTERN.test(cell)) row[index] = cell + ' '.repeat(fractionWidth - fractionLength(cell));
    }
  });
  const widths = columns.map((column, index) =>
    Math.max(column.header.length, ...padded.map((row) => (row[index] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    columns
      .map((column, index) => {
        const cell = cells[index] ?? '';
        return column.align === 'left' ? cell.padEnd(widths[index]) : cell.padStart(widths[index]);
      })
      .join(COLUMN_GAP)
      .trimEnd();
  const header = line(columns.map((column) => column.header));
  const rule = widths.map((width) => '-'.repeat(width)).join(COLUMN_GAP);
  return [header, rule, ...padded.map(line)].join('\n');
}

function fractionLength(cell: string): number {
  const dot = cell.indexOf('.');
  return dot < 0 ? 0 : cell.length - dot;
}

/** The whole comparison as text, sections separated by a blank line, ending with a newline. */
export function renderReportsTable(reports: readonly ReplayReport[], options: ReportTableOptions = {}): string {
  if (reports.length === 0) return 'No reports.\n';
  const sections = options.sections ?? TABLE_SECTIONS;
  const topCustomers = options.topCustomers ?? 10;
  const blocks: string[] = [describeWindow(reports[0])];
  for (const section of sections) {
    if (section === 'headline') blocks.push(renderHeadline(reports));
    if (section === 'features') blocks.push(...reports.map(renderFeatures));
    if (section === 'customers') blocks.push(...reports.map((report) => renderCustomers(report, topCustomers)));
    if (section === 'months') blocks.push(...reports.map(renderMonths));
  }
  return `${blocks.join('\n\n')}\n`;
}

function describeWindow(report: ReplayReport): string {
  return (
    `Replay of ${count(report.customerCount)} customers and ${count(report.eventCount)} events, ` +
    `${formatUtcDate(report.fromMs)} to ${formatUtcDate(report.toMs)} (end exclusive)`
  );
}

interface HeadlineRow {
  label: string;
  value: (report: ReplayReport) => string;
}

const HEADLINE_ROWS: readonly HeadlineRow[] = [
  { label: 'Role', value: (r) => (r.baselineBook === null ? 'baseline' : `vs ${r.baselineBook.name}`) },
  { label: 'Version', value: (r) => r.book.version ?? MISSING },
  { label: 'Content hash', value: (r) => r.book.contentHash.slice(0, 12) },
  { label: 'Currency', value: (r) => r.currency },
  { label: 'Cash paid', value: (r) => money(r, r.totals.cashMicros) },
  { label: '  fees', value: (r) => money(r, r.totals.feesMicros) },
  { label: '  packs', value: (r) => money(r, r.totals.packsMicros) },
  { label: '  overage', value: (r) => money(r, r.totals.overageMicros) },
  { label: 'Recognised revenue', value: (r) => money(r, r.totals.recognisedRevenueMicros) },
  { label: 'Breakage', value: (r) => money(r, r.totals.breakageMicros) },
  { label: 'Closing liability', value: (r) => money(r, r.totals.closingLiabilityMicros) },
  { label: 'Credits granted', value: (r) => credits(r, r.totals.creditsGranted) },
  { label: 'Credits burned', value: (r) => credits(r, r.totals.creditsBurned) },
  { label: 'Credits expired', value: (r) => credits(r, r.totals.creditsExpired) },
  { label: 'Credits voided', value: (r) => credits(r, r.totals.creditsVoided) },
  { label: 'Credits outstanding', value: (r) => credits(r, r.totals.creditsOutstanding) },
  { label: 'Credits in negative balance', value: (r) => credits(r, r.totals.creditsNegativeBalance) },
  { label: 'Overage credits', value: (r) => credits(r, r.totals.creditsOverage) },
  { label: 'Blocked events', value: (r) => count(r.totals.blockedEvents) },
  { label: 'Blocked customers', value: (r) => count(r.totals.blockedCustomers) },
  { label: 'Customers who ran dry', value: (r) => count(r.totals.customersRanDry) },
  { label: 'Customers paying more', value: (r) => optionalCount(r.totals.customersPayingMore) },
  { label: 'Customers paying less', value: (r) => optionalCount(r.totals.customersPayingLess) },
  {
    label: 'Bill change vs baseline',
    value: (r) => (r.totals.billChangeMicros === null ? MISSING : signed(money(r, r.totals.billChangeMicros))),
  },
  {
    label: 'Reconciliation',
    value: (r) => (r.reconciliation.credits.holds && r.reconciliation.money.holds ? 'holds' : 'BROKEN'),
  },
];

function renderHeadline(reports: readonly ReplayReport[]): string {
  const columns: TextColumn[] = [
    { header: 'Headline', align: 'left' },
    ...reports.map((report): TextColumn => ({ header: report.book.name, align: 'decimal' })),
  ];
  const rows = HEADLINE_ROWS.map((row) => [row.label, ...reports.map(row.value)]);
  return layoutTextTable(columns, rows);
}

function renderFeatures(report: ReplayReport): string {
  const columns: TextColumn[] = [
    { header: 'Feature', align: 'left' },
    { header: 'Unit', align: 'left' },
    { header: 'Events', align: 'decimal' },
    { header: 'Units', align: 'decimal' },
    { header: 'Credits burned', align: 'decimal' },
    { header: `Revenue (${report.currency})`, align: 'decimal' },
    { header: 'Price / unit', align: 'decimal' },
    { header: 'Blocked units', align: 'decimal' },
    { header: 'Margin', align: 'decimal' },
  ];
  const rows = report.features.map((feature) => [
    feature.key,
    feature.unitLabel,
    count(feature.events),
    groupThousands(formatUnits(feature.unitsMicros)),
    credits(report, feature.creditsBurned),
    money(report, feature.revenueMicros),
    feature.effectivePricePerUnit === null
      ? MISSING
      : formatDecimalString(feature.effectivePricePerUnit, currencyMinorUnits(report.currency)),
    groupThousands(formatUnits(feature.blockedUnitsMicros)),
    feature.marginMicros === null ? MISSING : money(report, feature.marginMicros),
  ]);
  return `Features — ${report.book.name}\n${layoutTextTable(columns, rows)}`;
}

/**
 * Against a baseline: the customers whose bill moved most (largest absolute change first); for the baseline itself:
 * the customers who paid most. Ties fall to the customer id so the list is stable.
 */
export function selectTopCustomers(report: ReplayReport, limit: number): CustomerReport[] {
  const byId = (a: CustomerReport, b: CustomerReport): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  if (report.baselineBook === null) {
    return report.customers
      .slice()
      .sort((a, b) => b.cashMicros - a.cashMicros || byId(a, b))
      .slice(0, limit);
  }
  return report.customers
    .filter((customer) => customer.billChangeMicros !== null)
    .sort((a, b) => Math.abs(b.billChangeMicros ?? 0) - Math.abs(a.billChangeMicros ?? 0) || byId(a, b))
    .slice(0, limit);
}

function renderCustomers(report: ReplayReport, limit: number): string {
  const title =
    report.baselineBook === null
      ? `Top customers by cash paid — ${report.book.name}`
      : `Top customers by bill change — ${report.book.name} vs ${report.baselineBook.name}`;
  const columns: TextColumn[] = [
    { header: 'Customer', align: 'left' },
    { header: 'Plan', align: 'left' },
    { header: 'Segment', align: 'left' },
    { header: `Cash (${report.currency})`, align: 'decimal' },
    { header: 'Bill change', align: 'decimal' },
    { header: 'Change %', align: 'decimal' },
    { header: 'Credits burned', align: 'decimal' },
    { header: 'Blocked events', align: 'decimal' },
    { header: 'Ran dry', align: 'left' },
  ];
  const rows = selectTopCustomers(report, limit).map((customer) => [
    customer.id,
    customer.planKey === '' ? MISSING : customer.planKey,
    customer.segment === '' ? MISSING : customer.segment,
    money(report, customer.cashMicros),
    customer.billChangeMicros === null ? MISSING : signed(money(report, customer.billChangeMicros)),
    customer.billChangePercent === null ? MISSING : `${signed(customer.billChangePercent)}%`,
    credits(report, customer.creditsBurned),
    count(customer.blockedEvents),
    customer.ranDry ? 'yes' : 'no',
  ]);
  return `${title}\n${layoutTextTable(columns, rows)}`;
}

function renderMonths(report: ReplayReport): string {
  const columns: TextColumn[] = [
    { header: 'Month', align: 'left' },
    { header: `Cash (${report.currency})`, align: 'decimal' },
    { header: 'Revenue', align: 'decimal' },
    { header: 'Breakage', align: 'decimal' },
    { header: 'Liability', align: 'decimal' },
    { header: '≤30 d', align: 'decimal' },
    { header: '31–90 d', align: 'decimal' },
    { header: '91–365 d', align: 'decimal' },
    { header: '>365 d', align: 'decimal' },
    { header: 'Never', align: 'decimal' },
    { header: 'Credits outstanding', align: 'decimal' },
  ];
  const rows = report.months.map((month) => [
    month.month,
    money(report, month.cashMicros),
    money(report, month.recognisedRevenueMicros),
    money(report, month.breakageMicros),
    money(report, month.closingLiabilityMicros),
    money(report, month.liabilityByExpiry.within30DaysMicros),
    money(report, month.liabilityByExpiry.days31To90Micros),
    money(report, month.liabilityByExpiry.days91To365Micros),
    money(report, month.liabilityByExpiry.over365DaysMicros),
    money(report, month.liabilityByExpiry.neverMicros),
    credits(report, month.creditsOutstanding),
  ]);
  return `Months — ${report.book.name}\n${layoutTextTable(columns, rows)}`;
}

function money(report: ReplayReport, micros: number): string {
  return groupThousands(formatMoneyRounded(micros, report.currency));
}

function credits(report: ReplayReport, value: number): string {
  return groupThousands(formatCredits(value, report.creditDecimals));
}

function count(value: number): string {
  return groupThousands(String(value));
}

function optionalCount(value: number | null): string {
  return value === null ? MISSING : count(value);
}

/** A leading "+" on positive figures so a change reads as one; zero, negatives and signed text are left as they are. */
function signed(text: string): string {
  return !/^[+-]/.test(text) && /[1-9]/.test(text) ? `+${text}` : text;
}
