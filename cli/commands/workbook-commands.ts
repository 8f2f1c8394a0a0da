// The workbook commands as the CLI registry lists them, kept here so cli/main.ts registers them all in one line.

import type { CliCommand } from '../cli-io';
import { runWorkbookBooks, WORKBOOK_BOOKS_SPEC } from './workbook-books';
import { runWorkbookImport, WORKBOOK_IMPORT_SPEC } from './workbook-import';
import { runWorkbookInfo, WORKBOOK_INFO_SPEC } from './workbook-info';
import { runWorkbookScenarios, WORKBOOK_SCENARIOS_SPEC } from './workbook-scenarios';

export { withWorkbookReplay } from './workbook-replay';

export const WORKBOOK_COMMANDS: Readonly<Record<string, { summary: string; run: CliCommand }>> = {
  import: { summary: WORKBOOK_IMPORT_SPEC.summary, run: runWorkbookImport },
  books: { summary: WORKBOOK_BOOKS_SPEC.summary, run: runWorkbookBooks },
  scenarios: { summary: WORKBOOK_SCENARIOS_SPEC.summary, run: runWorkbookScenarios },
  info: { summary: WORKBOOK_INFO_SPEC.summary, run: runWorkbookInfo },
};
