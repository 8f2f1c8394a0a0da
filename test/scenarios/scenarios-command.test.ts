import { describe, expect, it } from 'vitest';

import { runCli } from '../../cli/main';
import { loadSqlJs } from '../../cli/file-store/sql-js-node';
import { openWorkbook } from '../../core/workbook/open-workbook';
import { loadDataset } from '../../core/workbook/repositories/dataset-store';
import { findDatasetByName } from '../../core/workbook/repositories/datasets';
import { priceBookHistory, readPriceBookVersionById } from '../../core/workbook/repositories/price-books';
import { findScenarioByName, listScenarios } from '../../core/workbook/repositories/scenarios';
import type { Workbook } from '../../core/workbook/workbook';
import { SCENARIO_CATALOG } from '../../scenarios/catalog';
import { loadScenarioBooks } from '../../scenarios/scenario-books';
import { buildScenarioDataset } from '../../scenarios/scenario-dataset';
import { memoryIo, TEST_CWD, type MemoryIo } from '../cli/memory-io';

async function run(io: MemoryIo, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const outBefore = io.out().length;
  const errBefore = io.err().length;
  const code = await runCli(argv, io);
  return { code, out: io.out().slice(outBefore), err: io.err().slice(errBefore) };
}

async function workbookIn(io: MemoryIo, path: string): Promise<Workbook> {
  const bytes = io.files.get(`${TEST_CWD}/${path}`);
  if (bytes === undefined) throw new Error(`${path} was not written`);
  const opened = openWorkbook(bytes, await loadSqlJs());
  if (!opened.ok) throw new Error(opened.problem.message);
  return opened.value.workbook;
}

function valueOf<T>(result: { ok: true; value: T } | { ok: false; problem: { message: string } }): T {
  if (!result.ok) throw new Error(result.problem.message);
  return result.value;
}

describe('scenarios list', () => {
  it('lists the nine built-in scenarios with what a credit buys, their candidates and the default', async () => {
    const result = await run(memoryIo(), ['scenarios', 'list']);
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    for (const entry of SCENARIO_CATALOG) expect(result.out).toContain(`  ${entry.slug}`);
    expect(result.out).toMatch(/^ {2}ai-platform\s+AI\/ML platform \(default\): 1 credit = 1,000 tokens generated/m);
    expect(result.out).toMatch(/^ {2}data-enrichment\s+Data enrichment: 2 credits = 1 company profile lookup$/m);
    expect(result.out).toMatch(/baseline and 2 candidates: rebalance, trial-credits/);
    expect(result.out).toContain('large: 50,000 customers, 10,000,000 events');
  });

  it('refuses arguments it does not take', async () => {
    const result = await run(memoryIo(), ['scenarios', 'list', 'extra']);
    expect(result).toEqual({ code: 2, out: '', err: 'credit-workbench scenarios list: expects no arguments; got "extra"\n' });
  });
});

describe('scenarios build', () => {
  it('writes the books as versions, the generated history as a dataset and a scenario comparing them', async () => {
    const io = memoryIo();
    const result = await run(io, ['scenarios', 'build', 'pdf-api', '--out', 'demo.workbook']);
    expect(result).toEqual({
      code: 0,
      out: 'built scenario "PDF generation API (small)" into demo.workbook: price book pdf-api v1, v2, v3 (baseline first), dataset of 500 customers and 100,000 events\n',
      err: '',
    });
    const workbook = await workbookIn(io, 'demo.workbook');
    const scenario = valueOf(findScenarioByName(workbook, 'PDF generation API (small)'));
    const books = loadScenarioBooks('pdf-api');
    const stored = [scenario.baselineVersionId, ...scenario.candidateVersionIds].map((id) => valueOf(readPriceBookVersionById(workbook, id)).book);
    expect(stored.map((book) => book.name)).toEqual(books.map(({ book }) => book.name));
    const dataset = valueOf(loadDataset(workbook, scenario.datasetId));
    const generated = buildScenarioDataset('pdf-api', 'small');
    expect(dataset.eventCount).toBe(generated.eventCount);
    expect(Buffer.from(dataset.quantityMicros.buffer).equals(Buffer.from(generated.quantityMicros.buffer))).toBe(true);
    expect(Buffer.from(dataset.timeMs.buffer).equals(Buffer.from(generated.timeMs.buffer))).toBe(true);
    expect(dataset.customers.planKeys).toEqual(generated.customers.planKeys);
  });

  it('adds another size to the same workbook, reusing the book versions it already holds', async () => {
    const io = memoryIo();
    expect((await run(io, ['scenarios', 'build', 'ci-cd', '--out', 'w.workbook'])).code).toBe(0);
    const second = await run(io, ['scenarios', 'build', 'ci-cd', '--seed', '7', '--out', 'w.workbook']);
    expect(second.code).toBe(0);
    expect(second.out).toContain('"CI/CD (small, seed 7)"');
    const workbook = await workbookIn(io, 'w.workbook');
    expect(valueOf(priceBookHistory(workbook, 'ci-cd'))).toHaveLength(3);
    expect(listScenarios(workbook).map((scenario) => scenario.name)).toEqual(['CI/CD (small)', 'CI/CD (small, seed 7)']);
    expect(findDatasetByName(workbook, 'CI/CD (small, seed 7)').ok).toBe(true);
    // The workbook's own scenarios command still answers under the same name.
    const listed = await run(io, ['scenarios', '--workbook', 'w.workbook']);
    expect(listed.code).toBe(0);
    expect(listed.out).toContain('"CI/CD (small, seed 7)"  baseline ci-cd v1, candidates ci-cd v2, ci-cd v3');
  });

  it('refuses to build the same scenario twice and leaves the workbook file as it was', async () => {
    const io = memoryIo();
    await run(io, ['scenarios', 'build', 'scheduling', '--out', 'w.workbook']);
    const before = io.files.get(`${TEST_CWD}/w.workbook`);
    const again = await run(io, ['scenarios', 'build', 'scheduling', '--out', 'w.workbook']);
    expect(again).toEqual({
      code: 2,
      out: '',
      err: 'credit-workbench scenarios build: w.workbook already has a scenario named "Scheduling (small)"; build another size or --seed\n',
    });
    expect(io.files.get(`${TEST_CWD}/w.workbook`)).toBe(before);
  });

  it('refuses an unknown scenario, a bad size or seed, and a missing --out, writing nothing', async () => {
    const cases: [string[], string][] = [
      [['flower-shop', '--out', 'w.workbook'], 'there is no built-in scenario "flower-shop"; "credit-workbench scenarios list" shows them'],
      [['ci-cd', '--size', 'huge', '--out', 'w.workbook'], '--size must be one of small, medium, large; got "huge"'],
      [['ci-cd', '--seed', '1.5', '--out', 'w.workbook'], '--seed must be a whole number from 0 to 4294967295; got "1.5"'],
      [['ci-cd', '--seed', '4294967296', '--out', 'w.workbook'], '--seed must be a whole number from 0 to 4294967295; got "4294967296"'],
      [['ci-cd'], 'needs --out W, the workbook to write the scenario into'],
      [['--out', 'w.workbook'], 'expects NAME; got none'],
    ];
    for (const [argv, reason] of cases) {
      const io = memoryIo();
      const result = await run(io, ['scenarios', 'build', ...argv]);
      expect(result).toEqual({ code: 2, out: '', err: `credit-workbench scenarios build: ${reason}\n` });
      expect(io.files.size).toBe(0);
    }
  });

  it('explains both forms of the command in its help', async () => {
    const help = await run(memoryIo(), ['scenarios', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Usage: credit-workbench scenarios list\n {7}credit-workbench scenarios build NAME/);
    expect(help.out).toContain('Usage: credit-workbench scenarios [options]');
    const build = await run(memoryIo(), ['scenarios', 'build', '--help']);
    expect(build.out).toMatch(/^Usage: credit-workbench scenarios build \[options\] NAME\n/);
    expect(build.out).toContain('small: 500 customers, 100,000 events; medium: 5,000 customers, 1,000,000 events; large: 50,000 customers, 10,000,000 events');
  });
});
