import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalPriceBookJson } from '../../core/engine/price-book/canonical-json';
import {
  PRICE_BOOK_FORMAT,
  exportEnvelope,
  exportPriceBook,
  priceBookContentHash,
  priceBookFileName,
} from '../../core/engine/price-book/export';
import type { PriceBook } from '../../core/engine/price-book/model';
import { validatePriceBook } from '../../core/engine/price-book/validate';
import { bookWith, cleanBook, edited } from './book-edits';

const baseline = JSON.parse(readFileSync(new URL('../fixtures/books/ai-baseline.json', import.meta.url), 'utf8')) as PriceBook;

/** The same JSON with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, inner]) => [key, reverseKeys(inner)]));
}

function exported(input: unknown): { json: string; contentHash: string; fileName: string } {
  const result = exportPriceBook(input);
  if (!result.ok) throw new Error(`export refused: ${JSON.stringify(result.errors)}`);
  return result;
}

describe('canonical price book JSON', () => {
  it('writes fields in schema order, decimals as canonical text, and drops unknown fields', () => {
    const messy = {
      packs: [{ expiry: { days: 90, kind: 'days' }, price: 10.5, credits: '1000.00', key: 'small', name: 'Small', bonusCredits: 5e1 }],
      plans: [
        {
          whenExhausted: { pricePerCredit: '0.0120', kind: 'overage' },
          rollover: { expiresAfterPeriods: 2, percent: 25.0, kind: 'percent' },
          includedExpiry: { kind: 'end-of-period' },
          includedCredits: '5e3',
          fee: '49.00',
          period: 'month',
          name: 'Pro',
          key: 'pro',
        },
      ],
      features: [
        {
          tiers: [{ burnPerUnit: '1.50', upToUnits: 1000 }, { burnPerUnit: '.75', upToUnits: null }],
          unitLabel: 'minute',
          burnPerUnit: '1.5',
          rounding: 'none',
          name: 'Video',
          key: 'video',
          colour: 'blue',
        },
      ],
      breakage: { expectedRate: '0.10', method: 'proportional' },
      consumptionOrder: 'fifo',
      creditDecimals: 2,
      currency: 'EUR',
      name: 'Video book',
      id: 'video',
      schemaVersion: 1,
    };
    expect(canonicalPriceBookJson(messy as unknown as PriceBook)).toBe(`{
  "schemaVersion": 1,
  "id": "video",
  "name": "Video book",
  "currency": "EUR",
  "creditDecimals": 2,
  "consumptionOrder": "fifo",
  "breakage": {
    "method": "proportional",
    "expectedRate": "0.1"
  },
  "features": [
    {
      "key": "video",
      "name": "Video",
      "unitLabel": "minute",
      "burnPerUnit": "1.5",
      "tiers": [
        {
          "upToUnits": "1000",
          "burnPerUnit": "1.5"
        },
        {
          "upToUnits": null,
          "burnPerUnit": "0.75"
        }
      ],
      "rounding": "none"
    }
  ],
  "plans": [
    {
      "key": "pro",
      "name": "Pro",
      "period": "month",
      "fee": "49",
      "includedCredits": "5000",
      "includedExpiry": {
        "kind": "end-of-period"
      },
      "rollover": {
        "kind": "percent",
        "percent": "25",
        "expiresAfterPeriods": 2
      },
      "whenExhausted": {
        "kind": "overage",
        "pricePerCredit": "0.012"
      }
    }
  ],
  "packs": [
    {
      "key": "small",
      "name": "Small",
      "credits": "1000",
      "bonusCredits": "50",
      "price": "10.5",
      "expiry": {
        "kind": "days",
        "days": 90
      }
    }
  ]
}
`);
  });

  it('places the optional book fields and promotions where the schema has them', () => {
    const json = canonicalPriceBookJson(
      edited(cleanBook(), [['promotions'], { expiry: { kind: 'never' }, signUpCredits: 100 }], [['description'], 'D'], [['version'], 'V']) as PriceBook,
    );
    const keys = Object.keys(JSON.parse(json) as object);
    expect(keys).toEqual([
      'schemaVersion', 'id', 'name', 'version', 'description', 'currency', 'creditDecimals', 'consumptionOrder', 'breakage',
      'features', 'plans', 'packs', 'promotions',
    ]);
    expect(json.endsWith('  "promotions": {\n    "signUpCredits": "100",\n    "expiry": {\n      "kind": "never"\n    }\n  }\n}\n')).toBe(true);
  });

  it('gives the same bytes for numbers and strings of the same decimals', () => {
    const strings = bookWith([['features', 0, 'burnPerUnit'], '0.001'], [['plans', 0, 'fee'], '49.00'], [['packs', 0, 'credits'], '1000']);
    const numbers = bookWith([['features', 0, 'burnPerUnit'], 0.001], [['plans', 0, 'fee'], 49], [['packs', 0, 'credits'], 1e3]);
    const padded = bookWith([['features', 0, 'burnPerUnit'], '0.0010'], [['plans', 0, 'fee'], ' 49.000000 '], [['packs', 0, 'credits'], '1.000e3']);
    const json = canonicalPriceBookJson(strings as PriceBook);
    expect(canonicalPriceBookJson(numbers as PriceBook)).toBe(json);
    expect(canonicalPriceBookJson(padded as PriceBook)).toBe(json);
    expect(json).toContain('"burnPerUnit": "0.001"');
  });

  it('gives the same bytes for any spelling of the same decimal', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 15n }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 4 }), (digits, decimals, zeros) => {
        const text = (digits * 10n ** BigInt(zeros)).toString().padStart(decimals + zeros + 1, '0');
        const point = text.length - decimals - zeros;
        const padded = point === text.length ? text : `${text.slice(0, point)}.${text.slice(point)}`;
        const exponent = `${digits}e-${decimals}`;
        const first = canonicalPriceBookJson(bookWith([['features', 0, 'burnPerUnit'], padded]) as PriceBook);
        expect(canonicalPriceBookJson(bookWith([['features', 0, 'burnPerUnit'], exponent]) as PriceBook)).toBe(first);
      }),
      { numRuns: 200 },
    );
  });

  it('is a fixed point: the canonical text of a canonical text is itself', () => {
    const once = canonicalPriceBookJson(baseline);
    expect(canonicalPriceBookJson(JSON.parse(once) as PriceBook)).toBe(once);
  });

  it('keeps arrays in the author\'s order', () => {
    const book = cleanBook();
    book.features.push({ key: 'calls', name: 'Calls', unitLabel: 'call', burnPerUnit: '0.2' });
    const swapped = structuredClone(book);
    swapped.features.reverse();
    const keys = (json: string) => (JSON.parse(json) as PriceBook).features.map((feature) => feature.key);
    expect(keys(canonicalPriceBookJson(book))).toEqual(['tokens', 'calls']);
    expect(keys(canonicalPriceBookJson(swapped))).toEqual(['calls', 'tokens']);
  });
});

describe('price book export', () => {
  it('returns the canonical JSON with the SHA-256 of its UTF-8 bytes', () => {
    const result = exported(baseline);
    expect(result.json).toBe(canonicalPriceBookJson(baseline));
    expect(result.contentHash).toBe(createHash('sha256').update(Buffer.from(result.json, 'utf8')).digest('hex'));
    expect(result.contentHash).toBe(priceBookContentHash(baseline));
    expect(result.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives equivalent books the same hash', () => {
    const reordered = reverseKeys(cleanBook());
    expect(Object.keys(reordered as object)[0]).toBe('packs');
    expect(exported(reordered).contentHash).toBe(exported(cleanBook()).contentHash);
    expect(exported(bookWith([['plans', 0, 'fee'], 49.0])).contentHash).toBe(exported(cleanBook()).contentHash);
  });

  it('changes the hash when a burn changes', () => {
    const before = exported(cleanBook()).contentHash;
    expect(exported(bookWith([['features', 0, 'burnPerUnit'], '1.01'])).contentHash).not.toBe(before);
    expect(exported(bookWith([['features', 0, 'burnPerUnit'], '1.00'])).contentHash).toBe(before);
  });

  it('refuses a book with validation errors and names them', () => {
    const input = bookWith([['features', 0, 'burnPerUnit'], '0']);
    expect(exportPriceBook(input)).toEqual({ ok: false, errors: validatePriceBook(input).errors });
    expect(exportEnvelope(input)).toEqual({ ok: false, errors: validatePriceBook(input).errors });
    expect(exportPriceBook('not a book')).toMatchObject({ ok: false, errors: [{ code: 'not_an_object' }] });
  });

  it('exports a book with warnings and hands the warnings back', () => {
    const result = exportPriceBook(bookWith([['features', 0, 'colour'], 'blue']));
    expect(result).toMatchObject({ ok: true, warnings: [{ code: 'unknown_field' }] });
    expect(result.ok && result.json.includes('colour')).toBe(false);
  });

  it('re-reads its own export as a valid book that exports to the same bytes', () => {
    for (const book of [baseline, cleanBook()]) {
      const first = exported(book);
      const reread = validatePriceBook(JSON.parse(first.json));
      expect(reread).toMatchObject({ ok: true, errors: [], warnings: [] });
      expect(exported(reread.book)).toEqual(first);
    }
  });

  it('names the file by id, version label and the first 12 hex digits of the hash', () => {
    const result = exported(baseline);
    expect(result.fileName).toBe(`ai-platform-2025-07-baseline-${result.contentHash.slice(0, 12)}.json`);
    const hash = 'abcdef0123456789'.repeat(4);
    expect(priceBookFileName(cleanBook(), hash, '.json')).toBe('test-book-abcdef012345.json');
    expect(priceBookFileName({ ...cleanBook(), id: 'Crédits/Main ', version: '../July!' }, hash, '.json')).toBe(
      'cr-dits-main-july-abcdef012345.json',
    );
    expect(priceBookFileName({ ...cleanBook(), id: '***' }, hash, '.json')).toBe('price-book-abcdef012345.json');
  });
});

describe('price book envelope', () => {
  it('wraps the canonical book with its format, version and content hash', () => {
    const result = exportEnvelope(baseline);
    if (!result.ok) throw new Error('envelope refused');
    const envelope = JSON.parse(result.json) as Record<string, unknown>;
    expect(Object.keys(envelope)).toEqual(['format', 'schemaVersion', 'contentHash', 'book']);
    expect(envelope).toMatchObject({ format: PRICE_BOOK_FORMAT, schemaVersion: 1, contentHash: priceBookContentHash(baseline) });
    expect(result.contentHash).toBe(exported(baseline).contentHash);
    expect(canonicalPriceBookJson(envelope.book as PriceBook)).toBe(canonicalPriceBookJson(baseline));
    expect(result.json.endsWith('}\n')).toBe(true);
    expect(result.json.split('\n')[1]).toBe(`  "format": "${PRICE_BOOK_FORMAT}",`);
    expect(result.fileName).toBe(`ai-platform-2025-07-baseline-${result.contentHash.slice(0, 12)}.price-book.json`);
  });

  it('exports the same envelope bytes for equivalent books', () => {
    const a = exportEnvelope(cleanBook());
    const b = exportEnvelope(bookWith([['plans', 0, 'fee'], 49], [['features', 0, 'burnPerUnit'], '1.000']));
    expect(a).toEqual(b);
  });
});
