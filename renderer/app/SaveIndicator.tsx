// Says whether the workbook's latest change is stored in this browser. Not a live region: saves happen often and
// announcing each would drown what the user is doing.

import { useWorkbench } from '../state/store';
import type { SaveState } from '../state/workbook-slice';
import { formatTime } from '../screens/workbook/workbook-lines';

export function saveStateText(saveState: SaveState): string {
  switch (saveState.kind) {
    case 'saved':
      return saveState.savedAtMs === null ? 'Not saved yet' : `Saved ${formatTime(saveState.savedAtMs)}`;
    case 'unsaved':
      return 'Unsaved changes';
    case 'saving':
      return 'Saving…';
    case 'failed':
      return `Not saved: ${saveState.message}`;
  }
}

export function SaveIndicator() {
  const saveState = useWorkbench((state) => state.saveState);
  return (
    <p className={`save-indicator save-${saveState.kind}`} title="Ctrl+S or Cmd+S saves now">
      {saveStateText(saveState)}
    </p>
  );
}
