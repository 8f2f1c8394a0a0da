// The lines the Workbook screen lists, read from the workbook through core/workbook's repositories. Pure text, so
// the same words show on the page, in tests and in the desktop app; counts in the locale given.

import { listDatasets } from '../../../core/workbook/repositories/datasets';
import { listPriceBooks } from '../../../core/workbook/repositories/price-books';
import { listRuns } from '../../../core/workbook/repositories/runs';
import { listScenarios } from '../../../core/workbook/repositories/scenarios';
import type { Workbook } from '../../../core/workbook/workbook';
import { formatCount } from '../../components/amount-format';

export interface WorkbookLines {
  priceBooks: string[];
  datasets: string[];
  scenarios: string[];
  runs: Array<{ runId: number; scenarioId: number; text: string }>;
}

/** Minutes are enough to tell saves apart for a person; UTC so the text does not depend on the machine. */
export function formatTime(atMs: number): string {
  return `${new Date(atMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function count(value: number, noun: string, locale: string): string {
  return `${formatCount(value, locale)} ${noun}${value === 1 ? '' : 's'}`;
}

export function workbookLines(workbook: Workbook, locale: string): WorkbookLines {
  const scenarios = listScenarios(workbook);
  return {
    priceBooks: listPriceBooks(workbook).map(
      (book) => `${book.name} (${book.id}): ${count(book.versionCount, 'version', locale)}, latest v${book.latest.versionNumber}`,
    ),
    datasets: listDatasets(workbook).map(
      (dataset) => `${dataset.name}: ${count(dataset.customerCount, 'customer', locale)}, ${count(dataset.eventCount, 'event', locale)}`,
    ),
    scenarios: scenarios.map((scenario) => `${scenario.name}: baseline and ${count(scenario.candidateVersionIds.length, 'candidate', locale)}`),
    runs: scenarios
      .flatMap((scenario) =>
        listRuns(workbook, scenario.id).map((run) => ({
          runId: run.id,
          scenarioId: scenario.id,
          text: `Run #${run.id} of "${scenario.name}" (${count(1 + run.inputs.candidateContentHashes.length, 'book', locale)}), ${formatTime(run.createdAtMs)}`,
        })),
      )
      .sort((a, b) => b.runId - a.runId),
  };
}
