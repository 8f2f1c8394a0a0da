// Which column (CSV) or field (NDJSON) holds each value a reader needs: by a list of accepted names compared
// loosely ("Customer ID", "customer_id" and "customerId" are one name), or by an explicit mapping a user chose.
// An explicit mapping replaces the accepted names for its value.

import { bytesEqual, encodeUtf8 } from './utf8-bytes';

/** One value a reader takes from each row. */
export interface FieldRole<Key extends string = string> {
  key: Key;
  /** How messages name the value: "customer id". */
  label: string;
  /** Accepted header names, best first: when several are present the earliest in this list wins. */
  names: readonly string[];
  required: boolean;
  /** What an NDJSON value must be, for messages: "a string or a number". */
  expects: string;
}

/** A column (or field) name chosen by the user for some values, by role key. */
export type ColumnMapping<Key extends string> = Partial<Record<Key, string>>;

function isAsciiAlphanumeric(byte: number): boolean {
  return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7a);
}

/** ASCII letters lowercased; ASCII punctuation and spaces dropped; other characters kept. */
export function normaliseHeaderName(name: string): string {
  let result = '';
  for (const character of name) {
    const lower = character.length === 1 && character < '\x80' ? character.toLowerCase() : character;
    const code = lower.codePointAt(0) ?? 0;
    if (code >= 0x80 || isAsciiAlphanumeric(code)) result += lower;
  }
  return result;
}

/** Candidate names of each role, normalised, with their rank (0 = best). */
interface Candidate {
  role: number;
  rank: number;
  normalised: string;
  /** For explicit mappings: the exact name, which wins over a loose match. */
  exact: string | null;
}

function candidatesFor(roles: readonly FieldRole[], mapping: Partial<Record<string, string>> | undefined): Candidate[] {
  const candidates: Candidate[] = [];
  roles.forEach((role, index) => {
    const chosen = mapping?.[role.key];
    if (chosen !== undefined) {
      candidates.push({ role: index, rank: 0, normalised: normaliseHeaderName(chosen), exact: chosen.trim() });
      return;
    }
    role.names.forEach((name, rank) => candidates.push({ role: index, rank: rank + 1, normalised: normaliseHeaderName(name), exact: null }));
  });
  return candidates;
}

export interface HeaderResolution {
  /** Column index (0-based) of each role, or -1 when the header lacks it. */
  columnOf: Int32Array;
  /** Sentences for required roles the header lacks, by role index. */
  missing: Array<{ role: number; detail: string }>;
}

/** Finds each role's column in a CSV header. */
export function resolveHeader(header: readonly string[], roles: readonly FieldRole[], mapping?: Partial<Record<string, string>>): HeaderResolution {
  const candidates = candidatesFor(roles, mapping);
  const normalisedHeader = header.map(normaliseHeaderName);
  const trimmedHeader = header.map((name) => name.trim());
  const columnOf = new Int32Array(roles.length).fill(-1);
  const used = new Uint8Array(header.length);
  // Explicit choices (rank 0) first, so a column the user chose is not also taken by a name it happens to have.
  const byRank = candidates.slice().sort((a, b) => a.rank - b.rank);
  for (const candidate of byRank) {
    if (columnOf[candidate.role] >= 0) continue;
    let column = candidate.exact === null ? -1 : firstUnused(trimmedHeader, candidate.exact, used);
    if (column < 0 && candidate.normalised !== '') column = firstUnused(normalisedHeader, candidate.normalised, used);
    if (column < 0) continue;
    columnOf[candidate.role] = column;
    used[column] = 1;
  }
  const missing: HeaderResolution['missing'] = [];
  roles.forEach((role, index) => {
    if (!role.required || columnOf[index] >= 0) return;
    missing.push({ role: index, detail: `the header has no ${describeWanted(role, mapping)} column; ${howToProvide(role, mapping, 'column')}` });
  });
  return { columnOf, missing };
}

function firstUnused(names: readonly string[], wanted: string, used: Uint8Array): number {
  for (let column = 0; column < names.length; column++) if (used[column] === 0 && names[column] === wanted) return column;
  return -1;
}

function describeWanted(role: FieldRole, mapping: Partial<Record<string, string>> | undefined): string {
  const chosen = mapping?.[role.key];
  return chosen === undefined ? role.label : JSON.stringify(chosen);
}

/** The second half of a "missing" sentence: which names would have been accepted. */
export function howToProvide(role: FieldRole, mapping: Partial<Record<string, string>> | undefined, noun: 'column' | 'field'): string {
  const chosen = mapping?.[role.key];
  if (chosen !== undefined) return `it was chosen for the ${role.label}.`;
  return `name it ${listNames(role.names)}, or choose the ${noun} that holds the ${role.label}.`;
}

function listNames(names: readonly string[]): string {
  const quoted = names.map((name) => JSON.stringify(name));
  if (quoted.length === 1) return quoted[0];
  return `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

/**
 * Matches NDJSON keys, given as bytes, to roles. Lines from one producer repeat their keys in the same order,
 * so the key last seen at each member position is remembered and a byte comparison usually settles it.
 */
export class KeyMatcher {
  private readonly candidates: Array<{ role: number; rank: number; normalised: Uint8Array; exact: Uint8Array | null }>;
  private readonly seenKeys: Uint8Array[] = [];
  private readonly seenRole: number[] = [];
  private readonly seenRank: number[] = [];
  private normalised = new Uint8Array(64);
  /** Rank of the last match: lower is a better name for its role. */
  rank = 0;

  constructor(roles: readonly FieldRole[], mapping?: Partial<Record<string, string>>) {
    this.candidates = candidatesFor(roles, mapping).map((candidate) => ({
      role: candidate.role,
      rank: candidate.rank,
      normalised: encodeUtf8(candidate.normalised),
      exact: candidate.exact === null ? null : encodeUtf8(candidate.exact),
    }));
  }

  /** Role of the key bytes[start, end) at member position `ordinal`, or -1; sets `rank`. */
  match(bytes: Uint8Array, start: number, end: number, ordinal: number): number {
    const seen = this.seenKeys[ordinal];
    if (seen !== undefined && bytesEqual(bytes, start, end, seen)) {
      this.rank = this.seenRank[ordinal];
      return this.seenRole[ordinal];
    }
    const role = this.matchUncached(bytes, start, end);
    this.seenKeys[ordinal] = bytes.slice(start, end);
    this.seenRole[ordinal] = role;
    this.seenRank[ordinal] = this.rank;
    return role;
  }

  /** Role of a key given as text (used for keys written with escapes), or -1; sets `rank`. */
  matchText(key: string): number {
    const bytes = encodeUtf8(key);
    return this.matchUncached(bytes, 0, bytes.length);
  }

  private matchUncached(bytes: Uint8Array, start: number, end: number): number {
    if (this.normalised.length < end - start) this.normalised = new Uint8Array(end - start);
    let length = 0;
    for (let i = start; i < end; i++) {
      let byte = bytes[i];
      if (byte >= 0x41 && byte <= 0x5a) byte += 0x20;
      if (byte >= 0x80 || isAsciiAlphanumeric(byte)) this.normalised[length++] = byte;
    }
    let bestRole = -1;
    let bestRank = Number.MAX_SAFE_INTEGER;
    for (const candidate of this.candidates) {
      if (candidate.rank >= bestRank) continue;
      const exact = candidate.exact !== null && bytesEqual(bytes, start, end, candidate.exact);
      if (exact || (candidate.normalised.length > 0 && bytesEqual(this.normalised, 0, length, candidate.normalised))) {
        bestRole = candidate.role;
        bestRank = candidate.rank;
      }
    }
    this.rank = bestRank;
    return bestRole;
  }
}
