import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main';
import type { PriceBook } from '../../core/engine/price-book/model';
import { replay } from '../../core/engine/replay/replay';
import type { ReplayReport } from '../../core/engine/report/report-model';
import { readCustomers } from '../../core/engine/usage/customers-reader';
import { readEvents } from '../../core/engine/usage/events-reader';
import { LATEST_SCHEMA_VERSION } from '../../core/workbook/migrations/migration-list';
import { exportWorkbook, openWorkbook } from '../../core/workbook/open-workbook';
import { recordPriceBookExport } from '../../core/workbook/repositories/price-book-exports';
import { readPriceBookVersion } from '../../core/workbook/repositories/price-books';
import { findScenarioByName, updateScenario } from '../../core/workbook/repositories/scenarios';
import { sqlJs, valueOf } from './workbook-support';
import { BASELINE_TEXT, REBALANCE_TEXT } from '../cli/book-files';
import { memoryIo, TEST_CWD, type MemoryIo } from '../cli/memory-io';
import { CUSTOMERS_CSV, EVENTS_CSV } from '../cli/usage-files';

const INPUTS = {
  'books/baseline.json': BASELINE_TEXT,
  'books/rebalance.json': REBALANCE_TEXT,
  'usage/customers.csv': CUSTOMERS_CSV,
  'usage/events.csv': EVENTS_CSV,
};

const IMPORT = ['import', '--workbook', 'team.workbook', '--events', 'usage/events.csv', '--customers', 'usage/customers.csv'];

async function run(io: MemoryIo, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const outBefore = io.out().length;
  const errBefore = io.err().length;
  const code = await runCli(argv, io);
  return { code, out: io.out().slice(outBefore), err: io.err().slice(errBefore) };
}

/** A workbook with the demo usage, the demo baseline and rebalance books as versions 1 and 2 of "ai-platform",
 *  and a scenario comparing them. */
async function preparedWorkbook(): Promise<MemoryIo> {
  const io = memoryIo(INPUTS);
  expect((await run(io, IMPORT)).code).toBe(0);
  expect((await run(io, ['books', '--workbook', 'team.workbook', '--add', 'books/baseline.json', '--note', 'launch'])).code).toBe(0);
  expect((await run(io, ['books', '--workbook', 'team.workbook', '--add', 'books/rebalance.json', '--note', 'rebalance'])).code).toBe(0);
  const added = await run(io, [
    'scenarios', '--workbook', 'team.workbook', '--add', 'rebalance', '--baseline', 'ai-platform@1', '--candidate', 'ai-platform@2', '--dataset', 'events',
  ]);
  expect(added).toEqual({ code: 0, out: 'added scenario "rebalance" to team.workbook\n', err: '' });
  return io;
}

describe('import', () => {
  it('creates the workbook and imports the usage as a dataset named after the events file', async () => {
    const io = memoryIo(INPUTS);
    const imported = await run(io, IMPORT);
    expect(imported).toMatchObject({ code: 0, err: '' });
    expect(imported.out).toMatch(/^imported 21 events of 5 customers \(2025-\d\d-\d\d to 2025-\d\d-\d\d\) as dataset "events" into team\.workbook\n$/);
    expect(io.files.has(`${TEST_CWD}/team.workbook`)).toBe(true);
    const info = await run(io, ['info', '--workbook', 'team.workbook']);
    expect(info.code).toBe(0);
    expect(info.out).toMatch(/^datasets: 1\n {2}#1 "events" {2}21 events, 5 customers, 5 features, 2025-\d\d-\d\d to 2025-\d\d-\d\d; from events.csv \+ customers.csv, imported /m);
  });

  it('lists each error with file, line and column, exits 1 and leaves the workbook as it was', async () => {
    const io = memoryIo(INPUTS);
    await run(io, IMPORT);
    const before = io.files.get(`${TEST_CWD}/team.workbook`);
    io.files.set(`${TEST_CWD}/usage/bad.csv`, new TextEncoder().encode('timestamp,customer_id,feature,quantity\nsoon,cus_pro,tokens,1\n2025-02-01T00:00:00Z,cus_pro,tokens,-1\n'));
    const result = await run(io, ['import', '--workbook', 'team.workbook', '--events', 'usage/bad.csv', '--customers', 'usage/customers.csv']);
    expect(result.code).toBe(1);
    expect(result.err.split('\n')).toEqual([
      expect.stringMatching(/^error {3}bad\.csv line 2, column 1 \(timestamp\): "soon" is not a time; .* \[invalid_time\]$/),
      'error   bad.csv line 3, column 4 (quantity): "-1" is negative; quantities must be zero or more. [negative_quantity]',
      'credit-workbench import: Nothing was imported: bad.csv has 2 errors. [usage_import_failed]',
      '',
    ]);
    expect(io.files.get(`${TEST_CWD}/team.workbook`)).toBe(before);
  });

  it('refuses a second dataset of the same name without writing', async () => {
    const io = memoryIo(INPUTS);
    await run(io, IMPORT);
    const before = io.files.get(`${TEST_CWD}/team.workbook`);
    expect(await run(io, IMPORT)).toEqual({
      code: 2,
      out: '',
      err: 'credit-workbench import: The workbook already has a dataset named "events"; pick another name. [dataset_name_taken]\n',
    });
    expect(io.files.get(`${TEST_CWD}/team.workbook`)).toBe(before);
  });

  it('names what is missing', async () => {
    const io = memoryIo(INPUTS);
    expect(await run(io, ['import', '--events', 'usage/events.csv'])).toEqual({ code: 2, out: '', err: 'credit-workbench import: needs --workbook W\n' });
    expect(await run(io, ['import', '--workbook', 'w'])).toEqual({ code: 2, out: '', err: 'credit-workbench import: needs --events FILE\n' });
  });
});

describe('import without --customers', () => {
  const LATER_EVENTS = ['timestamp,customer_id,feature,quantity', '2025-04-02T09:00:00Z,cus_pro,tokens,3', '2025-04-03T10:00:00Z,cus_pro,tokens,1'].join('\n');

  it("takes the customers of the workbook's latest dataset and says so", async () => {
    const io = memoryIo({ ...INPUTS, 'usage/april.csv': LATER_EVENTS });
    await run(io, IMPORT);
    const later = await run(io, ['import', '--workbook', 'team.workbook', '--events', 'usage/april.csv']);
    expect(later).toEqual({
      code: 0,
      out:
        'customers from dataset #1 "events" (5 customers), the latest in team.workbook\n' +
        'imported 2 events of 5 customers (2025-04-02 to 2025-04-03) as dataset "april" into team.workbook\n',
      err: '',
    });
    const info = await run(io, ['info', '--workbook', 'team.workbook']);
    expect(info.out).toMatch(/^ {2}#2 "april" {2}2 events, 5 customers, 1 feature, 2025-04-02 to 2025-04-03; from april\.csv \+ customers\.csv, imported /m);
  });

  it('refuses the first import of a workbook and writes nothing', async () => {
    const io = memoryIo(INPUTS);
    expect(await run(io, ['import', '--workbook', 'team.workbook', '--events', 'usage/events.csv'])).toEqual({
      code: 2,
      out: '',
      err: 'credit-workbench import: team.workbook has no dataset yet to take customers from, so the first import needs --customers FILE\n',
    });
    expect(io.files.has(`${TEST_CWD}/team.workbook`)).toBe(false);
  });

  it("checks every event against those customers and names the file, line and column of one that is not there", async () => {
    const io = memoryIo({ ...INPUTS, 'usage/april.csv': `${LATER_EVENTS}\n2025-04-04T00:00:00Z,cus_new,tokens,1\n` });
    await run(io, IMPORT);
    const before = io.files.get(`${TEST_CWD}/team.workbook`);
    expect(await run(io, ['import', '--workbook', 'team.workbook', '--events', 'usage/april.csv'])).toEqual({
      code: 1,
      out: '',
      err:
        'customers from dataset #1 "events" (5 customers), the latest in team.workbook\n' +
        'error   april.csv line 4, column 2 (customer_id): customer "cus_new" has no customer record, so it has no plan; add it to the customers file or remove its events. [unknown_customer]\n' +
        'credit-workbench import: Nothing was imported: april.csv has 1 error. [usage_import_failed]\n',
    });
    expect(io.files.get(`${TEST_CWD}/team.workbook`)).toBe(before);
  });
});

describe('books', () => {
  it('adds versions, skips an unchanged book, lists books and shows history and a version', async () => {
    const io = await preparedWorkbook();
    const again = await run(io, ['books', '--workbook', 'team.workbook', '--add', 'books/rebalance.json']);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/^unchanged: "books\/rebalance\.json" is identical to ai-platform v2 \([0-9a-f]{12}\); no version added\n$/);

    const list = await run(io, ['books', '--workbook', 'team.workbook']);
    expect(list.out).toMatch(/^ai-platform {2}"[^"]+" {2}2 versions, latest v2 \d{4}-\d\d-\d\dT[\d:.]+Z [0-9a-f]{12}\n$/);

    const history = await run(io, ['books', '--workbook', 'team.workbook', '--history', 'ai-platform']);
    expect(history.out.split('\n').map((line) => line.replace(/ {2}\S+Z {2}[0-9a-f]{12}/, ''))).toEqual(['v1  launch', 'v2  rebalance', '']);

    const shown = await run(io, ['books', '--workbook', 'team.workbook', '--show', 'ai-platform@1']);
    expect(JSON.parse(shown.out)).toMatchObject({ id: 'ai-platform', version: (JSON.parse(BASELINE_TEXT) as { version: string }).version });
    expect(shown.err).toMatch(/^sha256 [0-9a-f]{64}\n$/);
  });

  it('lists the last export the workbench recorded for a book', async () => {
    const io = await preparedWorkbook();
    const path = `${TEST_CWD}/team.workbook`;
    const { workbook } = valueOf(openWorkbook(io.files.get(path) ?? null, await sqlJs()));
    const first = valueOf(readPriceBookVersion(workbook, 'ai-platform', 1));
    valueOf(
      recordPriceBookExport(workbook, {
        bookId: 'ai-platform',
        versionId: first.versionId,
        contentHash: first.contentHash,
        form: 'envelope',
        fileName: 'ai-platform.json',
        via: 'file',
        bookJson: first.canonicalJson,
        exportedAtMs: Date.UTC(2025, 6, 1, 12),
      }),
    );
    io.files.set(path, exportWorkbook(workbook));
    const list = await run(io, ['books', '--workbook', 'team.workbook']);
    expect(list.out).toMatch(
      new RegExp(`^ai-platform {2}"[^"]+" {2}2 versions, latest v2 \\S+Z [0-9a-f]{12}; last exported 2025-07-01T12:00:00Z ${first.contentHash.slice(0, 12)}\n$`),
    );
  });

  it('names an unknown book or version', async () => {
    const io = await preparedWorkbook();
    expect((await run(io, ['books', '--workbook', 'team.workbook', '--history', 'nope'])).err).toBe(
      'credit-workbench books: The workbook has no price book with id "nope". [price_book_not_found]\n',
    );
    expect((await run(io, ['books', '--workbook', 'team.workbook', '--show', 'ai-platform@7'])).err).toBe(
      'credit-workbench books: The price book "ai-platform" has no version 7. [price_book_version_not_found]\n',
    );
  });
});

describe('replay --workbook', () => {
  it('replays a scenario, records the run, and --latest reprints it without replaying', async () => {
    const io = await preparedWorkbook();
    const replayed = await run(io, ['replay', '--workbook', 'team.workbook', '--scenario', 'rebalance', '--format', 'json']);
    expect(replayed.code).toBe(0);
    expect(replayed.err).toBe('recorded run #1 in team.workbook\n');
    const reports = (JSON.parse(replayed.out) as { reports: ReplayReport[] }).reports;
    const versionOf = (text: string): string => (JSON.parse(text) as { version: string }).version;
    expect(reports.map((report) => report.book.version)).toEqual([versionOf(BASELINE_TEXT), versionOf(REBALANCE_TEXT)]);

    // The same books and usage through the file-based replay give the very same reports.
    const fromFiles = await run(io, [
      'replay', '--book', 'books/baseline.json', '--book', 'books/rebalance.json', '--usage', 'usage/events.csv', '--customers', 'usage/customers.csv', '--format', 'json',
    ]);
    expect(replayed.out).toBe(fromFiles.out);

    const latest = await run(io, ['replay', '--workbook', 'team.workbook', '--scenario', 'rebalance', '--latest', '--format', 'json']);
    expect(latest.code).toBe(0);
    expect(latest.out).toBe(replayed.out);
    expect(latest.err).toMatch(/^run #1 of \S+Z\n$/);

    const info = await run(io, ['info', '--workbook', 'team.workbook']);
    expect(info.out).toMatch(/^ {2}"rebalance" {2}baseline ai-platform v1, candidates ai-platform v2, dataset "events"; 1 run, latest #1 \S+Z \(current\)$/m);
  });

  it('refuses an unknown scenario and a scenario never run', async () => {
    const io = await preparedWorkbook();
    expect((await run(io, ['replay', '--workbook', 'team.workbook', '--scenario', 'nope'])).err).toBe(
      'credit-workbench replay: The workbook has no scenario named "nope". [scenario_not_found]\n',
    );
    expect((await run(io, ['replay', '--workbook', 'team.workbook', '--scenario', 'rebalance', '--latest'])).err).toMatch(
      /^credit-workbench replay: Scenario 1 has not been run yet\. \[run_not_found\]\n$/,
    );
  });

  it('shows the workbook form in the replay help', async () => {
    const io = memoryIo();
    const help = await run(io, ['replay', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Usage: credit-workbench replay/);
    expect(help.out).toContain('Or, from a workbook:');
    expect(help.out).toContain('--scenario NAME');
  });
});

describe('scenario options', () => {
  /** The rebalance book with its "pro" plan renamed "pro-2025": it cannot replay the history as recorded. */
  function renamedBook(): PriceBook {
    const book = JSON.parse(REBALANCE_TEXT) as PriceBook;
    return { ...book, version: 'renamed pro', plans: book.plans.map((plan) => (plan.key === 'pro' ? { ...plan, key: 'pro-2025' } : plan)) };
  }

  /** preparedWorkbook with the renamed book as ai-platform v3. */
  async function workbookWithRenamedBook(): Promise<MemoryIo> {
    const io = await preparedWorkbook();
    io.files.set(`${TEST_CWD}/books/renamed.json`, new TextEncoder().encode(JSON.stringify(renamedBook())));
    expect((await run(io, ['books', '--workbook', 'team.workbook', '--add', 'books/renamed.json'])).code).toBe(0);
    return io;
  }

  const addScenario = (io: MemoryIo, name: string, candidate: string, ...options: string[]): Promise<{ code: number; out: string; err: string }> =>
    run(io, ['scenarios', '--workbook', 'team.workbook', '--add', name, '--baseline', 'ai-platform@1', '--candidate', candidate, '--dataset', 'events', ...options]);

  const replayJson = async (io: MemoryIo, scenario: string): Promise<{ code: number; err: string; reports: ReplayReport[] }> => {
    const result = await run(io, ['replay', '--workbook', 'team.workbook', '--scenario', scenario, '--format', 'json']);
    return { code: result.code, err: result.err, reports: result.code === 0 ? (JSON.parse(result.out) as { reports: ReplayReport[] }).reports : [] };
  };

  it('--to ends the replay window of every book there', async () => {
    const io = await preparedWorkbook();
    expect(await addScenario(io, 'to March', 'ai-platform@2', '--to', '2025-03-01')).toEqual({ code: 0, out: 'added scenario "to March" to team.workbook\n', err: '' });
    const listed = await run(io, ['scenarios', '--workbook', 'team.workbook']);
    expect(listed.out).toContain('"to March"  baseline ai-platform v1, candidates ai-platform v2; replayed to 2025-03-01T00:00:00Z\n');

    const whole = await replayJson(io, 'rebalance');
    const cut = await replayJson(io, 'to March');
    expect(cut.code).toBe(0);
    expect(cut.reports.map((report) => report.toMs)).toEqual([Date.UTC(2025, 2, 1), Date.UTC(2025, 2, 1)]);
    expect(whole.reports[0].toMs).toBeGreaterThan(Date.UTC(2025, 2, 1));
    expect(cut.reports[0].months.length).toBeLessThan(whole.reports[0].months.length);
  });

  it('--map-plan replays the candidates with the customers of a plan moved to another, exactly as if their records said so', async () => {
    const io = await workbookWithRenamedBook();
    expect((await addScenario(io, 'renamed', 'ai-platform@3', '--map-plan', 'pro=pro-2025')).code).toBe(0);
    const listed = await run(io, ['scenarios', '--workbook', 'team.workbook']);
    expect(listed.out).toContain('"renamed"  baseline ai-platform v1, candidates ai-platform v3; plan "pro" as "pro-2025" for the candidates\n');

    const mapped = await replayJson(io, 'renamed');
    expect(mapped.code).toBe(0);
    expect(mapped.err).toBe('plan mapping for the candidates: 1 customer from "pro" to "pro-2025"\nrecorded run #1 in team.workbook\n');

    // The same replays straight through the engine, the candidate's with the customers file saying "pro-2025".
    const text = (value: string): Uint8Array => new TextEncoder().encode(value);
    const usage = (customersCsv: string) => {
      const customers = readCustomers(text(customersCsv), 'customers.csv');
      if (!customers.ok) throw new Error('fixture customers do not read');
      const events = readEvents(text(EVENTS_CSV), 'events.csv', { customers: customers.customers });
      if (!events.ok) throw new Error('fixture events do not read');
      return events.dataset;
    };
    const baseline = replay(JSON.parse(BASELINE_TEXT) as PriceBook, usage(CUSTOMERS_CSV));
    const candidate = replay(renamedBook(), usage(CUSTOMERS_CSV.replace('cus_pro,pro,', 'cus_pro,pro-2025,')), { baseline });
    expect(mapped.reports).toEqual(JSON.parse(JSON.stringify([baseline, candidate])));
  });

  it('without the mapping, or mapping to a plan the book lacks, the replay stops with the engine\'s sentence', async () => {
    const io = await workbookWithRenamedBook();
    await addScenario(io, 'unmapped', 'ai-platform@3');
    expect(await run(io, ['replay', '--workbook', 'team.workbook', '--scenario', 'unmapped'])).toEqual({
      code: 1,
      out: '',
      err: 'credit-workbench replay: Price book "AI Platform — rebalance" has no plan "pro" (1 customer).\n',
    });
    await addScenario(io, 'mistyped', 'ai-platform@3', '--map-plan', 'pro=pro-2026');
    expect(await run(io, ['replay', '--workbook', 'team.workbook', '--scenario', 'mistyped'])).toEqual({
      code: 1,
      out: '',
      err:
        'plan mapping for the candidates: 1 customer from "pro" to "pro-2026"\n' +
        'credit-workbench replay: Price book "AI Platform — rebalance" has no plan "pro-2026" (1 customer). ' +
        'The scenario\'s plan mapping moves 1 customer from "pro" to "pro-2026"; map them to a plan the book has.\n',
    });
  });

  it('a run becomes stale when the options of its scenario change, and options not applied are named', async () => {
    const io = await preparedWorkbook();
    await addScenario(io, 'to March', 'ai-platform@2', '--to', '2025-03-01');
    expect((await run(io, ['replay', '--workbook', 'team.workbook', '--scenario', 'to March'])).code).toBe(0);
    const latestState = async (): Promise<string> => (await run(io, ['replay', '--workbook', 'team.workbook', '--scenario', 'to March', '--latest'])).err;
    expect(await latestState()).toMatch(/^run #1 of \S+Z\n$/);

    const path = `${TEST_CWD}/team.workbook`;
    const { workbook } = valueOf(openWorkbook(io.files.get(path) ?? null, await sqlJs()));
    const scenario = valueOf(findScenarioByName(workbook, 'to March'));
    const options = { toMs: Date.UTC(2025, 1, 1), fromMs: Date.UTC(2025, 0, 15) };
    valueOf(updateScenario(workbook, scenario.id, { ...scenario, options }, Date.UTC(2025, 5, 1)));
    io.files.set(path, exportWorkbook(workbook));

    expect(await latestState()).toMatch(/^run #1 of \S+Z; it is stale \(options-changed\): replay to update it\n$/);
    const info = await run(io, ['info', '--workbook', 'team.workbook']);
    expect(info.out).toMatch(/^ {2}"to March" .*; replayed to 2025-02-01T00:00:00Z, option "fromMs" \(not applied\); 1 run, latest #1 \S+Z \(stale: options-changed\)$/m);

    const again = await replayJson(io, 'to March');
    expect(again.err).toBe('note: this version does not apply the scenario\'s option "fromMs"; it is kept as stored\nrecorded run #2 in team.workbook\n');
    expect(again.reports[0].toMs).toBe(Date.UTC(2025, 1, 1));
    expect(await latestState()).toMatch(/^run #2 of \S+Z\n$/);
  });

  it('refuses options it cannot use', async () => {
    const io = await preparedWorkbook();
    const before = io.files.get(`${TEST_CWD}/team.workbook`);
    expect((await addScenario(io, 'x', 'ai-platform@2', '--to', 'soon')).err).toMatch(/^credit-workbench scenarios: --to: "soon" is not a time; expected .*\n$/);
    expect((await addScenario(io, 'x', 'ai-platform@2', '--map-plan', 'pro')).err).toBe(
      'credit-workbench scenarios: --map-plan expects FROM=TO with FROM a plan key; got "pro"\n',
    );
    expect((await addScenario(io, 'x', 'ai-platform@2', '--map-plan', '=pro')).code).toBe(2);
    expect((await addScenario(io, 'x', 'ai-platform@2', '--map-plan', 'pro=a', '--map-plan', 'pro=b')).err).toBe(
      'credit-workbench scenarios: --map-plan maps plan "pro" twice; give each plan one mapping\n',
    );
    expect((await run(io, ['scenarios', '--workbook', 'team.workbook', '--to', '2025-03-01'])).err).toBe(
      'credit-workbench scenarios: --baseline, --candidate, --dataset, --to and --map-plan go with --add NAME\n',
    );
    expect(io.files.get(`${TEST_CWD}/team.workbook`)).toBe(before);
  });
});

describe('workbook files that cannot be used', () => {
  it('refuses a file that is not a workbook, naming the problem, and never writes it', async () => {
    const io = memoryIo({ ...INPUTS, 'notes.txt': 'hello' });
    expect(await run(io, ['info', '--workbook', 'notes.txt'])).toEqual({
      code: 2,
      out: '',
      err: 'credit-workbench info: workbook "notes.txt": The file is not a Credit Workbench workbook: it is not an SQLite database. [workbook_not_a_workbook]\n',
    });
    expect(await run(io, [...IMPORT.slice(0, 2), 'notes.txt', ...IMPORT.slice(3)])).toMatchObject({ code: 2 });
    expect(io.written('notes.txt')).toBe('hello');
  });

  it('refuses a missing workbook for reading commands', async () => {
    const io = memoryIo();
    expect(await run(io, ['info', '--workbook', 'none.workbook'])).toEqual({
      code: 2,
      out: '',
      err: 'credit-workbench info: cannot read workbook "none.workbook": no such file\n',
    });
  });

  it('keeps the original of an old workbook as a backup before the first save upgrades it', async () => {
    const v1 = readFileSync(fileURLToPath(new URL('../fixtures/workbook-v1.sqlite', import.meta.url)));
    const io = memoryIo({ ...INPUTS, 'old.workbook': new Uint8Array(v1) });
    const info = await run(io, ['info', '--workbook', 'old.workbook']);
    expect(info.out).toContain(`schema version ${LATEST_SCHEMA_VERSION} (the file is at version 1; it is upgraded when next saved)`);
    expect(io.files.get(`${TEST_CWD}/old.workbook.schema-1.backup`)).toBeUndefined();

    const added = await run(io, ['books', '--workbook', 'old.workbook', '--add', 'books/baseline.json']);
    expect(added.code).toBe(0);
    expect(added.err).toBe(`upgraded the workbook from schema version 1; the original is kept as ${TEST_CWD}/old.workbook.schema-1.backup\n`);
    expect(Buffer.compare(io.files.get(`${TEST_CWD}/old.workbook.schema-1.backup`) ?? new Uint8Array(0), v1)).toBe(0);
    const reread = await run(io, ['info', '--workbook', 'old.workbook']);
    expect(reread.out).toMatch(new RegExp(`^workbook old\\.workbook: schema version ${LATEST_SCHEMA_VERSION}, [\\d.]+ MB$`, 'm'));
  });
});
