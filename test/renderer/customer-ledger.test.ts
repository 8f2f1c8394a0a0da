import { describe, expect, test } from 'vitest';
import { loadSqlJs } from '../../cli/file-store/sql-js-node';
import { materialiseCustomerLedger } from '../../core/engine/replay/replay';
import { createWorkbook } from '../../core/workbook/open-workbook';
import { loadDataset } from '../../core/workbook/repositories/dataset-store';
import { readPriceBookVersionById } from '../../core/workbook/repositories/price-books';
import { findScenario } from '../../scenarios/catalog';
import { customerLedger } from '../../renderer/screens/compare/compare-actions';
import { buildBuiltInScenario } from '../../renderer/screens/workbook/build-built-in-scenario';
import { demoReplay } from './demo-replay-support';

describe('a customer’s ledger in the drill-down', () => {
  test('replayed from that customer’s usage alone, it equals their ledger in a replay of the whole history', async () => {
    const workbook = createWorkbook(await loadSqlJs());
    const entry = findScenario('ai-platform');
    if (entry === null) throw new Error('no ai-platform');
    const built = buildBuiltInScenario(workbook, entry, 'small', Date.UTC(2026, 0, 1));
    if (!built.ok) throw new Error(built.problem.message);
    const { versions, dataset, scenario } = built.value;
    const whole = loadDataset(workbook, dataset.id);
    if (!whole.ok) throw new Error(whole.problem.message);
    const reports = demoReplay().reports;
    // Every 25th customer, and each book, baseline and candidates: trials, plans, packs and customers who ran dry.
    let compared = 0;
    for (let c = 0; c < whole.value.customers.ids.length; c += 25) {
      const customerId = whole.value.customers.ids[c];
      versions.forEach((version, index) => {
        const book = readPriceBookVersionById(workbook, version.versionId);
        if (!book.ok) throw new Error(book.problem.message);
        const toMs = reports[index].toMs;
        const drilled = customerLedger(workbook, version.versionId, dataset.id, scenario.id, index === 0, customerId, toMs);
        if (!drilled.ok) throw new Error(drilled.message);
        expect(drilled.entries).toEqual(materialiseCustomerLedger(book.value.book, whole.value, customerId, { toMs }));
        compared += drilled.entries.length;
      });
    }
    expect(compared).toBeGreaterThan(100);
  });

  test('a customer the dataset does not have is said in a sentence', async () => {
    const workbook = createWorkbook(await loadSqlJs());
    const entry = findScenario('ai-platform');
    if (entry === null) throw new Error('no ai-platform');
    const built = buildBuiltInScenario(workbook, entry, 'small', Date.UTC(2026, 0, 1));
    if (!built.ok) throw new Error(built.problem.message);
    const { versions, dataset, scenario } = built.value;
    expect(customerLedger(workbook, versions[0].versionId, dataset.id, scenario.id, true, 'nobody', Date.UTC(2026, 0, 1))).toEqual({
      ok: false,
      message: 'Dataset "AI/ML platform (small)" has no customer "nobody".',
    });
  });
});
