// A workbook of 50,000 customers for the tests of how the screens cope with size: the AI/ML platform's three books
// and a generated year of usage with the large scenario's customers but fewer events (the customer table's size is
// what is under test, not the replay's speed), with a scenario comparing the books.

import { loadSqlJs } from '../../../cli/file-store/sql-js-node';
import { closeWorkbook, createWorkbook, exportWorkbook } from '../../../core/workbook/open-workbook';
import { saveDataset } from '../../../core/workbook/repositories/dataset-store';
import { addPriceBookVersion } from '../../../core/workbook/repositories/price-books';
import { createScenario } from '../../../core/workbook/repositories/scenarios';
import { generateUsage } from '../../../scenarios/generator/generate-usage';
import { loadScenarioBooks } from '../../../scenarios/scenario-books';
import { scenarioGeneratorConfig } from '../../../scenarios/scenario-dataset';

export const LARGE_CUSTOMER_COUNT = 50_000;

export async function largeWorkbookBytes(eventCount = 1_000_000): Promise<Uint8Array> {
  const workbook = createWorkbook(await loadSqlJs());
  try {
    const atMs = Date.UTC(2026, 0, 1);
    const versionIds = loadScenarioBooks('ai-platform').map((book) => {
      const added = addPriceBookVersion(workbook, book.book, { createdAtMs: atMs, note: book.name });
      if (!added.ok) throw new Error(added.problem.message);
      return added.value.version.versionId;
    });
    const dataset = generateUsage({ ...scenarioGeneratorConfig('ai-platform', 'large'), eventCount });
    if (dataset.customers.ids.length !== LARGE_CUSTOMER_COUNT) throw new Error(`expected ${LARGE_CUSTOMER_COUNT} customers`);
    const saved = saveDataset(workbook, dataset, { name: 'AI/ML platform, 50,000 customers', eventsFileName: 'generated', customersFileName: null, importedAtMs: atMs });
    if (!saved.ok) throw new Error(saved.problem.message);
    const scenario = createScenario(
      workbook,
      { name: 'Large', baselineVersionId: versionIds[0], candidateVersionIds: versionIds.slice(1), datasetId: saved.value.id, options: {} },
      atMs,
    );
    if (!scenario.ok) throw new Error(scenario.problem.message);
    return exportWorkbook(workbook);
  } finally {
    closeWorkbook(workbook);
  }
}
