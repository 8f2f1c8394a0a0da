import { describe, expect, it } from 'vitest';

import { runValidate } from '../../cli/commands/validate';
import { baselineBook, BASELINE_TEXT } from './book-files';
import { memoryIo } from './memory-io';

describe('validate command', () => {
  it('accepts a valid book with exit 0 and says so', async () => {
    const io = memoryIo({ 'book.json': BASELINE_TEXT });
    expect(await runValidate(['book.json'], io)).toBe(0);
    expect(io.out()).toBe('"book.json" is a valid price book (0 errors, 0 warnings)\n');
    expect(io.err()).toBe('');
  });

  it('lists each error with its JSON path and sentence and exits 1', async () => {
    const book = baselineBook();
    book.features[1].burnPerUnit = '0';
    const io = memoryIo({ 'book.json': JSON.stringify(book) });
    expect(await runValidate(['book.json'], io)).toBe(1);
    expect(io.out()).toMatch(/^error {3}\$\.features\[1\]\.burnPerUnit: .*greater than zero.* \[burn_not_positive\]\n$/);
    expect(io.err()).toBe('credit-workbench validate: "book.json" is not a valid price book: 1 error, 0 warnings\n');
  });

  it('lists warnings but still exits 0', async () => {
    const book = baselineBook();
    book.name = '';
    const io = memoryIo({ 'book.json': JSON.stringify(book) });
    expect(await runValidate(['book.json'], io)).toBe(0);
    expect(io.out()).toContain('warning $.name: ');
    expect(io.out()).toContain('[empty_name]');
    expect(io.out()).toContain('(0 errors, 1 warning)');
  });

  it('prints the issues as JSON when asked', async () => {
    const book = baselineBook();
    book.features[1].burnPerUnit = '-1';
    const io = memoryIo({ 'book.json': JSON.stringify(book) });
    expect(await runValidate(['--format', 'json', 'book.json'], io)).toBe(1);
    const printed = JSON.parse(io.out()) as { ok: boolean; errors: { code: string; path: string }[] };
    expect(printed.ok).toBe(false);
    expect(printed.errors[0]).toMatchObject({ path: '$.features[1].burnPerUnit' });
  });

  it('exits 2 with one line when the file is missing or not JSON', async () => {
    const missing = memoryIo();
    expect(await runValidate(['nope.json'], missing)).toBe(2);
    expect(missing.err()).toBe('credit-workbench validate: cannot read price book "nope.json": no such file\n');

    const broken = memoryIo({ 'book.json': '{ "id": ' });
    expect(await runValidate(['book.json'], broken)).toBe(2);
    expect(broken.err()).toMatch(/^credit-workbench validate: price book "book\.json" is not valid JSON: .+\n$/);
    expect(broken.err().split('\n')).toHaveLength(2);
  });

  it('exits 2 without a book, and prints help with exit 0', async () => {
    const io = memoryIo();
    expect(await runValidate([], io)).toBe(2);
    expect(io.err()).toBe('credit-workbench validate: expects BOOK; got none\n');
    const help = memoryIo();
    expect(await runValidate(['--help'], help)).toBe(0);
    expect(help.out()).toMatch(/^Usage: credit-workbench validate \[options\] BOOK\n/);
  });
});
