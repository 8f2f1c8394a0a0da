// A small valid price book for validation tests and a way to edit a copy of it at a JSON path, including edits
// that the PriceBook type forbids (wrong types, deleted fields), since validation reads unknown JSON.

import type { PriceBook } from '../../core/engine/price-book/model';

/** Valid, and free of warnings: every test starts from a clean book and breaks one thing. */
export function cleanBook(): PriceBook {
  return {
    schemaVersion: 1,
    id: 'test-book',
    name: 'Test book',
    currency: 'USD',
    creditDecimals: 2,
    consumptionOrder: 'soonest-expiry',
    breakage: { method: 'at-expiry' },
    features: [{ key: 'tokens', name: 'Tokens', unitLabel: '1,000 tokens', burnPerUnit: '1' }],
    plans: [
      {
        key: 'pro',
        name: 'Pro',
        period: 'month',
        fee: '49',
        includedCredits: '5000',
        includedExpiry: { kind: 'end-of-period' },
        rollover: { kind: 'none' },
        whenExhausted: { kind: 'overage', pricePerCredit: '0.012' },
      },
    ],
    packs: [{ key: 'small', name: 'Small pack', credits: '1000', price: '10', expiry: { kind: 'never' } }],
  };
}

export type JsonPath = (string | number)[];
/** A value to write at a path; `undefined` deletes the field. */
export type Edit = [JsonPath, unknown];

function container(root: unknown, path: JsonPath): Record<string | number, unknown> {
  let node = root as Record<string | number, unknown>;
  for (const step of path) node = node[step] as Record<string | number, unknown>;
  return node;
}

/** A deep copy of `book` with each edit applied in order. */
export function edited(book: unknown, ...edits: Edit[]): unknown {
  const copy: unknown = structuredClone(book);
  for (const [path, value] of edits) {
    const parent = container(copy, path.slice(0, -1));
    const last = path[path.length - 1];
    if (value === undefined) delete parent[last];
    else parent[last] = value;
  }
  return copy;
}

/** The clean book with some edits. */
export function bookWith(...edits: Edit[]): unknown {
  return edited(cleanBook(), ...edits);
}
