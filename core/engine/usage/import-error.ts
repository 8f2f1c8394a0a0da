// Problems found while reading a usage or customers file, as values: a named code, where it is (file, line,
// column, field) and one plain sentence that repeats the place, so a message copied on its own still says where.
// A reader keeps the first MAX_REPORTED_ISSUES issues and counts all of them.

export type ImportIssueCode =
  /** The format could not be told from the file name and was not given. */
  | 'unknown_format'
  /** The file is UTF-16 (Excel "Unicode text"); readers take UTF-8. */
  | 'unsupported_encoding'
  /** A CSV file without a header line. */
  | 'missing_header'
  /** A CSV header without a column the reader needs. */
  | 'missing_column'
  /** An NDJSON object without a field the reader needs. */
  | 'missing_field'
  /** A CSV line with more or fewer fields than the header. */
  | 'field_count'
  /** Text after a CSV field's closing quote. */
  | 'csv_quote'
  /** A CSV quoted field still open at the end of the file. */
  | 'unterminated_quote'
  /** An NDJSON line that is not a JSON object. */
  | 'invalid_json'
  /** An NDJSON value of the wrong JSON type (true, an object, ...). */
  | 'wrong_type'
  /** A required value that is empty or null. */
  | 'missing_value'
  | 'invalid_time'
  | 'invalid_quantity'
  | 'negative_quantity'
  | 'too_many_decimals'
  | 'quantity_too_large'
  /** An event of a customer the customers file does not list. */
  | 'unknown_customer'
  /** A feature outside the known features (when the reader was given them). */
  | 'unknown_feature'
  /** More distinct features than the dataset's 16-bit feature index holds. */
  | 'too_many_features'
  /** An event earlier than its customer's start. */
  | 'event_before_start'
  | 'duplicate_customer'
  | 'end_before_start';

export interface ImportIssue {
  code: ImportIssueCode;
  file: string;
  /** 1-based line in the file (a CSV header is line 1); 0 when the issue concerns the whole file. */
  line: number;
  /** 1-based field position in a CSV line, or 1-based character offset of the value in an NDJSON line; null when none. */
  column: number | null;
  /**
   * The column's header (CSV) or the field's key (NDJSON) as written in the file; for a missing column or field,
   * the reader's name for the value it needed ("quantity"); null when the issue concerns no single value.
   */
  field: string | null;
  message: string;
}

export interface ImportFailure {
  ok: false;
  /** The first MAX_REPORTED_ISSUES issues in file order. */
  errors: ImportIssue[];
  /** All issues found, including those not kept. */
  errorCount: number;
}

export const MAX_REPORTED_ISSUES = 100;

/** Longest value quoted in full inside a message; longer ones are cut with an ellipsis. */
const MAX_QUOTED_LENGTH = 60;

/** A value as a message shows it: JSON-quoted so spaces and quotes stay visible, cut when long. */
export function quoteValue(text: string): string {
  const cut = text.length > MAX_QUOTED_LENGTH ? `${text.slice(0, MAX_QUOTED_LENGTH)}…` : text;
  return JSON.stringify(cut);
}

/** "usage.csv line 14, column 4 (quantity): " — the place a message starts with. */
export function describePlace(file: string, line: number, column: number | null, field: string | null): string {
  if (line === 0) return `${file}: `;
  const columnText = column === null ? '' : `, column ${column}`;
  const fieldText = field === null ? '' : ` (${field})`;
  return `${file} line ${line}${columnText}${fieldText}: `;
}

/** Collects issues of one file: keeps the first MAX_REPORTED_ISSUES, counts all. */
export class IssueCollector {
  readonly issues: ImportIssue[] = [];
  count = 0;

  constructor(readonly file: string) {}

  /** False once MAX_REPORTED_ISSUES are kept: callers then only count, without building the sentence. */
  get keepsMore(): boolean {
    return this.issues.length < MAX_REPORTED_ISSUES;
  }

  /** Counts an issue that is not kept (see keepsMore). */
  countOnly(): void {
    this.count++;
  }

  /** Records an issue; `detail` is the sentence after the place, e.g. `"-3" is negative; ...`. */
  add(code: ImportIssueCode, line: number, column: number | null, field: string | null, detail: string): void {
    this.count++;
    if (this.issues.length >= MAX_REPORTED_ISSUES) return;
    const message = describePlace(this.file, line, column, field) + detail;
    this.issues.push({ code, file: this.file, line, column, field, message });
  }

  failure(): ImportFailure {
    return { ok: false, errors: this.issues.slice(), errorCount: this.count };
  }
}
