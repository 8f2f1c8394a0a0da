// Replay reports leave the CLI here: rendered as a terminal table, JSON or CSV, then printed or written to a file
// atomically. JSON is `{ "reports": [...] }` with 2-space indentation, so the same reports give the same bytes.

import { renderReportsCsv, type CsvSection } from '../core/engine/report/report-csv';
import type { ReplayReport } from '../core/engine/report/report-model';
import { renderReportsTable, type TableSection } from '../core/engine/report/report-text-table';
import { EXIT_OK, EXIT_USAGE, failWith, type CliIo } from './cli-io';
import { describeFileError, resolvePath } from './input-files';

export type ReportFormat = 'table' | 'json' | 'csv';

export const REPORT_FORMATS: readonly ReportFormat[] = ['table', 'json', 'csv'];

export interface RenderChoice {
  format: ReportFormat;
  /** The one section to show; a table shows every section without it, a CSV the features. */
  section?: CsvSection;
  topCustomers?: number;
}

export function renderReports(reports: readonly ReplayReport[], choice: RenderChoice): string {
  switch (choice.format) {
    case 'json':
      return `${JSON.stringify({ reports }, null, 2)}\n`;
    case 'csv':
      return renderReportsCsv(reports, choice.section ?? 'features');
    case 'table': {
      const sections: readonly TableSection[] | undefined = choice.section ? [choice.section] : undefined;
      return renderReportsTable(reports, { ...(sections ? { sections } : {}), ...(choice.topCustomers === undefined ? {} : { topCustomers: choice.topCustomers }) });
    }
  }
}

/** Prints the text, or writes it to `out` (temp file + rename) and says where on stderr. */
export async function deliverOutput(io: CliIo, command: string, text: string, out: string | undefined): Promise<number> {
  if (out === undefined) {
    io.stdout.write(text);
    return EXIT_OK;
  }
  try {
    await io.writeFileAtomic(resolvePath(io, out), text);
  } catch (error) {
    return failWith(io, command, EXIT_USAGE, `cannot write "${out}": ${describeFileError(error)}`);
  }
  io.stderr.write(`wrote ${out}\n`);
  return EXIT_OK;
}
