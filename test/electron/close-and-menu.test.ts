import { describe, expect, test } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../electron/ipc-contract';
import { buildMenuTemplate, type MenuInputs } from '../../electron/main/application-menu';
import { workbookPathFromArguments } from '../../electron/main/command-line';
import { createDocumentSession, decideWindowClose, windowTitle } from '../../electron/main/document-session';
import { unsavedChangesListener } from '../../electron/main/ipc-handlers';
import { desktopHarness, newWorkbookBytes, scriptedDialogs, TRUSTED_EVENT } from './desktop-support';
import { join } from 'node:path';

describe('closing the window', () => {
  test('with nothing unsaved, it closes without asking', async () => {
    const dialogs = scriptedDialogs();
    expect(await decideWindowClose(createDocumentSession(), dialogs, () => undefined)).toBe('close');
    expect(dialogs.asked).toEqual([]);
  });

  test("with unsaved changes, Cancel keeps it open and Don't Save closes it", async () => {
    const session = createDocumentSession();
    session.path = '/w/team.cwb';
    session.unsaved = true;
    const dialogs = scriptedDialogs({ unsaved: 'cancel' });
    expect(await decideWindowClose(session, dialogs, () => undefined)).toBe('wait');
    expect(dialogs.asked).toEqual(['unsaved team.cwb close']);
    dialogs.answers.unsaved = 'discard';
    expect(await decideWindowClose(session, dialogs, () => undefined)).toBe('close');
    expect(session.closeConfirmed).toBe(true);
  });

  test('Save asks the page to save, and the window closes once that save has succeeded', async () => {
    const harness = await desktopHarness({}, { unsaved: 'save', savePath: null });
    try {
      harness.session.unsaved = true;
      const sent: MenuCommand[] = [];
      expect(await decideWindowClose(harness.session, harness.dialogs, (command) => sent.push(command))).toBe('wait');
      expect(sent).toEqual([{ command: 'save', thenClose: true }]);
      // The save dialog is cancelled: the window stays, and a later ordinary save does not close it.
      await harness.handlers.saveWorkbook(await newWorkbookBytes());
      expect(harness.closedAfterSave).toBe(0);
      expect(harness.session.closeAfterSave).toBe(false);

      await decideWindowClose(harness.session, harness.dialogs, () => undefined);
      harness.dialogs.answers.savePath = join(harness.folder, 'team.cwb');
      await harness.handlers.saveWorkbook(await newWorkbookBytes());
      expect(harness.closedAfterSave).toBe(1);
      expect(harness.session.closeConfirmed).toBe(true);
    } finally {
      await harness.remove();
    }
  });

  test('opening another workbook over unsaved changes asks; with none, it does not', async () => {
    const harness = await desktopHarness({}, { unsaved: 'save' });
    try {
      expect(await harness.handlers.confirmDiscardChanges()).toEqual({ ok: true, value: 'discard' });
      expect(harness.dialogs.asked).toEqual([]);
      unsavedChangesListener({ session: harness.session, onDocumentChanged: () => undefined })(TRUSTED_EVENT, true);
      expect(await harness.handlers.confirmDiscardChanges()).toEqual({ ok: true, value: 'save' });
      expect(harness.dialogs.asked).toEqual(['unsaved Untitled.cwb replace']);
    } finally {
      await harness.remove();
    }
  });

  test('the title names the document and marks unsaved changes', () => {
    const session = createDocumentSession();
    expect(windowTitle(session, 'Credit Workbench')).toBe('Untitled.cwb — Credit Workbench');
    session.path = '/w/team.cwb';
    session.unsaved = true;
    expect(windowTitle(session, 'Credit Workbench')).toBe('team.cwb • — Credit Workbench');
  });
});

describe('a workbook named at launch', () => {
  test('the last .cwb argument, made absolute; flags and Electron’s own arguments are skipped', () => {
    expect(workbookPathFromArguments(['/opt/app/credit-workbench', 'team.cwb'], '/home/ana')).toBe('/home/ana/team.cwb');
    expect(workbookPathFromArguments(['electron', 'out/electron', '--inspect', '/w/a.cwb', '--flag=x.cwb'], '/x')).toBe('/w/a.cwb');
    expect(workbookPathFromArguments(['/opt/app/credit-workbench', '--no-sandbox'], '/x')).toBeNull();
    expect(workbookPathFromArguments(['/opt/app/credit-workbench.cwb'], '/x'), 'argv[0] is the program').toBeNull();
    expect(workbookPathFromArguments(['app', 'notes.txt'], '/x')).toBeNull();
  });
});

function menuFor(overrides: Partial<MenuInputs> = {}) {
  const sent: MenuCommand[] = [];
  const recentOpened: string[] = [];
  const template = buildMenuTemplate({
    productName: 'Credit Workbench',
    platform: 'linux',
    recentFiles: [{ path: '/w/team.cwb', name: 'team.cwb' }],
    developerTools: false,
    send: (command) => sent.push(command),
    openRecent: (path) => recentOpened.push(path),
    clearRecent: () => undefined,
    showAbout: () => undefined,
    ...overrides,
  });
  return { template, sent, recentOpened };
}

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  if (item === undefined || !Array.isArray(item.submenu)) throw new Error('no submenu');
  return item.submenu;
}

function click(item: MenuItemConstructorOptions | undefined): void {
  if (item?.click === undefined) throw new Error(`${item?.label} does nothing`);
  (item.click as () => void)();
}

describe('the application menu', () => {
  test('File, Edit, View and Help; on macOS also the app and Window menus', () => {
    expect(menuFor().template.map((item) => item.label ?? item.role)).toEqual(['&File', '&Edit', '&View', '&Help']);
    expect(menuFor({ platform: 'darwin' }).template.map((item) => item.label ?? item.role)).toEqual(['appMenu', '&File', '&Edit', '&View', 'windowMenu', '&Help']);
  });

  test('each File item sends its command to the page', () => {
    const { template, sent } = menuFor();
    const file = submenu(template[0]);
    const labels = file.filter((item) => item.label !== undefined).map((item) => item.label);
    expect(labels).toEqual(['New from Scenario…', 'Open…', 'Open Recent', 'Save', 'Save As…', 'Import Usage…', 'Export Price Book…']);
    for (const item of file) if (item.label !== undefined && item.label !== 'Open Recent') click(item);
    expect(sent).toEqual([
      { command: 'new-from-scenario' },
      { command: 'open' },
      { command: 'save', thenClose: false },
      { command: 'save-as' },
      { command: 'import-usage' },
      { command: 'export-price-book' },
    ]);
    expect(file.find((item) => item.label === 'Save')?.accelerator).toBe('CmdOrCtrl+S');
  });

  test('Open Recent lists the files and opens the one picked; an empty list says so', () => {
    const { template, recentOpened } = menuFor();
    const recent = submenu(submenu(template[0]).find((item) => item.label === 'Open Recent'));
    expect(recent[0]).toMatchObject({ label: 'team.cwb', sublabel: '/w/team.cwb' });
    click(recent[0]);
    expect(recentOpened).toEqual(['/w/team.cwb']);
    const empty = submenu(submenu(menuFor({ recentFiles: [] }).template[0]).find((item) => item.label === 'Open Recent'));
    expect(empty[0]).toEqual({ label: 'No Recent Workbooks', enabled: false });
  });

  test('undo and redo leave their keys to the page; developer tools only in development', () => {
    const edit = submenu(menuFor().template[1]);
    expect(edit.filter((item) => item.role === 'undo' || item.role === 'redo').map((item) => item.registerAccelerator)).toEqual([false, false]);
    expect(submenu(menuFor().template[2]).some((item) => item.role === 'toggleDevTools')).toBe(false);
    expect(submenu(menuFor({ developerTools: true }).template[2]).some((item) => item.role === 'toggleDevTools')).toBe(true);
    expect(submenu(menuFor().template[2]).some((item) => item.role === 'reload' || item.role === 'forceReload')).toBe(false);
  });
});
