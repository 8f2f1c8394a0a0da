// Recording an export in the workbook. The record is a change to the workbook's contents like any other, so it goes
// through `workbookChanged`: the autosave keeps it, and the screen re-reads the book's last export and past exports.

import {
  recordPriceBookExport,
  type PriceBookExportRecord,
  type StoredPriceBookExport,
} from '../../../core/workbook/repositories/price-book-exports';
import type { WorkbookResult } from '../../../core/workbook/workbook-problem';
import type { WorkbenchStore } from '../../state/store';

export function recordExportInWorkbook(store: WorkbenchStore, record: PriceBookExportRecord): WorkbookResult<StoredPriceBookExport> {
  const { workbook } = store.getState();
  if (workbook === null) throw new Error('invariant: an export recorded before the workbook is open');
  const recorded = recordPriceBookExport(workbook, record);
  if (recorded.ok) store.getState().workbookChanged(null);
  return recorded;
}
