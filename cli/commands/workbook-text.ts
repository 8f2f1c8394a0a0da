// How workbook contents read on a terminal: dates as UTC ISO text, hashes shortened, versions as "book v3", so every
// workbook command describes the same thing the same way.

import { readPriceBookVersionById } from '../../core/workbook/repositories/price-books';
import type { JsonValue } from '../../core/workbook/repositories/scenarios';
import { readScenarioOptions } from '../../core/workbook/scenario-options';
import type { Workbook } from '../../core/workbook/workbook';

/** 2025-03-04 */
export function formatDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** 2025-03-04T12:34:56Z (milliseconds only when there are some). */
export function formatInstant(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

export function describeTimeRange(firstMs: number | null, lastMs: number | null): string {
  if (firstMs === null || lastMs === null) return 'no events';
  return `${formatDay(firstMs)} to ${formatDay(lastMs)}`;
}

/** The first 12 hex digits, as price book file names use them. */
export function shortHash(contentHash: string): string {
  return contentHash.slice(0, 12);
}

/** "ai-platform v3" for a version id; the id itself when the version cannot be read. */
export function describeVersion(workbook: Workbook, versionId: number): string {
  const version = readPriceBookVersionById(workbook, versionId);
  return version.ok ? `${version.value.bookId} v${version.value.versionNumber}` : `version #${versionId}`;
}

/** A plan key as users read it: quoted, and the empty key as what it means. */
export function describePlan(planKey: string): string {
  return planKey === '' ? 'no plan' : `"${planKey}"`;
}

/** "; replayed to 2025-07-01T00:00:00Z, plan "pro" as "pro-2025" for the candidates" for the options set; "" for none. */
export function describeScenarioOptions(stored: JsonValue): string {
  const options = readScenarioOptions(stored);
  if (!options.ok) return `; ${options.problem.message}`;
  const parts: string[] = [];
  if (options.value.toMs !== null) parts.push(`replayed to ${formatInstant(options.value.toMs)}`);
  for (const [from, to] of options.value.planMapping) parts.push(`plan ${describePlan(from)} as ${describePlan(to)} for the candidates`);
  for (const key of options.value.notApplied) parts.push(`option "${key}" (not applied)`);
  return parts.length === 0 ? '' : `; ${parts.join(', ')}`;
}

/** "ai-platform@3" or "ai-platform" (latest) into its parts; null when the version is not a whole number. */
export function parseVersionReference(text: string): { bookId: string; versionNumber: number | null } | null {
  const at = text.lastIndexOf('@');
  if (at < 0) return { bookId: text, versionNumber: null };
  const versionNumber = Number(text.slice(at + 1));
  if (!Number.isSafeInteger(versionNumber) || versionNumber < 1) return null;
  return { bookId: text.slice(0, at), versionNumber };
}
