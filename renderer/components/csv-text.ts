// Tables as CSV text (RFC 4180): a header line, then one line per row, fields quoted when they hold a comma, quote,
// or line break, lines ending in CRLF. A file says what the screen said, but its numbers are machine-readable and the
// same in every locale: plain "1234.57" and "-3.25", no grouping, no currency symbol (columns give their `csv` text,
// written with PLAIN_NUMBERS; figure tables hand in rows built the same way). Only text cells are as shown.

import type { TableColumn } from './table-columns';

export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvText(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((cells) => cells.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function tableCsv<Row>(columns: readonly TableColumn<Row>[], rows: readonly Row[]): string {
  return csvText(
    columns.map((column) => column.header),
    rows.map((row) => columns.map((column) => (column.csv ?? column.text)(row))),
  );
}
