// The application menu as plain data: File (New from scenario, Open, Open Recent, Save, Save As, Import usage,
// Export price book), Edit, View and Help, plus the app and Window menus macOS expects. Every File item asks the page
// to act through one menu command; the page owns the workbook. Undo and redo show their keys but leave them to the
// page, whose editor keeps its own history.

import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, RecentFile } from '../ipc-contract';

export interface MenuInputs {
  productName: string;
  platform: NodeJS.Platform;
  recentFiles: readonly RecentFile[];
  /** True in a development run: the View menu gets the developer tools. */
  developerTools: boolean;
  send: (command: MenuCommand) => void;
  /** The user picked a recent file: main offers the path to the page (and sends it). */
  openRecent: (path: string) => void;
  clearRecent: () => void;
  showAbout: () => void;
}

export function buildMenuTemplate(inputs: MenuInputs): MenuItemConstructorOptions[] {
  const mac = inputs.platform === 'darwin';
  const { send } = inputs;
  const recent: MenuItemConstructorOptions[] =
    inputs.recentFiles.length === 0
      ? [{ label: 'No Recent Workbooks', enabled: false }]
      : inputs.recentFiles.map((file) => ({ label: file.name, sublabel: file.path, toolTip: file.path, click: () => inputs.openRecent(file.path) }));

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New from Scenario…', accelerator: 'CmdOrCtrl+N', click: () => send({ command: 'new-from-scenario' }) },
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => send({ command: 'open' }) },
      {
        label: 'Open Recent',
        submenu: [...recent, { type: 'separator' }, { label: 'Clear Menu', enabled: inputs.recentFiles.length > 0, click: inputs.clearRecent }],
      },
      { type: 'separator' },
      { label: 'Save', accelerator: 'CmdOrCtrl+S', click: () => send({ command: 'save', thenClose: false }) },
      { label: 'Save As…', accelerator: 'CmdOrCtrl+Shift+S', click: () => send({ command: 'save-as' }) },
      { type: 'separator' },
      { label: 'Import Usage…', accelerator: 'CmdOrCtrl+I', click: () => send({ command: 'import-usage' }) },
      { label: 'Export Price Book…', accelerator: 'CmdOrCtrl+E', click: () => send({ command: 'export-price-book' }) },
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      // The keys reach the page: the price book editor undoes its own edits.
      { role: 'undo', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false },
      { role: 'redo', accelerator: 'CmdOrCtrl+Shift+Z', registerAccelerator: false },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(inputs.developerTools ? [{ type: 'separator' } as const, { role: 'toggleDevTools' } as const] : []),
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [{ label: `About ${inputs.productName}`, click: inputs.showAbout }],
  };

  return [
    ...(mac ? [{ role: 'appMenu' } as const] : []),
    file,
    edit,
    view,
    ...(mac ? [{ role: 'windowMenu' } as const] : []),
    help,
  ];
}
