// The price books the benchmark replays: bench/books/baseline.json and every candidate-*.json beside it, in name
// order. A book that does not validate stops the benchmark, since its figures would mean nothing.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PriceBook } from '../core/engine/price-book/model';
import { validatePriceBook } from '../core/engine/price-book/validate';

export interface BenchBook {
  /** File name without .json: "baseline", "candidate-rebalance". */
  name: string;
  role: 'baseline' | 'candidate';
  book: PriceBook;
}

export const BENCH_BOOKS_DIRECTORY = join(import.meta.dirname, 'books');

function readBook(directory: string, file: string): PriceBook {
  const path = join(directory, file);
  const validation = validatePriceBook(JSON.parse(readFileSync(path, 'utf8')) as unknown);
  if (!validation.ok || validation.book === null) {
    const first = validation.errors[0];
    throw new Error(`${path} is not a valid price book: ${first ? `${first.path}: ${first.message}` : 'unreadable'}`);
  }
  return validation.book;
}

export function loadBenchBooks(directory = BENCH_BOOKS_DIRECTORY): BenchBook[] {
  const candidates = readdirSync(directory)
    .filter((file) => file.startsWith('candidate-') && file.endsWith('.json'))
    .sort();
  return [
    { name: 'baseline', role: 'baseline', book: readBook(directory, 'baseline.json') },
    ...candidates.map((file): BenchBook => ({ name: file.slice(0, -'.json'.length), role: 'candidate', book: readBook(directory, file) })),
  ];
}
