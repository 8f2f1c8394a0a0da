import { describe, expect, test } from 'vitest';
import { loadSqlJs } from '../../cli/file-store/sql-js-node';
import { createWorkbook } from '../../core/workbook/open-workbook';
import { listPriceBooks } from '../../core/workbook/repositories/price-books';
import { listScenarios } from '../../core/workbook/repositories/scenarios';
import { findScenario } from '../../scenarios/catalog';
import { buildBuiltInScenario } from '../../renderer/screens/workbook/build-built-in-scenario';
import { workbookLines } from '../../renderer/screens/workbook/workbook-lines';

describe('building a built-in scenario into the workbook', () => {
  test('adds the books as versions, the dataset and a scenario of baseline and candidates', async () => {
    const workbook = createWorkbook(await loadSqlJs());
    const entry = findScenario('ai-platform');
    if (entry === null) throw new Error('no ai-platform');
    const built = buildBuiltInScenario(workbook, entry, 'small', Date.UTC(2026, 0, 1));
    if (!built.ok) throw new Error(built.problem.message);
    expect(built.value.versions.map((version) => version.versionNumber)).toEqual([1, 2, 3]);
    expect(built.value.scenario.baselineVersionId).toBe(built.value.versions[0].versionId);
    expect(built.value.scenario.candidateVersionIds).toEqual(built.value.versions.slice(1).map((version) => version.versionId));
    expect(built.value.dataset.customerCount).toBe(500);
    expect(workbookLines(workbook, 'en-US').datasets).toEqual(['AI/ML platform (small): 500 customers, 100,000 events']);
  });

  test('a second build of the same scenario is refused and adds nothing', async () => {
    const workbook = createWorkbook(await loadSqlJs());
    const entry = findScenario('pdf-api');
    if (entry === null) throw new Error('no pdf-api');
    expect(buildBuiltInScenario(workbook, entry, 'small', 1).ok).toBe(true);
    const again = buildBuiltInScenario(workbook, entry, 'small', 2);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.problem.message).toBe('The workbook already has the scenario "PDF generation API (small)"; it was not built again.');
    expect(listScenarios(workbook)).toHaveLength(1);
    expect(listPriceBooks(workbook)[0].versionCount).toBe(3);
  });
});
