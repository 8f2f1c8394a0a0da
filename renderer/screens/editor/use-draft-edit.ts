// How the editor's sections change the draft: a pure edit from book-edits.ts, recorded in the undo history; typing
// in one field is grouped by that field's path, so one undo takes back what was typed there, not one character.

import { useCallback } from 'react';
import type { PriceBook } from '../../../core/engine/price-book/model';
import { useServices } from '../../app/services';
import { useWorkbench } from '../../state/store';

export type DraftEdit = (change: (book: PriceBook) => PriceBook, typedAtPath?: string) => void;

export function useDraftEdit(): DraftEdit {
  const editDraft = useWorkbench((state) => state.editDraft);
  const { now } = useServices();
  return useCallback<DraftEdit>(
    (change, typedAtPath) => editDraft(change, typedAtPath === undefined ? undefined : { group: typedAtPath, atMs: now() }),
    [editDraft, now],
  );
}
