// How a run's report is written in the workbook: the report's JSON with its per-customer rows turned into columns —
// each field's name once and its values in one array — instead of one object per customer repeating every name.
// On the 10-million-event bench history a report is 26 MB as plain JSON and about a third of that as columns, which
// is what saving, autosaving and sending the results from the replay worker to the page cost. The text is made and
// read by pure code (the replay worker makes it; sql.js only stores it). Decoding gives back a report equal to the
// original, key order included, so JSON.stringify of it is the same text; rows written by earlier versions (plain
// report JSON) still read.

import type { CustomerReport, ReplayReport } from '../engine/report/report-model';

/** Every field of a customer row, in the order the engine writes them. */
const CUSTOMER_FIELDS = [
  'id',
  'planKey',
  'segment',
  'cashMicros',
  'feesMicros',
  'packsMicros',
  'overageMicros',
  'creditsGrantedIncluded',
  'creditsGrantedPurchased',
  'creditsGrantedPromotional',
  'creditsGrantedAdjustment',
  'creditsBurned',
  'creditsExpired',
  'creditsRolledOver',
  'creditsVoided',
  'creditsOverage',
  'creditsEndingBalance',
  'creditsNegativeBalance',
  'blockedEvents',
  'blockedUnitsMicros',
  'ranDry',
  'billChangeMicros',
  'billChangePercent',
] as const satisfies ReadonlyArray<keyof CustomerReport>;

// A field added to CustomerReport and not listed above fails to compile here, rather than vanishing from stored runs.
type UnlistedField = Exclude<keyof CustomerReport, (typeof CUSTOMER_FIELDS)[number]>;
const everyFieldListed: [UnlistedField] extends [never] ? true : never = true;
void everyFieldListed;

/** Marks the columnar form; a plain report has no such key. */
const FORM_KEY = 'storedReportForm';
const FORM = 'customer-columns-1';

interface ColumnarReport {
  [FORM_KEY]: typeof FORM;
  customerFields: string[];
  customerColumns: unknown[][];
  report: ReplayReport;
}

/** The report as the workbook stores it (see the module comment). Same report, same text. */
export function storedReportText(report: ReplayReport): string {
  const count = report.customers.length;
  const columns = CUSTOMER_FIELDS.map(() => new Array<unknown>(count));
  for (let c = 0; c < count; c++) {
    const row = report.customers[c];
    for (let f = 0; f < CUSTOMER_FIELDS.length; f++) columns[f][c] = row[CUSTOMER_FIELDS[f]];
  }
  // The spread keeps the report's key order; only the rows leave it.
  const rest = JSON.stringify({ ...report, customers: [] });
  return `{"${FORM_KEY}":"${FORM}","customerFields":${JSON.stringify(CUSTOMER_FIELDS)},"customerColumns":${JSON.stringify(columns)},"report":${rest}}`;
}

/** A report read back from its stored text, or null when the text is not a report in either form. */
export function reportFromStoredText(text: string): ReplayReport | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(parsed)) return null;
  if (!(FORM_KEY in parsed)) return isReport(parsed) ? parsed : null;
  const columnar = parsed as Partial<ColumnarReport>;
  if (columnar[FORM_KEY] !== FORM || !isReport(columnar.report)) return null;
  const fields = columnar.customerFields;
  const columns = columnar.customerColumns;
  if (!Array.isArray(fields) || !Array.isArray(columns) || fields.length !== CUSTOMER_FIELDS.length || columns.length !== fields.length) return null;
  if (!fields.every((field, index) => field === CUSTOMER_FIELDS[index])) return null;
  const count = Array.isArray(columns[0]) ? columns[0].length : -1;
  if (count < 0 || !columns.every((column) => Array.isArray(column) && column.length === count)) return null;
  const v = columns as unknown[][];
  const customers = new Array<CustomerReport>(count);
  for (let c = 0; c < count; c++) {
    // One literal in the engine's key order: every row gets the same shape, which is what makes this fast.
    customers[c] = {
      id: v[0][c] as CustomerReport['id'],
      planKey: v[1][c] as CustomerReport['planKey'],
      segment: v[2][c] as CustomerReport['segment'],
      cashMicros: v[3][c] as CustomerReport['cashMicros'],
      feesMicros: v[4][c] as CustomerReport['feesMicros'],
      packsMicros: v[5][c] as CustomerReport['packsMicros'],
      overageMicros: v[6][c] as CustomerReport['overageMicros'],
      creditsGrantedIncluded: v[7][c] as CustomerReport['creditsGrantedIncluded'],
      creditsGrantedPurchased: v[8][c] as CustomerReport['creditsGrantedPurchased'],
      creditsGrantedPromotional: v[9][c] as CustomerReport['creditsGrantedPromotional'],
      creditsGrantedAdjustment: v[10][c] as CustomerReport['creditsGrantedAdjustment'],
      creditsBurned: v[11][c] as CustomerReport['creditsBurned'],
      creditsExpired: v[12][c] as CustomerReport['creditsExpired'],
      creditsRolledOver: v[13][c] as CustomerReport['creditsRolledOver'],
      creditsVoided: v[14][c] as CustomerReport['creditsVoided'],
      creditsOverage: v[15][c] as CustomerReport['creditsOverage'],
      creditsEndingBalance: v[16][c] as CustomerReport['creditsEndingBalance'],
      creditsNegativeBalance: v[17][c] as CustomerReport['creditsNegativeBalance'],
      blockedEvents: v[18][c] as CustomerReport['blockedEvents'],
      blockedUnitsMicros: v[19][c] as CustomerReport['blockedUnitsMicros'],
      ranDry: v[20][c] as CustomerReport['ranDry'],
      billChangeMicros: v[21][c] as CustomerReport['billChangeMicros'],
      billChangePercent: v[22][c] as CustomerReport['billChangePercent'],
    };
  }
  // Assigning to the existing (empty) key keeps its place in the key order.
  columnar.report.customers = customers;
  return columnar.report;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Enough of a report's shape to tell one from other JSON; the text was written by this module or JSON.stringify. */
function isReport(value: unknown): value is ReplayReport {
  return isObject(value) && typeof value.reportVersion === 'number' && Array.isArray(value.customers) && isObject(value.totals);
}
