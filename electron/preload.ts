// The page's only door to the main process: one method per channel of the IPC contract, exposed through the context
// bridge, and nothing else. No ipcRenderer, no event objects and no Node reach the page; `satisfies` makes the
// compiler check this object against the contract the renderer is typed from.

import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  BRIDGE_GLOBAL_NAME,
  INVOKE_CHANNELS,
  PUSH_CHANNELS,
  SEND_CHANNELS,
  type CreditWorkbenchApi,
  type MenuCommand,
} from './ipc-contract';

const api = {
  openWorkbook: () => ipcRenderer.invoke(INVOKE_CHANNELS.openWorkbook),
  openWorkbookAt: (path) => ipcRenderer.invoke(INVOKE_CHANNELS.openWorkbookAt, path),
  newWorkbook: () => ipcRenderer.invoke(INVOKE_CHANNELS.newWorkbook),
  saveWorkbook: (bytes) => ipcRenderer.invoke(INVOKE_CHANNELS.saveWorkbook, bytes),
  saveWorkbookAs: (bytes) => ipcRenderer.invoke(INVOKE_CHANNELS.saveWorkbookAs, bytes),
  listRecentFiles: () => ipcRenderer.invoke(INVOKE_CHANNELS.listRecentFiles),
  startupDocument: () => ipcRenderer.invoke(INVOKE_CHANNELS.startupDocument),
  confirmDiscardChanges: () => ipcRenderer.invoke(INVOKE_CHANNELS.confirmDiscardChanges),
  writeRecoveryCopy: (bytes) => ipcRenderer.invoke(INVOKE_CHANNELS.writeRecoveryCopy, bytes),
  pickUsageFile: () => ipcRenderer.invoke(INVOKE_CHANNELS.pickUsageFile),
  exportPriceBook: (suggestedFileName, text) => ipcRenderer.invoke(INVOKE_CHANNELS.exportPriceBook, suggestedFileName, text),
  setUnsavedChanges: (unsaved) => ipcRenderer.send(SEND_CHANNELS.setUnsavedChanges, unsaved),
  onMenuCommand: (listener) => {
    // The event object stays here: it would hand the page `sender`, an ipcRenderer.
    const forward = (_event: IpcRendererEvent, command: MenuCommand): void => listener(command);
    ipcRenderer.on(PUSH_CHANNELS.menuCommand, forward);
    return () => {
      ipcRenderer.removeListener(PUSH_CHANNELS.menuCommand, forward);
    };
  },
} satisfies CreditWorkbenchApi;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL_NAME, api);
