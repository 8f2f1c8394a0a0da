import { describe, expect, test } from 'vitest';
import { canonicalPriceBookJson } from '../../core/engine/price-book/canonical-json';
import { priceBookContentHash } from '../../core/engine/price-book/export';
import { exportWorkbook, openWorkbook } from '../../core/workbook/open-workbook';
import {
  addPriceBookVersion,
  listPriceBooks,
  priceBookHistory,
  readPriceBookVersion,
  readPriceBookVersionById,
} from '../../core/workbook/repositories/price-books';
import { testBook } from '../support/book-builder';
import { freshWorkbook, sameBytes, sqlJs, valueOf } from './workbook-support';

const JAN_1 = Date.UTC(2025, 0, 1);
const JAN_2 = Date.UTC(2025, 0, 2);

const cheaperCalls = testBook({ features: [{ key: 'call', name: 'API call', unitLabel: 'call', burnPerUnit: '0.5' }] });

describe('price book versions', () => {
  test('the first version creates the book; each change adds the next version number', async () => {
    const workbook = await freshWorkbook();
    const first = valueOf(addPriceBookVersion(workbook, testBook(), { createdAtMs: JAN_1, note: 'launch' }));
    const second = valueOf(addPriceBookVersion(workbook, { ...cheaperCalls, name: 'Test book, cheaper' }, { createdAtMs: JAN_2, note: 'halve calls' }));
    expect(first).toEqual({
      created: true,
      version: { versionId: 1, bookId: 'test', versionNumber: 1, contentHash: priceBookContentHash(testBook()), createdAtMs: JAN_1, note: 'launch' },
    });
    expect(second.version).toMatchObject({ versionId: 2, versionNumber: 2, note: 'halve calls' });
    expect(listPriceBooks(workbook)).toEqual([{ id: 'test', name: 'Test book, cheaper', versionCount: 2, latest: second.version }]);
    expect(valueOf(priceBookHistory(workbook, 'test'))).toEqual([first.version, second.version]);
  });

  test('a book identical to its latest version adds no version', async () => {
    const workbook = await freshWorkbook();
    const first = valueOf(addPriceBookVersion(workbook, testBook(), { createdAtMs: JAN_1, note: '' }));
    // Same content written differently: the burn as a JSON number where the first had the string "1".
    const sameBurnAsNumber = testBook({ features: [{ key: 'call', name: 'API call', unitLabel: 'call', burnPerUnit: 1 }] });
    const again = valueOf(addPriceBookVersion(workbook, sameBurnAsNumber, { createdAtMs: JAN_2, note: 'again' }));
    expect(again).toEqual({ created: false, version: first.version });
    expect(valueOf(priceBookHistory(workbook, 'test'))).toHaveLength(1);
  });

  test('going back to an earlier content makes a new version, not a rewrite of history', async () => {
    const workbook = await freshWorkbook();
    valueOf(addPriceBookVersion(workbook, testBook(), { createdAtMs: JAN_1, note: '' }));
    valueOf(addPriceBookVersion(workbook, cheaperCalls, { createdAtMs: JAN_1, note: '' }));
    const back = valueOf(addPriceBookVersion(workbook, testBook(), { createdAtMs: JAN_2, note: 'revert' }));
    expect(back.version.versionNumber).toBe(3);
    expect(valueOf(priceBookHistory(workbook, 'test')).map((version) => version.contentHash)).toEqual([
      priceBookContentHash(testBook()),
      priceBookContentHash(cheaperCalls),
      priceBookContentHash(testBook()),
    ]);
  });

  test('a version reads back with its canonical JSON and the book it holds', async () => {
    const workbook = await freshWorkbook();
    valueOf(addPriceBookVersion(workbook, testBook(), { createdAtMs: JAN_1, note: '' }));
    valueOf(addPriceBookVersion(workbook, cheaperCalls, { createdAtMs: JAN_2, note: '' }));
    const latest = valueOf(readPriceBookVersion(workbook, 'test', null));
    expect(latest.versionNumber).toBe(2);
    expect(latest.canonicalJson).toBe(canonicalPriceBookJson(cheaperCalls));
    expect(priceBookContentHash(latest.book)).toBe(latest.contentHash);
    const first = valueOf(readPriceBookVersion(workbook, 'test', 1));
    expect(first.book.features[0].burnPerUnit).toBe('1');
    expect(valueOf(readPriceBookVersionById(workbook, first.versionId)).versionNumber).toBe(1);
  });

  test('versions survive export and reopening', async () => {
    const workbook = await freshWorkbook();
    valueOf(addPriceBookVersion(workbook, testBook(), { createdAtMs: JAN_1, note: 'n' }));
    const reopened = valueOf(openWorkbook(exportWorkbook(workbook), await sqlJs())).workbook;
    expect(valueOf(priceBookHistory(reopened, 'test'))).toEqual(valueOf(priceBookHistory(workbook, 'test')));
  });

  test('an invalid book is refused and nothing is stored', async () => {
    const workbook = await freshWorkbook();
    const before = exportWorkbook(workbook);
    const result = addPriceBookVersion(workbook, testBook({ creditDecimals: 9 }), { createdAtMs: JAN_1, note: '' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.code).toBe('price_book_invalid');
    expect(result.problem.message).toMatch(/^The price book cannot be stored: it has 1 validation error\(s\), the first at \$\.creditDecimals: /);
    expect(sameBytes(exportWorkbook(workbook), before)).toBe(true);
  });

  test('unknown books and versions are named in the problem', async () => {
    const workbook = await freshWorkbook();
    valueOf(addPriceBookVersion(workbook, testBook(), { createdAtMs: JAN_1, note: '' }));
    expect(priceBookHistory(workbook, 'nope')).toEqual({
      ok: false,
      problem: { code: 'price_book_not_found', message: 'The workbook has no price book with id "nope".' },
    });
    expect(readPriceBookVersion(workbook, 'nope', null)).toEqual({
      ok: false,
      problem: { code: 'price_book_not_found', message: 'The workbook has no price book with id "nope".' },
    });
    expect(readPriceBookVersion(workbook, 'test', 4)).toEqual({
      ok: false,
      problem: { code: 'price_book_version_not_found', message: 'The price book "test" has no version 4.' },
    });
    expect(readPriceBookVersionById(workbook, 99)).toEqual({
      ok: false,
      problem: { code: 'price_book_version_not_found', message: 'The workbook has no price book version with id 99.' },
    });
  });
});

describe('price book history is never rewritten', () => {
  test('the schema refuses to update a version', async () => {
    const workbook = await freshWorkbook();
    valueOf(addPriceBookVersion(workbook, testBook(), { createdAtMs: JAN_1, note: 'x' }));
    expect(() => workbook.database.run("UPDATE price_book_versions SET note = 'edited'")).toThrow(
      'price book versions are never changed: add a new version instead',
    );
  });

  test('the schema refuses to delete a version', async () => {
    const workbook = await freshWorkbook();
    valueOf(addPriceBookVersion(workbook, testBook(), { createdAtMs: JAN_1, note: 'x' }));
    expect(() => workbook.database.run('DELETE FROM price_book_versions')).toThrow('price book versions are never deleted');
  });

  test('a version whose text was altered behind the workbook is refused as damaged', async () => {
    const workbook = await freshWorkbook();
    valueOf(addPriceBookVersion(workbook, testBook(), { createdAtMs: JAN_1, note: 'x' }));
    workbook.database.run('DROP TRIGGER price_book_versions_are_never_changed');
    workbook.database.run("UPDATE price_book_versions SET canonical_json = replace(canonical_json, '\"1\"', '\"2\"')");
    expect(readPriceBookVersion(workbook, 'test', 1)).toEqual({
      ok: false,
      problem: { code: 'workbook_damaged', message: 'Version 1 of price book "test" is damaged: its text no longer matches its content hash.' },
    });
  });
});
