import { describe, expect, it } from 'vitest';
import { validatePriceBook } from '../../core/engine/price-book/validate';
import { bookWith, cleanBook } from './book-edits';
import type { Edit } from './book-edits';

function error(code: string, path: string, message: string) {
  return { severity: 'error', code, path, message };
}

function warning(code: string, path: string, message: string) {
  return { severity: 'warning', code, path, message };
}

describe('price book structure', () => {
  it('accepts the clean test book with no issues and returns it typed', () => {
    const input = cleanBook();
    const result = validatePriceBook(input);
    expect(result).toEqual({ ok: true, errors: [], warnings: [], book: input });
    expect(result.book).toBe(input);
  });

  it('refuses input that is not a JSON object', () => {
    expect(validatePriceBook([]).errors).toEqual([
      error('not_an_object', '$', 'The file is not a price book: it is a list, not a JSON object.'),
    ]);
    expect(validatePriceBook(null).errors).toEqual([
      error('not_an_object', '$', 'The file is not a price book: it is null, not a JSON object.'),
    ]);
    expect(validatePriceBook('{"id": 1}').book).toBeNull();
  });

  const cases: { name: string; edits: Edit[]; expected: ReturnType<typeof error> }[] = [
    {
      name: 'a feature without a burn per unit',
      edits: [[['features', 0, 'burnPerUnit'], undefined]],
      expected: error('missing_field', '$.features[0].burnPerUnit', 'Feature "tokens" is missing its burn per unit ("burnPerUnit").'),
    },
    {
      name: 'a book without a currency',
      edits: [[['currency'], undefined]],
      expected: error('missing_field', '$.currency', 'The price book is missing its currency ("currency").'),
    },
    {
      name: 'a feature without a key, named by its position',
      edits: [[['features', 0, 'key'], undefined]],
      expected: error('missing_field', '$.features[0].key', 'Feature 1 is missing its key ("key").'),
    },
    {
      name: 'a rollover without its percent',
      edits: [[['plans', 0, 'rollover'], { kind: 'percent', expiresAfterPeriods: 1 }]],
      expected: error('missing_field', '$.plans[0].rollover.percent', 'Plan "pro" is missing its rollover percent ("percent").'),
    },
    {
      name: 'a fee that is a boolean',
      edits: [[['plans', 0, 'fee'], true]],
      expected: error('wrong_type', '$.plans[0].fee', 'Plan "pro": fee ("fee") must be a decimal number such as "12.5", but it is true.'),
    },
    {
      name: 'features that are not a list',
      edits: [[['features'], {}]],
      expected: error('wrong_type', '$.features', 'The price book: features ("features") must be a list, but it is an object.'),
    },
    {
      name: 'a feature that is not an object',
      edits: [[['features', 0], 'tokens']],
      expected: error('wrong_type', '$.features[0]', 'Feature 1 must be an object, but it is "tokens".'),
    },
    {
      name: 'a version label that is a number',
      edits: [[['version'], 3]],
      expected: error('wrong_type', '$.version', 'The price book: version label ("version") must be text, but it is 3.'),
    },
    {
      name: 'an optional unit cost written as null',
      edits: [[['features', 0, 'unitCost'], null]],
      expected: error(
        'wrong_type',
        '$.features[0].unitCost',
        'Feature "tokens": unit cost ("unitCost") must be a decimal number such as "12.5", but it is null.',
      ),
    },
    {
      name: 'a tier bound that is a boolean',
      edits: [[['features', 0, 'tiers'], [{ upToUnits: true, burnPerUnit: '1' }, { upToUnits: null, burnPerUnit: '0.5' }]]],
      expected: error(
        'wrong_type',
        '$.features[0].tiers[0].upToUnits',
        'Feature "tokens" tier 1: upper bound in units ("upToUnits") must be a decimal number, or null for the open last tier, but it is true.',
      ),
    },
    {
      name: 'a tier that is not an object',
      edits: [[['features', 0, 'tiers'], [5]]],
      expected: error('wrong_type', '$.features[0].tiers[0]', 'Feature "tokens" tier 1 must be an object, but it is 5.'),
    },
    {
      name: 'expiry days written as text',
      edits: [[['plans', 0, 'includedExpiry'], { kind: 'days', days: '30' }]],
      expected: error(
        'wrong_type',
        '$.plans[0].includedExpiry.days',
        'Plan "pro": days until included credits expire ("days") must be a whole number, but it is "30".',
      ),
    },
    {
      name: 'an expiry written as a word instead of an object',
      edits: [[['plans', 0, 'includedExpiry'], 'never']],
      expected: error(
        'wrong_type',
        '$.plans[0].includedExpiry',
        'Plan "pro": expiry of included credits ("includedExpiry") must be an object, but it is "never".',
      ),
    },
    {
      name: 'promotions that are a number',
      edits: [[['promotions'], 5]],
      expected: error('wrong_type', '$.promotions', 'The price book: sign-up promotion ("promotions") must be an object, but it is 5.'),
    },
    {
      name: 'a fee with a decimal comma',
      edits: [[['plans', 0, 'fee'], '12,50']],
      expected: error(
        'invalid_decimal',
        '$.plans[0].fee',
        'Plan "pro": fee ("fee") is "12,50", which is not a decimal number; write numbers like "1250.50", with a point and no thousands separators.',
      ),
    },
    {
      name: 'a weekly billing period',
      edits: [[['plans', 0, 'period'], 'week']],
      expected: error('unknown_value', '$.plans[0].period', 'Plan "pro": billing period ("period") is "week"; it must be one of "month", "year".'),
    },
    {
      name: 'a rounding the engine does not know',
      edits: [[['features', 0, 'rounding'], 'down']],
      expected: error(
        'unknown_value',
        '$.features[0].rounding',
        'Feature "tokens": rounding ("rounding") is "down"; it must be one of "none", "up", "nearest".',
      ),
    },
    {
      name: 'a rollover kind the engine does not know',
      edits: [[['plans', 0, 'rollover'], { kind: 'all' }]],
      expected: error(
        'unknown_value',
        '$.plans[0].rollover.kind',
        'Plan "pro": kind of rollover ("kind") is "all"; it must be one of "none", "percent", "credits".',
      ),
    },
    {
      name: 'a schema version of 0',
      edits: [[['schemaVersion'], 0]],
      expected: error(
        'schema_version_invalid',
        '$.schemaVersion',
        'The price book\'s schema version ("schemaVersion") is 0, which no version of Credit Workbench writes; this version reads schema version 1.',
      ),
    },
  ];

  for (const { name, edits, expected } of cases) {
    it(`reports ${name} as ${expected.code}, with no book`, () => {
      const result = validatePriceBook(bookWith(...edits));
      expect(result.errors).toEqual([expected]);
      expect(result.ok).toBe(false);
      expect(result.book).toBeNull();
    });
  }

  it('refuses a book from a newer schema and reads nothing else of it', () => {
    const result = validatePriceBook(bookWith([['schemaVersion'], 2], [['features'], 'gone'], [['extra'], 1]));
    expect(result.errors).toEqual([
      error(
        'schema_version_newer',
        '$.schemaVersion',
        'This price book was made by a newer version of Credit Workbench (schema version 2; this version reads schema version 1). Update Credit Workbench to open it.',
      ),
    ]);
    expect(result.warnings).toEqual([]);
    expect(result.book).toBeNull();
  });

  it('reports every structural error at once, in document order', () => {
    const result = validatePriceBook(bookWith([['name'], undefined], [['plans', 0, 'fee'], 'free'], [['packs', 0, 'price'], null]));
    expect(result.errors.map((issue) => issue.path)).toEqual(['$.name', '$.plans[0].fee', '$.packs[0].price']);
  });

  it('warns about a misspelt field and ignores it', () => {
    const result = validatePriceBook(bookWith([['features', 0, 'burnPerUnits'], '2']));
    expect(result.ok).toBe(true);
    expect(result.book).not.toBeNull();
    expect(result.warnings).toEqual([
      warning(
        'unknown_field',
        '$.features[0].burnPerUnits',
        'Feature "tokens": "burnPerUnits" is not a price book field and will be ignored; check its spelling.',
      ),
    ]);
  });

  it('warns about a field that does not apply to the kind of a tagged object', () => {
    const result = validatePriceBook(bookWith([['plans', 0, 'includedExpiry'], { kind: 'end-of-period', days: 30 }]));
    expect(result.warnings).toEqual([
      warning(
        'unknown_field',
        '$.plans[0].includedExpiry.days',
        'Plan "pro": "days" does not apply to an included credit expiry of kind "end-of-period" and will be ignored.',
      ),
    ]);
  });

  it('warns about a JSON number too long to be kept exactly', () => {
    const result = validatePriceBook(bookWith([['features', 0, 'unitCost'], 0.1 + 0.2]));
    expect(result.warnings.filter((issue) => issue.code === 'imprecise_number')).toEqual([
      warning(
        'imprecise_number',
        '$.features[0].unitCost',
        'Feature "tokens": unit cost ("unitCost") is written as the number 0.30000000000000004, which has more digits than a JSON number keeps exactly; write the intended value as text in quotes.',
      ),
    ]);
  });

  it('warns about an integer beyond 2^53 written as a number', () => {
    const result = validatePriceBook(bookWith([['plans', 0, 'includedCredits'], 2 ** 60]));
    expect(result.warnings.map((issue) => issue.code)).toEqual(['imprecise_number']);
  });

  it('accepts short JSON numbers for decimals without a warning', () => {
    const result = validatePriceBook(bookWith([['plans', 0, 'fee'], 49.5], [['features', 0, 'burnPerUnit'], 1234567890123456], [['features', 0, 'unitCost'], 0.1]));
    expect(result).toMatchObject({ ok: true, errors: [], warnings: [] });
  });

  it('accepts every optional field when present', () => {
    const result = validatePriceBook(
      bookWith(
        [['version'], '2025-07'],
        [['description'], 'All the options'],
        [['features', 0, 'rounding'], 'none'],
        [['features', 0, 'unitCost'], '0.001'],
        [['features', 0, 'tiers'], [{ upToUnits: '1000', burnPerUnit: '1' }, { upToUnits: null, burnPerUnit: '0.8' }]],
        [['packs', 0, 'bonusCredits'], '100'],
        [['promotions'], { signUpCredits: '50', expiry: { kind: 'days', days: 30 } }],
      ),
    );
    expect(result).toMatchObject({ ok: true, errors: [], warnings: [] });
  });
});
