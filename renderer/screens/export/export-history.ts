// The short list of a book's past exports on the Export screen, newest first: when, the start of the content hash,
// the file name, and how it left (saved or copied, the form, the version). The list is bounded: an engineer wants the
// last few copies that went out, and says so when there are older ones not shown.

import { listPriceBookExports } from '../../../core/workbook/repositories/price-book-exports';
import { priceBookHistory } from '../../../core/workbook/repositories/price-books';
import type { Workbook } from '../../../core/workbook/workbook';
import { formatTime } from '../workbook/workbook-lines';

/** How many past exports the screen lists. */
export const EXPORT_HISTORY_LENGTH = 10;
/** As many hex digits as export file names carry, so a line and its file name show the same prefix. */
export const HASH_PREFIX_LENGTH = 12;

export interface ExportHistoryLine {
  id: number;
  when: string;
  hashPrefix: string;
  fileName: string;
  /** "saved as a file, book JSON, v3" or "copied to the clipboard, envelope, unsaved draft". */
  how: string;
}

export interface ExportHistory {
  lines: ExportHistoryLine[];
  /** True when the book has more exports than the lines show. */
  olderNotShown: boolean;
}

export function exportHistory(workbook: Workbook, bookId: string): ExportHistory {
  // One more than shown, to know whether there are older ones.
  const records = listPriceBookExports(workbook, bookId, EXPORT_HISTORY_LENGTH + 1);
  const history = priceBookHistory(workbook, bookId);
  const versionNumbers = new Map(history.ok ? history.value.map((version) => [version.versionId, version.versionNumber]) : []);
  const lines = records.slice(0, EXPORT_HISTORY_LENGTH).map((record) => {
    const versionNumber = record.versionId === null ? undefined : versionNumbers.get(record.versionId);
    const how = [
      record.via === 'file' ? 'saved as a file' : 'copied to the clipboard',
      record.form === 'book' ? 'book JSON' : 'envelope',
      versionNumber === undefined ? 'unsaved draft' : `v${versionNumber}`,
    ].join(', ');
    return { id: record.id, when: formatTime(record.exportedAtMs), hashPrefix: record.contentHash.slice(0, HASH_PREFIX_LENGTH), fileName: record.fileName, how };
  });
  return { lines, olderNotShown: records.length > EXPORT_HISTORY_LENGTH };
}
