// Saving the editor's draft as a new version of its book: first what would change against the latest stored
// version (core's diff, with percent changes), then the version itself through core/workbook, which refuses a book
// with validation errors and adds nothing when the book equals its latest version.

import type { PriceBookChange } from '../../../core/engine/price-book/diff';
import { diffPriceBooks } from '../../../core/engine/price-book/diff';
import type { PriceBook } from '../../../core/engine/price-book/model';
import type { ValidationIssue } from '../../../core/engine/price-book/validate';
import { validatePriceBook } from '../../../core/engine/price-book/validate';
import type { AddedPriceBookVersion } from '../../../core/workbook/repositories/price-books';
import { addPriceBookVersion, readPriceBookVersion } from '../../../core/workbook/repositories/price-books';
import type { Workbook } from '../../../core/workbook/workbook';
import type { WorkbookResult } from '../../../core/workbook/workbook-problem';

export type SavePreview =
  /** The draft has errors; the workbook keeps only valid books. */
  | { kind: 'invalid'; errors: ValidationIssue[] }
  /** The draft equals the latest version: saving would add nothing. */
  | { kind: 'unchanged'; latestVersionNumber: number }
  /** A book the workbook does not have yet: it would be version 1. */
  | { kind: 'new-book' }
  | { kind: 'changes'; latestVersionNumber: number; changes: PriceBookChange[] }
  /** The latest version could not be read (a damaged workbook); the sentence says why. */
  | { kind: 'unreadable'; message: string };

/** What saving the draft would do, against the latest version of its book in the workbook. */
export function previewSave(workbook: Workbook, draft: PriceBook): SavePreview {
  const validation = validatePriceBook(draft);
  if (!validation.ok) return { kind: 'invalid', errors: validation.errors };
  const latest = readPriceBookVersion(workbook, draft.id, null);
  if (!latest.ok) {
    if (latest.problem.code === 'price_book_not_found') return { kind: 'new-book' };
    return { kind: 'unreadable', message: latest.problem.message };
  }
  const { changes } = diffPriceBooks(latest.value.book, draft);
  const latestVersionNumber = latest.value.versionNumber;
  return changes.length === 0 ? { kind: 'unchanged', latestVersionNumber } : { kind: 'changes', latestVersionNumber, changes };
}

/** Adds the draft as the next version, with the note the user wrote (trimmed) and the time passed in. */
export function saveDraftVersion(
  workbook: Workbook,
  draft: PriceBook,
  details: { note: string; createdAtMs: number },
): WorkbookResult<AddedPriceBookVersion> {
  return addPriceBookVersion(workbook, draft, { note: details.note.trim(), createdAtMs: details.createdAtMs });
}
