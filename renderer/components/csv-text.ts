// Tables as CSV text (RFC 4180): a header line, then one line per row, fields quoted when they hold a comma, quote,
// or line break, lines ending in CRLF. Cells are the text the table shows, so the file says what the screen said.

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
    rows.map((row) => columns.map((column) => column.text(row))),
  );
}
