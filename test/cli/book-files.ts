// Price book files for command tests: the demo's books, read once, and variants built from them in memory.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { PriceBook } from '../../core/engine/price-book/model';

function bookText(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../scenarios/ai-platform/books/${name}.json`, import.meta.url)), 'utf8');
}

export const BASELINE_TEXT = bookText('baseline');
export const REBALANCE_TEXT = bookText('rebalance');
export const ROLLOVER_TEXT = bookText('rollover');

/** A fresh parsed copy of the baseline book, for a test to change. */
export function baselineBook(): PriceBook {
  return JSON.parse(BASELINE_TEXT) as PriceBook;
}
