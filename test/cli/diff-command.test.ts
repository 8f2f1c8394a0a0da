import { describe, expect, it } from 'vitest';

import { runDiff } from '../../cli/commands/diff';
import type { PriceBookChange } from '../../core/engine/price-book/diff';
import { baselineBook, BASELINE_TEXT, REBALANCE_TEXT } from './book-files';
import { memoryIo } from './memory-io';

describe('diff command', () => {
  it('lists each change with its path and percent, after a heading naming both books', async () => {
    const io = memoryIo({ 'a.json': BASELINE_TEXT, 'b.json': REBALANCE_TEXT });
    expect(await runDiff(['a.json', 'b.json'], io)).toBe(0);
    const lines = io.out().split('\n');
    expect(lines[0]).toBe('"AI Platform — baseline" (2025-07 baseline) → "AI Platform — rebalance" (2025-10 rebalance): 11 changes');
    expect(lines[2]).toMatch(/^Kind\s+Path\s+Change$/);
    expect(io.out()).toMatch(/changed\s+\$\.features\[0\]\.burnPerUnit\s+Feature "tokens": burn per unit 1 → 0\.8 credits \(-20\.00%\)\n/);
    expect(io.out()).toMatch(/\$\.features\[4\]\.burnPerUnit\s+.*8 → 10 credits \(\+25\.00%\)/);
  });

  it('says there are no changes between equal books written differently', async () => {
    const book = baselineBook();
    const io = memoryIo({ 'a.json': BASELINE_TEXT, 'b.json': JSON.stringify(Object.fromEntries(Object.entries(book).reverse())) });
    expect(await runDiff(['a.json', 'b.json'], io)).toBe(0);
    expect(io.out()).toBe('"AI Platform — baseline" (2025-07 baseline) → "AI Platform — baseline" (2025-07 baseline): no changes\n');
  });

  it('prints the changes as JSON with both books identified', async () => {
    const io = memoryIo({ 'a.json': BASELINE_TEXT, 'b.json': REBALANCE_TEXT });
    expect(await runDiff(['--format', 'json', 'a.json', 'b.json'], io)).toBe(0);
    const printed = JSON.parse(io.out()) as { before: { name: string; contentHash: string }; changes: PriceBookChange[] };
    expect(printed.before.name).toBe('AI Platform — baseline');
    expect(printed.before.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(printed.changes.find((change) => change.path === '$.features[0].burnPerUnit')).toMatchObject({
      before: '1',
      after: '0.8',
      percentChange: '-20.00%',
    });
  });

  it('exits 1 when either book is invalid and 2 when one is missing or the arguments are wrong', async () => {
    const book = baselineBook();
    book.features.push({ ...book.features[0] });
    const invalid = memoryIo({ 'a.json': BASELINE_TEXT, 'b.json': JSON.stringify(book) });
    expect(await runDiff(['a.json', 'b.json'], invalid)).toBe(1);
    expect(invalid.err()).toMatch(/credit-workbench diff: price book "b\.json" has \d+ errors?\n$/);

    const missing = memoryIo({ 'a.json': BASELINE_TEXT });
    expect(await runDiff(['a.json', 'b.json'], missing)).toBe(2);
    const oneBook = memoryIo({ 'a.json': BASELINE_TEXT });
    expect(await runDiff(['a.json'], oneBook)).toBe(2);
    expect(oneBook.err()).toBe('credit-workbench diff: expects A B; got "a.json"\n');
  });
});
