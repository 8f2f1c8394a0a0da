import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { runExport } from '../../cli/commands/export';
import { runValidate } from '../../cli/commands/validate';
import { baselineBook, BASELINE_TEXT } from './book-files';
import { memoryIo } from './memory-io';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

describe('export command', () => {
  it('prints canonical JSON on stdout and its SHA-256 on stderr', async () => {
    const io = memoryIo({ 'book.json': BASELINE_TEXT });
    expect(await runExport(['book.json'], io)).toBe(0);
    const json = io.out();
    expect(JSON.parse(json)).toMatchObject({ id: 'ai-platform', schemaVersion: 1 });
    expect(io.err()).toBe(`sha256 ${sha256(json)}\n`);
  });

  it('gives the same bytes for the same book written differently', async () => {
    const book = baselineBook();
    const padded = (value: string | number): string => `${value}${String(value).includes('.') ? '0' : '.0'}`;
    book.features = book.features.map((feature) => ({ ...feature, burnPerUnit: padded(feature.burnPerUnit) }));
    // Keys in reverse order and decimals with trailing zeros: the canonical text must not notice either.
    const reordered = Object.fromEntries(Object.entries(book).reverse());
    const first = memoryIo({ 'a.json': BASELINE_TEXT });
    const second = memoryIo({ 'b.json': JSON.stringify(reordered) });
    await runExport(['a.json'], first);
    await runExport(['b.json'], second);
    expect(second.out()).toBe(first.out());
  });

  it('writes --out atomically and prints the hash beside the file name', async () => {
    const io = memoryIo({ 'book.json': BASELINE_TEXT });
    expect(await runExport(['book.json', '--out', 'out/canonical.json'], io)).toBe(0);
    const written = io.written('out/canonical.json');
    expect(written).toBeDefined();
    expect(io.out()).toBe(`sha256 ${sha256(written ?? '')}  out/canonical.json\n`);
  });

  it('wraps the book in an envelope that validate reads back', async () => {
    const io = memoryIo({ 'book.json': BASELINE_TEXT });
    expect(await runExport(['book.json', '--envelope', '--out', 'book.price-book.json'], io)).toBe(0);
    const envelope = JSON.parse(io.written('book.price-book.json') ?? '') as { format: string; contentHash: string };
    expect(envelope.format).toBe('credit-workbench/price-book');
    expect(io.out()).toContain(envelope.contentHash);
    const check = memoryIo({ 'book.price-book.json': io.written('book.price-book.json') ?? '' });
    expect(await runValidate(['book.price-book.json'], check)).toBe(0);
  });

  it('refuses a book with errors with exit 1 and lists them on stderr', async () => {
    const book = baselineBook();
    book.plans[1].whenExhausted = { kind: 'auto-top-up', packKey: 'no-such-pack', thresholdCredits: '10' };
    const io = memoryIo({ 'book.json': JSON.stringify(book) });
    expect(await runExport(['book.json'], io)).toBe(1);
    expect(io.out()).toBe('');
    expect(io.err()).toMatch(/^error {3}\$\.plans\[1\]\.whenExhausted\.packKey: .*\n/);
    expect(io.err()).toMatch(/credit-workbench export: price book "book\.json" has 1 error\n$/);
  });

  it('exits 2 when the output cannot be written', async () => {
    const io = memoryIo({ 'book.json': BASELINE_TEXT });
    io.writeFileAtomic = async () => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    };
    expect(await runExport(['book.json', '--out', '/readonly/x.json'], io)).toBe(2);
    expect(io.err()).toBe('credit-workbench export: cannot write "/readonly/x.json": permission denied\n');
  });
});
