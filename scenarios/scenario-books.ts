// A built-in scenario's price books, validated and typed, with their roles and questions. The books ship with the
// product, so one that does not validate is a defect of this build and throws rather than returning an error.

import type { PriceBook } from '../core/engine/price-book/model';
import { validatePriceBook } from '../core/engine/price-book/validate';
import type { ScenarioSlug } from './catalog';
import type { ScenarioBookRole } from './scenario-book-source';
import { SCENARIO_SOURCES } from './scenario-sources';

export interface ScenarioBook {
  /** The file name without .json: "baseline", "rebalance". */
  name: string;
  role: ScenarioBookRole;
  question: string;
  book: PriceBook;
}

/** The baseline first, then the candidates, in the order the scenario lists them. */
export function loadScenarioBooks(slug: ScenarioSlug): ScenarioBook[] {
  return SCENARIO_SOURCES[slug].books.map((source) => {
    // A copy, so a caller that edits its book never changes the shipped document for the next caller.
    const validation = validatePriceBook(structuredClone(source.document));
    if (!validation.ok || validation.book === null) {
      const first = validation.errors[0];
      throw new Error(`invariant: built-in book ${slug}/${source.name} is invalid: ${first?.path ?? ''} ${first?.message ?? ''}`);
    }
    return { name: source.name, role: source.role, question: source.question, book: validation.book };
  });
}
