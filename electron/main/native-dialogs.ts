// The DesktopDialogs edge made of Electron's native dialogs, each attached to the window so it is modal to it. Only
// this file and main.ts call Electron's dialog API; everything that decides what to ask lives in tested modules.

import { dialog, type BrowserWindow } from 'electron';
import { WORKBOOK_EXTENSION, type DiscardDecision } from '../ipc-contract';
import type { DesktopDialogs } from './desktop-ports';

const WORKBOOK_FILTERS = [{ name: 'Credit Workbench workbook', extensions: [WORKBOOK_EXTENSION] }];

function formatLocalTime(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function nativeDialogs(window: () => BrowserWindow | null, productName: string): DesktopDialogs {
  async function messageBox(options: Electron.MessageBoxOptions): Promise<number> {
    const parent = window();
    const answer = parent === null ? await dialog.showMessageBox(options) : await dialog.showMessageBox(parent, options);
    return answer.response;
  }
  async function openPath(options: Electron.OpenDialogOptions): Promise<string | null> {
    const parent = window();
    const answer = parent === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(parent, options);
    return answer.canceled || answer.filePaths.length === 0 ? null : answer.filePaths[0];
  }
  async function savePath(options: Electron.SaveDialogOptions): Promise<string | null> {
    const parent = window();
    const answer = parent === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(parent, options);
    return answer.canceled || answer.filePath === undefined || answer.filePath === '' ? null : answer.filePath;
  }

  return {
    chooseWorkbookToOpen: () => openPath({ title: 'Open workbook', properties: ['openFile'], filters: WORKBOOK_FILTERS }),
    chooseWorkbookSavePath: (suggestedName) => savePath({ title: 'Save workbook', defaultPath: suggestedName, filters: WORKBOOK_FILTERS }),
    chooseUsageFile: () =>
      openPath({
        title: 'Import usage',
        properties: ['openFile'],
        filters: [
          { name: 'Usage (CSV or NDJSON)', extensions: ['csv', 'ndjson', 'jsonl'] },
          { name: 'All files', extensions: ['*'] },
        ],
      }),
    choosePriceBookSavePath: (suggestedName) =>
      savePath({ title: 'Export price book', defaultPath: suggestedName, filters: [{ name: 'Price book (JSON)', extensions: ['json'] }] }),
    showProblem: async (message) => {
      await messageBox({ type: 'error', title: productName, message, buttons: ['OK'], noLink: true });
    },
    askAboutUnsavedChanges: async (documentName, reason): Promise<DiscardDecision> => {
      const response = await messageBox({
        type: 'warning',
        title: productName,
        message: `Save the changes to "${documentName}"?`,
        detail:
          reason === 'close'
            ? 'Your changes will be lost if you close without saving.'
            : 'Your changes will be lost if you open another workbook without saving.',
        buttons: ['Save', "Don't Save", 'Cancel'],
        defaultId: 0,
        cancelId: 2,
        noLink: true,
      });
      return response === 0 ? 'save' : response === 1 ? 'discard' : 'cancel';
    },
    askToRestoreRecovery: async (documentName, savedAtMs) => {
      const response = await messageBox({
        type: 'question',
        title: productName,
        message: `${productName} closed before your changes to "${documentName}" were saved.`,
        detail: `A recovery copy from ${formatLocalTime(savedAtMs)} was kept. Restore it? If you don't, the recovery copy is removed.`,
        buttons: ['Restore', "Don't Restore"],
        defaultId: 0,
        cancelId: 1,
        noLink: true,
      });
      return response === 0;
    },
  };
}
