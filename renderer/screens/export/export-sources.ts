// What the Export screen can export: the draft open in the editor (unsaved changes included) and every stored
// version of every book in the workbook, newest first within each book. Each source is named by one stable id.

import type { PriceBook } from '../../../core/engine/price-book/model';
import { listPriceBooks, priceBookHistory, readPriceBookVersionById } from '../../../core/workbook/repositories/price-books';
import type { Workbook } from '../../../core/workbook/workbook';

export const DRAFT_SOURCE_ID = 'draft';

export interface ExportSource {
  /** "draft", or "version:<versionId>". */
  id: string;
  label: string;
}

/** Notes can be long sentences; the list shows their start. */
const NOTE_LENGTH = 60;

function noteText(note: string): string {
  if (note === '') return '';
  return `: ${note.length > NOTE_LENGTH ? `${note.slice(0, NOTE_LENGTH)}…` : note}`;
}

export function exportSources(workbook: Workbook, draft: PriceBook | null): ExportSource[] {
  const sources: ExportSource[] = [];
  if (draft !== null) sources.push({ id: DRAFT_SOURCE_ID, label: `The editor's draft: ${draft.name} (${draft.id})` });
  for (const book of listPriceBooks(workbook)) {
    const history = priceBookHistory(workbook, book.id);
    if (!history.ok) continue;
    for (const version of [...history.value].reverse()) {
      sources.push({ id: `version:${version.versionId}`, label: `${book.name} (${book.id}) v${version.versionNumber}${noteText(version.note)}` });
    }
  }
  return sources;
}

export type SourceBook = { ok: true; book: PriceBook } | { ok: false; message: string };

/** The book a source stands for, read from the workbook (a stored version) or the draft. */
export function sourceBook(workbook: Workbook, draft: PriceBook | null, sourceId: string): SourceBook {
  if (sourceId === DRAFT_SOURCE_ID) {
    return draft === null ? { ok: false, message: 'No price book is open in the editor.' } : { ok: true, book: draft };
  }
  const match = /^version:(\d+)$/.exec(sourceId);
  if (match === null) return { ok: false, message: 'Pick a price book to export.' };
  const stored = readPriceBookVersionById(workbook, Number(match[1]));
  return stored.ok ? { ok: true, book: stored.value.book } : { ok: false, message: stored.problem.message };
}

/**
 * The stored version an export of a source is, for its record: the version picked, or for the draft the version of
 * its book with the very same text (a draft just opened, or just saved, is that version); null for a draft that is
 * no stored version.
 */
export function sourceVersionId(workbook: Workbook, sourceId: string, bookId: string, contentHash: string): number | null {
  const match = /^version:(\d+)$/.exec(sourceId);
  if (match !== null) return Number(match[1]);
  const history = priceBookHistory(workbook, bookId);
  if (!history.ok) return null;
  return history.value.find((version) => version.contentHash === contentHash)?.versionId ?? null;
}
