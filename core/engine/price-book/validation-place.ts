// Names for the places in a price book, so every message calls a thing the same way: "Feature "tokens"",
// "Plan 2" when the key is unusable, "Feature "tokens" tier 3". Positions in words count from 1; paths count from 0.

export interface Place {
  /** JSON path of the object: "$.plans[1]". */
  path: string;
  /** How a sentence names it: 'Plan "pro"'. */
  subject: string;
}

export const BOOK_PLACE: Place = { path: '$', subject: 'The price book' };

export const PROMOTIONS_PLACE: Place = { path: '$.promotions', subject: 'The sign-up promotion' };

export type KeyedList = 'features' | 'plans' | 'packs';

const LIST_NOUN: Record<KeyedList, string> = { features: 'Feature', plans: 'Plan', packs: 'Pack' };

/** The place of item `index` of a keyed list; named by its key when it has a usable one. */
export function itemPlace(list: KeyedList, index: number, key: unknown): Place {
  const noun = LIST_NOUN[list];
  const subject = typeof key === 'string' && key.trim().length > 0 ? `${noun} "${key}"` : `${noun} ${index + 1}`;
  return { path: `$.${list}[${index}]`, subject };
}

export function tierPlace(feature: Place, index: number): Place {
  return { path: `${feature.path}.tiers[${index}]`, subject: `${feature.subject} tier ${index + 1}` };
}

/** A nested object (includedExpiry, rollover…) keeps its owner's subject; its labels say what it is. */
export function nestedPlace(owner: Place, field: string): Place {
  return { path: `${owner.path}.${field}`, subject: owner.subject };
}

export function fieldPath(place: Place, field: string): string {
  return `${place.path}.${field}`;
}
