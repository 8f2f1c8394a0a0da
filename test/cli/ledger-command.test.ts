import { describe, expect, it } from 'vitest';

import { runLedger } from '../../cli/commands/ledger';
import type { LedgerEntry } from '../../core/engine/replay/replay-types';
import { BASELINE_TEXT } from './book-files';
import { memoryIo } from './memory-io';
import { CUSTOMERS_CSV, EVENTS_CSV } from './usage-files';

const files = { 'book.json': BASELINE_TEXT, 'events.csv': EVENTS_CSV, 'customers.csv': CUSTOMERS_CSV };
const args = ['--book', 'book.json', '--usage', 'events.csv', '--customers', 'customers.csv'];

describe('ledger command', () => {
  it('lists a customer’s entries whose balance follows every change', async () => {
    const io = memoryIo(files);
    expect(await runLedger([...args, '--customer', 'cus_pro', '--format', 'json'], io)).toBe(0);
    const { entries } = JSON.parse(io.out()) as { entries: LedgerEntry[] };
    expect(entries[0]).toMatchObject({ kind: 'grant', grantKind: 'included', cashMicros: 49_000_000 });
    let balance = 0;
    for (const entry of entries) {
      // Rollover entries move credits between grants: the source's part leaves, the new grant's part arrives.
      if (entry.kind !== 'overage-charge' && entry.kind !== 'fee' && entry.kind !== 'blocked') balance += entry.credits;
      if (entry.kind !== 'overage' && entry.kind !== 'negative-balance') expect(entry.balanceAfter).toBe(balance);
      else balance = entry.balanceAfter;
    }
    expect(entries.some((entry) => entry.kind === 'overage')).toBe(true);
  });

  it('prints a table by default', async () => {
    const io = memoryIo(files);
    expect(await runLedger([...args, '--customer', 'cus_pro'], io)).toBe(0);
    expect(io.out()).toContain('Ledger of cus_pro under "AI Platform — baseline"');
    expect(io.out()).toMatch(/grant\s+1 included/);
  });

  it('refuses an unknown customer with exit 1 and a sentence', async () => {
    const io = memoryIo(files);
    expect(await runLedger([...args, '--customer', 'nobody'], io)).toBe(1);
    expect(io.err()).toContain('There is no customer "nobody" in this usage.');
  });

  it('needs the customer', async () => {
    const io = memoryIo(files);
    expect(await runLedger(args, io)).toBe(2);
    expect(io.err()).toContain('needs --customer ID');
  });
});
