// What the Compare screen offers to pick: every version of every price book in the workbook, and every dataset,
// each with the label the screens use for it ("AI Platform — rebalance (v2)"); counts in the locale given.

import { listDatasets } from '../../../core/workbook/repositories/datasets';
import { listPriceBooks, priceBookHistory, readPriceBookVersionById } from '../../../core/workbook/repositories/price-books';
import { listScenarios, type Scenario } from '../../../core/workbook/repositories/scenarios';
import type { Workbook } from '../../../core/workbook/workbook';
import { formatCount } from '../../components/amount-format';

export interface VersionChoice {
  versionId: number;
  bookId: string;
  versionNumber: number;
  label: string;
}

export interface DatasetChoice {
  datasetId: number;
  label: string;
  customerCount: number;
  eventCount: number;
}

export function versionLabel(bookName: string, versionNumber: number): string {
  return `${bookName} (v${versionNumber})`;
}

/** Books in id order, each book's versions oldest first. A damaged version is left out rather than offered. */
export function versionChoices(workbook: Workbook): VersionChoice[] {
  return listPriceBooks(workbook).flatMap((book) => {
    const history = priceBookHistory(workbook, book.id);
    if (!history.ok) return [];
    return history.value.flatMap((info) => {
      const version = readPriceBookVersionById(workbook, info.versionId);
      if (!version.ok) return [];
      return [{ versionId: info.versionId, bookId: info.bookId, versionNumber: info.versionNumber, label: versionLabel(version.value.book.name, info.versionNumber) }];
    });
  });
}

export function datasetChoices(workbook: Workbook, locale: string): DatasetChoice[] {
  return listDatasets(workbook).map((dataset) => ({
    datasetId: dataset.id,
    label: `${dataset.name} (${formatCount(dataset.customerCount, locale)} customers, ${formatCount(dataset.eventCount, locale)} events)`,
    customerCount: dataset.customerCount,
    eventCount: dataset.eventCount,
  }));
}

/** The scenario that names exactly these inputs (candidates in this order), or null. */
export function matchingScenario(workbook: Workbook, baselineVersionId: number, candidateVersionIds: readonly number[], datasetId: number): Scenario | null {
  return (
    listScenarios(workbook).find(
      (scenario) =>
        scenario.baselineVersionId === baselineVersionId &&
        scenario.datasetId === datasetId &&
        scenario.candidateVersionIds.length === candidateVersionIds.length &&
        scenario.candidateVersionIds.every((id, index) => id === candidateVersionIds[index]),
    ) ?? null
  );
}
