// What a table column is to the screens: a header, the text a cell shows, what a CSV export writes, and the value it
// sorts by. Kept apart from the table component so exports and tests use the same definitions without React.

export interface TableColumn<Row> {
  id: string;
  header: string;
  /** The cell's text, as shown (and as exported when there is no `csv`). */
  text: (row: Row) => string;
  /** The cell in a CSV file: numbers written with PLAIN_NUMBERS, so files read the same in every locale. */
  csv?: (row: Row) => string;
  /** What the column sorts by; default its text. Numbers sort as numbers, null last. */
  sortValue?: (row: Row) => number | string | null;
  align?: 'left' | 'right';
  /** Width in pixels; the table shares what is left among columns without one. */
  width?: number;
  /** The filter box searches this column's text. */
  filterable?: boolean;
}

/** Rows whose filterable columns contain `query` (case-insensitive); all rows for an empty query. */
export function filterRows<Row>(rows: readonly Row[], columns: readonly TableColumn<Row>[], query: string): readonly Row[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return rows;
  const searched = columns.filter((column) => column.filterable);
  return rows.filter((row) => searched.some((column) => column.text(row).toLowerCase().includes(needle)));
}

/** Ascending order of two sort values: numbers numerically, text by the locale-independent code order, null last. */
export function compareSortValues(a: number | string | null, b: number | string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const left = String(a);
  const right = String(b);
  return left < right ? -1 : left > right ? 1 : 0;
}
