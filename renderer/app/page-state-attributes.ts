// Mirrors the workbook's activity, the count of outcomes shown and the save state onto <body> data attributes, so
// the end-to-end tests (and a person in the inspector) can wait for the page to settle instead of guessing.

import { useEffect } from 'react';
import { useWorkbench } from '../state/store';

export function usePageStateAttributes(): void {
  const activity = useWorkbench((state) => state.workbookActivity);
  const shownRevision = useWorkbench((state) => state.shownRevision);
  const saveKind = useWorkbench((state) => state.saveState.kind);
  useEffect(() => {
    document.body.dataset.workbookState = activity;
    document.body.dataset.workbookRevision = String(shownRevision);
    document.body.dataset.saveState = saveKind;
  }, [activity, shownRevision, saveKind]);
}
