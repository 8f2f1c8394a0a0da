import { describe, expect, it } from 'vitest';

import { runReplay } from '../../cli/commands/replay';
import type { ReplayReport } from '../../core/engine/report/report-model';
import { baselineBook, BASELINE_TEXT, REBALANCE_TEXT, ROLLOVER_TEXT } from './book-files';
import { memoryIo } from './memory-io';
import { CUSTOMERS_CSV, EVENTS_CSV } from './usage-files';

const FILES = {
  'books/baseline.json': BASELINE_TEXT,
  'books/rebalance.json': REBALANCE_TEXT,
  'books/rollover.json': ROLLOVER_TEXT,
  'usage/events.csv': EVENTS_CSV,
  'usage/customers.csv': CUSTOMERS_CSV,
};

const USAGE_ARGS = ['--usage', 'usage/events.csv', '--customers', 'usage/customers.csv'];
const TWO_BOOKS = ['--book', 'books/baseline.json', '--book', 'books/rebalance.json', ...USAGE_ARGS];

async function replayJson(args: string[], files: Record<string, string> = FILES): Promise<{ code: number; reports: ReplayReport[]; text: string }> {
  const io = memoryIo(files);
  const code = await runReplay([...args, '--format', 'json'], io);
  const text = io.out();
  return { code, text, reports: code === 0 ? (JSON.parse(text) as { reports: ReplayReport[] }).reports : [] };
}

describe('replay command', () => {
  it('prints the comparison table of the books by default', async () => {
    const io = memoryIo(FILES);
    expect(await runReplay(TWO_BOOKS, io)).toBe(0);
    const text = io.out();
    expect(text).toMatch(/^Replay of 5 customers and 21 events, 2025-01-01 to 2025-04-01/);
    expect(text).toMatch(/Headline\s+AI Platform — baseline\s+AI Platform — rebalance/);
    expect(text).toContain('Top customers by bill change — AI Platform — rebalance vs AI Platform — baseline');
    expect(text).toMatch(/cus_pro\s+pro\s+self-serve\s+192\.09\s+\+9\.57\s+\+5\.24%/);
    expect(io.err()).toBe('');
  });

  it('prints { reports } as JSON, one per book in order, the first the baseline', async () => {
    const { code, reports } = await replayJson(TWO_BOOKS);
    expect(code).toBe(0);
    expect(reports.map((report) => report.book.name)).toEqual(['AI Platform — baseline', 'AI Platform — rebalance']);
    expect(reports[0].baselineBook).toBeNull();
    expect(reports[1].baselineBook?.contentHash).toBe(reports[0].book.contentHash);
    expect(reports[1].reconciliation.credits.holds && reports[1].reconciliation.money.holds).toBe(true);
    // cus_pro on Pro (49/month, 5,000 credits, overage 0.012/credit, 250 sign-up credits). Rebalance burns:
    // January 1200.5×0.8 + 120.25×50 + 900×0.75 + 12000×0.03 = 8007.9 against 5,250 → 2757.9 overage;
    // February 2500×0.8 + 80×50 = 6000 against 5,000 → 1000; March 40×10 = 400 fits. 3757.9 × 0.012 = 45.0948.
    // Baseline: January 1200.5 + 120.25×40 + 900×1 + 12000×0.05 = 7510.5 → 2260.5 over; February 2500 + 80×40 =
    // 5700 → 700; 2960.5 × 0.012 = 35.526. Change 192.0948 − 182.526 = 9.5688 = +5.24 % of 182.526.
    const pro = reports[1].customers.find((customer) => customer.id === 'cus_pro');
    expect(pro).toMatchObject({
      cashMicros: 192_094_800,
      overageMicros: 45_094_800,
      creditsOverage: 375_790,
      billChangeMicros: 9_568_800,
      billChangePercent: '+5.24',
    });
  });

  it('gives byte-identical JSON for the same inputs', async () => {
    const first = await replayJson(TWO_BOOKS);
    const second = await replayJson(TWO_BOOKS);
    expect(second.text).toBe(first.text);
  });

  it('measures every book against --baseline, wherever it stands in the list', async () => {
    const { reports } = await replayJson([...TWO_BOOKS, '--baseline', 'books/rebalance.json']);
    expect(reports.map((report) => report.book.name)).toEqual(['AI Platform — baseline', 'AI Platform — rebalance']);
    expect(reports[1].baselineBook).toBeNull();
    expect(reports[0].baselineBook?.name).toBe('AI Platform — rebalance');
    expect(reports[0].customers.find((customer) => customer.id === 'cus_pro')?.billChangeMicros).toBe(-9_568_800);
  });

  it('replays a --baseline that is not a --book first, in addition', async () => {
    const { reports } = await replayJson(['--book', 'books/rollover.json', '--baseline', 'books/baseline.json', ...USAGE_ARGS]);
    expect(reports.map((report) => report.book.name)).toEqual(['AI Platform — baseline', 'AI Platform — rollover']);
    expect(reports[1].baselineBook?.name).toBe('AI Platform — baseline');
  });

  it('prints one section as CSV with a row per customer per book', async () => {
    const io = memoryIo(FILES);
    expect(await runReplay([...TWO_BOOKS, '--format', 'csv', '--section', 'customers'], io)).toBe(0);
    const lines = io.out().trimEnd().split('\n');
    expect(lines[0]).toMatch(/^book_id,book_name,book_version,book_hash,currency,customer_id,plan_key,/);
    expect(lines).toHaveLength(1 + 5 * 2);
    expect(lines.find((line) => line.includes('AI Platform — rebalance') && line.includes(',cus_pro,'))).toContain(',192.0948,147.00,0.00,45.0948,');
  });

  it('limits a table to one section and to --top customers', async () => {
    const io = memoryIo(FILES);
    expect(await runReplay([...TWO_BOOKS, '--section', 'customers', '--top', '2'], io)).toBe(0);
    const text = io.out();
    expect(text).not.toContain('Headline');
    expect(text).not.toContain('Months —');
    const rows = text.split('\n').filter((line) => line.startsWith('cus_'));
    expect(rows).toHaveLength(4);
  });

  it('writes --out atomically and leaves stdout empty', async () => {
    const io = memoryIo(FILES);
    expect(await runReplay([...TWO_BOOKS, '--format', 'json', '--out', 'out/report.json'], io)).toBe(0);
    expect(io.out()).toBe('');
    expect(io.err()).toBe('wrote out/report.json\n');
    expect((JSON.parse(io.written('out/report.json') ?? '') as { reports: unknown[] }).reports).toHaveLength(2);
  });

  it('shows progress on stderr when asked, keeping stdout clean', async () => {
    const io = memoryIo(FILES);
    expect(await runReplay([...TWO_BOOKS, '--format', 'json', '--progress'], io)).toBe(0);
    expect(io.err()).toContain('Replaying "AI Platform — baseline": done, 21 events');
    expect(io.err()).toContain('Replaying "AI Platform — rebalance": done, 21 events');
    expect(() => JSON.parse(io.out()) as unknown).not.toThrow();
  });

  it('shows progress by default on a terminal', async () => {
    const io = memoryIo(FILES, { tty: true });
    expect(await runReplay(TWO_BOOKS, io)).toBe(0);
    expect(io.err()).toContain('\rReplaying "AI Platform — baseline": done');
  });
});

describe('replay command refusals', () => {
  async function refusal(args: string[], files: Record<string, string> = FILES): Promise<{ code: number; err: string; out: string }> {
    const io = memoryIo(files);
    const code = await runReplay(args, io);
    return { code, err: io.err(), out: io.out() };
  }

  it('exits 2 on missing or wrong arguments, with one line', async () => {
    expect(await refusal(USAGE_ARGS)).toEqual({ code: 2, out: '', err: 'credit-workbench replay: needs at least one --book\n' });
    expect((await refusal(['--book', 'books/baseline.json', '--customers', 'usage/customers.csv'])).err).toBe(
      'credit-workbench replay: needs --usage EVENTS\n',
    );
    expect((await refusal([...TWO_BOOKS, '--format', 'xml'])).err).toBe(
      'credit-workbench replay: --format must be one of table, json, csv; got "xml"\n',
    );
    expect((await refusal([...TWO_BOOKS, '--format', 'json', '--section', 'months'])).code).toBe(2);
    expect((await refusal([...TWO_BOOKS, '--top', 'many'])).err).toBe(
      'credit-workbench replay: --top must be a whole number of customers; got "many"\n',
    );
    expect((await refusal([...TWO_BOOKS, '--bogus'])).code).toBe(2);
  });

  it('exits 2 when a file cannot be read', async () => {
    const result = await refusal(['--book', 'books/missing.json', ...USAGE_ARGS]);
    expect(result).toEqual({ code: 2, out: '', err: 'credit-workbench replay: cannot read price book "books/missing.json": no such file\n' });
    const noUsage = await refusal(['--book', 'books/baseline.json', '--usage', 'nope.csv', '--customers', 'usage/customers.csv']);
    expect(noUsage.err).toBe('credit-workbench replay: cannot read usage file "nope.csv": no such file\n');
    expect(noUsage.code).toBe(2);
  });

  it('exits 2 when the usage format cannot be told from the file name', async () => {
    const files = { ...FILES, 'usage/events.txt': EVENTS_CSV };
    const result = await refusal(['--book', 'books/baseline.json', '--usage', 'usage/events.txt', '--customers', 'usage/customers.csv'], files);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/\[unknown_format\]\n.*usage file "usage\/events\.txt" has 1 error\n$/);
  });

  it('exits 1 with the issues of an invalid book', async () => {
    const book = baselineBook();
    book.packs[0].price = '-12';
    const result = await refusal(['--book', 'bad.json', ...USAGE_ARGS], { ...FILES, 'bad.json': JSON.stringify(book) });
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^error {3}\$\.packs\[0\]\.price: .*\n/);
    expect(result.err).toMatch(/credit-workbench replay: price book "bad\.json" has 1 error\n$/);
  });

  it('exits 1 naming file, line and column of a bad event', async () => {
    const events = `${EVENTS_CSV}2025-03-02T00:00:00Z,cus_pro,video-minutes,3\n2025-03-03T00:00:00Z,cus_pro,tokens,-4\n`;
    const result = await refusal(TWO_BOOKS, { ...FILES, 'usage/events.csv': events });
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toContain('usage/events.csv line 23, column 3 (feature)');
    expect(result.err).toContain('usage/events.csv line 24, column 4 (quantity)');
    expect(result.err).toMatch(/credit-workbench replay: usage file "usage\/events\.csv" has 2 errors\n$/);
  });

  it('exits 1 naming a customer file problem', async () => {
    const customers = `${CUSTOMERS_CSV}cus_pro,pro,2025-02-01T00:00:00Z,,\n`;
    const result = await refusal(TWO_BOOKS, { ...FILES, 'usage/customers.csv': customers });
    expect(result.code).toBe(1);
    expect(result.err).toContain('[duplicate_customer]');
    expect(result.err).toMatch(/customers file "usage\/customers\.csv" has 1 error\n$/);
  });

  it('exits 1 when a book lacks a plan the customers are on', async () => {
    const book = baselineBook();
    book.plans = book.plans.filter((plan) => plan.key !== 'team');
    const result = await refusal(['--book', 'no-team.json', ...USAGE_ARGS], { ...FILES, 'no-team.json': JSON.stringify(book) });
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^credit-workbench replay: .*"team" \(1 customer\)/);
  });
});
