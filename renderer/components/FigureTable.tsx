// A small table of figures (a few rows, a column per book) with its CSV export. Large tables use VirtualTable. The
// file's rows are `csvRows` when given: the same figures with plain, locale-independent numbers.

import { csvText } from './csv-text';
import { downloadCsv, exportFileName } from './file-download';

export interface FigureTableProps {
  title: string;
  header: readonly string[];
  rows: readonly (readonly string[])[];
  /** The rows as the CSV file writes them (numbers with PLAIN_NUMBERS); default the rows shown. */
  csvRows?: readonly (readonly string[])[];
  /** Columns from this index on are numbers, aligned right. */
  numbersFrom?: number;
}

export function FigureTable({ title, header, rows, csvRows = rows, numbersFrom = 1 }: FigureTableProps) {
  return (
    <div className="figure-table">
      <div className="table-toolbar">
        <span className="table-title">{title}</span>
        <button type="button" className="export-button" onClick={() => downloadCsv(csvText(header, csvRows), exportFileName(title, 'csv'))}>
          Export CSV
        </button>
      </div>
      <table aria-label={title}>
        <thead>
          <tr>
            {header.map((cell, index) => (
              <th key={index} scope="col" className={index >= numbersFrom ? 'cell-right' : undefined}>
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {row.map((cell, index) =>
                index === 0 ? (
                  <th key={index} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={index} className={index >= numbersFrom ? 'cell-right' : undefined}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
