// Writes a built-in scenario into an open workbook — the one way both the CLI (`scenarios build`) and the workbench
// do it: the scenario's price books as versions (reusing a version with the same content), its generated usage as a
// dataset, and a scenario comparing the baseline with the candidates. Names are checked before anything is written,
// so a repeated build adds nothing.

import { priceBookContentHash } from '../core/engine/price-book/export';
import { findDatasetByName, type DatasetSummary } from '../core/workbook/repositories/datasets';
import { saveDataset } from '../core/workbook/repositories/dataset-store';
import { addPriceBookVersion, priceBookHistory, type PriceBookVersionInfo } from '../core/workbook/repositories/price-books';
import { createScenario, findScenarioByName, type Scenario } from '../core/workbook/repositories/scenarios';
import type { Workbook } from '../core/workbook/workbook';
import { fail, succeed, type WorkbookResult } from '../core/workbook/workbook-problem';
import type { ScenarioCatalogEntry } from './catalog';
import { loadScenarioBooks, type ScenarioBook } from './scenario-books';
import { buildScenarioDataset, defaultScenarioSeed } from './scenario-dataset';
import type { ScenarioSize } from './scenario-size';

export interface BuiltScenario {
  scenario: Scenario;
  /** Baseline first. */
  versions: PriceBookVersionInfo[];
  dataset: DatasetSummary;
  customerCount: number;
  eventCount: number;
}

/** "Design tool (small)", or with the seed when it is not the scenario's own: "Design tool (small, seed 7)". */
export function builtInScenarioName(entry: ScenarioCatalogEntry, size: ScenarioSize, seed: number = defaultScenarioSeed(entry.slug)): string {
  return seed === defaultScenarioSeed(entry.slug) ? `${entry.name} (${size})` : `${entry.name} (${size}, seed ${seed})`;
}

export function buildBuiltInScenario(
  workbook: Workbook,
  entry: ScenarioCatalogEntry,
  size: ScenarioSize,
  nowMs: number,
  seed: number = defaultScenarioSeed(entry.slug),
): WorkbookResult<BuiltScenario> {
  const name = builtInScenarioName(entry, size, seed);
  if (findScenarioByName(workbook, name).ok) {
    return fail('scenario_name_taken', `The workbook already has the scenario "${name}"; it was not built again.`);
  }
  if (findDatasetByName(workbook, name).ok) {
    return fail('dataset_name_taken', `The workbook already has a dataset named "${name}"; the scenario was not built again.`);
  }
  const versions: PriceBookVersionInfo[] = [];
  for (const book of loadScenarioBooks(entry.slug)) {
    const version = storedVersion(workbook, book, nowMs);
    if (!version.ok) return version;
    versions.push(version.value);
  }
  const usage = buildScenarioDataset(entry.slug, size, seed);
  const dataset = saveDataset(workbook, usage, {
    name,
    eventsFileName: `generated: ${entry.slug} --size ${size} --seed ${seed}`,
    customersFileName: null,
    importedAtMs: nowMs,
  });
  if (!dataset.ok) return dataset;
  const [baseline, ...candidates] = versions;
  const scenario = createScenario(
    workbook,
    { name, baselineVersionId: baseline.versionId, candidateVersionIds: candidates.map((version) => version.versionId), datasetId: dataset.value.id, options: {} },
    nowMs,
  );
  if (!scenario.ok) return scenario;
  return succeed({ scenario: scenario.value, versions, dataset: dataset.value, customerCount: usage.customers.ids.length, eventCount: usage.eventCount });
}

/** An existing version with the same content (from an earlier build of another size or seed), else a new version. */
function storedVersion(workbook: Workbook, book: ScenarioBook, nowMs: number): WorkbookResult<PriceBookVersionInfo> {
  const history = priceBookHistory(workbook, book.book.id);
  const contentHash = priceBookContentHash(book.book);
  const same = history.ok ? history.value.find((version) => version.contentHash === contentHash) : undefined;
  if (same !== undefined) return succeed(same);
  const added = addPriceBookVersion(workbook, book.book, { createdAtMs: nowMs, note: `built-in scenario, ${book.role} "${book.name}": ${book.question}` });
  return added.ok ? succeed(added.value.version) : added;
}
