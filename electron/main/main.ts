// The desktop app's main process: wires Electron's API to the tested modules beside it and decides nothing itself.
// One window, served from app://workbench/ out of the built web app, isolated and sandboxed; one instance (a second
// launch hands its workbook to the first); the document's file, unsaved state, recovery copy and recent files kept
// by the modules in this folder. Nothing remote is ever loaded, no navigation or new window is allowed, and every
// permission request is refused.

import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session as electronSession, type WebContents } from 'electron';
import { join } from 'node:path';
import { loadSqlJs } from '../../cli/file-store/sql-js-node';
import { PUSH_CHANNELS, type MenuCommand, type StartupDocument } from '../ipc-contract';
import { answerAppRequest } from './app-protocol';
import { buildMenuTemplate } from './application-menu';
import { workbookPathFromArguments } from './command-line';
import { createDocumentSession, decideWindowClose, offerPath, windowTitle } from './document-session';
import { createInvokeHandlers, registerIpcHandlers } from './ipc-handlers';
import { nativeDialogs } from './native-dialogs';
import { recentFileEntries, withRecentFile } from './recent-files';
import { startupPlanner } from './startup-document';
import { clearRecoveryCopy, RECOVERY_FOLDER_NAME } from './recovery-copy';
import { APP_SCHEME, APP_START_URL, isAppUrl, windowWebPreferences } from './security';
import { openSettingsStore, SETTINGS_FILE_NAME, type SettingsStore } from './settings-file';
import { captureWindowState, initialWindowBounds, MIN_WINDOW_SIZE } from './window-state';

const PRODUCT_NAME = 'Credit Workbench';
/** The bundle sits in out/electron/; the web app Vite built sits in dist/web/, both in the app folder. */
const WEB_ROOT = join(__dirname, '..', '..', 'dist', 'web');
const PRELOAD_PATH = join(__dirname, 'preload.cjs');
const WINDOW_STATE_SAVE_DELAY_MS = 500;

// Must precede `ready`: a standard, secure scheme gets an origin of its own, so 'self' in the CSP, fetch (sql.js's
// wasm), workers and IndexedDB work as on https.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);

const session = createDocumentSession();
let mainWindow: BrowserWindow | null = null;
/** A workbook named before the window exists (command line, or macOS open-file during launch). */
let requestedPath: string | null = workbookPathFromArguments(process.argv, process.cwd());

function send(command: MenuCommand): void {
  mainWindow?.webContents.send(PUSH_CHANNELS.menuCommand, command);
}

/** Hands a workbook opened from outside to the page, which asks about unsaved changes before opening it. */
function offerToPage(path: string): void {
  if (mainWindow === null) {
    requestedPath = path;
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
  send({ command: 'open-path', path: offerPath(session, path) });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const path = workbookPathFromArguments(argv, workingDirectory);
    if (path !== null) offerToPage(path);
    else if (mainWindow !== null) mainWindow.focus();
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    offerToPage(path);
  });
  app.on('window-all-closed', () => app.quit());
  app.on('web-contents-created', (_event, contents) => lockDown(contents));
  app.whenReady().then(start, (error: unknown) => {
    dialog.showErrorBox(PRODUCT_NAME, `The app could not start: ${error instanceof Error ? error.message : String(error)}`);
    app.exit(1);
  });
}

/** No navigation, no new windows, no webviews, for every web contents the app ever creates. */
function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

async function start(): Promise<void> {
  const userData = app.getPath('userData');
  const recoveryFolder = join(userData, RECOVERY_FOLDER_NAME);
  const settings = await openSettingsStore(join(userData, SETTINGS_FILE_NAME));
  const dialogs = nativeDialogs(() => mainWindow, PRODUCT_NAME);
  const caseInsensitivePaths = process.platform === 'win32' || process.platform === 'darwin';
  const rememberRecent = async (path: string): Promise<void> => {
    app.addRecentDocument(path);
    await settings.update((current) => ({ ...current, recentFiles: withRecentFile(current.recentFiles, path, { caseInsensitive: caseInsensitivePaths }) }));
  };

  const appSession = electronSession.defaultSession;
  appSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  appSession.setPermissionCheckHandler(() => false);
  // No remote content: the page and everything it loads come from app://.
  appSession.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'] }, (_details, callback) => callback({ cancel: true }));
  protocol.handle(APP_SCHEME, (request) => answerAppRequest(WEB_ROOT, request));

  const planner = startupPlanner({ recoveryFolder, sqlJs: loadSqlJs, dialogs, session, rememberRecent, send });
  await planner.prepare(takeRequestedPath());

  const refresh = (): void => refreshWindow(settings);
  const handlers = createInvokeHandlers({
    sqlJs: loadSqlJs,
    dialogs,
    settings,
    session,
    recoveryFolder,
    nowMs: Date.now,
    caseInsensitivePaths,
    takeStartupDocument: (): StartupDocument | null => planner.take(),
    onDocumentChanged: refresh,
    onSavedBeforeClose: () => mainWindow?.close(),
  });
  registerIpcHandlers(ipcMain, handlers, { session, onDocumentChanged: refresh });

  mainWindow = createWindow(settings);
  refresh();
  const window = mainWindow;
  window.on('close', (event) => {
    saveWindowState(settings, window);
    if (session.closeConfirmed || !session.unsaved) return;
    event.preventDefault();
    void decideWindowClose(session, dialogs, send).then((decision) => {
      if (decision === 'close') window.close();
    });
  });
  window.on('closed', () => {
    mainWindow = null;
    // Closed on purpose (saved, nothing unsaved, or "Don't Save"): the recovery copy has nothing left to recover.
    void clearRecoveryCopy(recoveryFolder);
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    // The page crashed: its latest recovery copy is offered again as the page reloads.
    void planner.prepare(null).then(() => window.loadURL(APP_START_URL));
  });
  await window.loadURL(APP_START_URL);
}

function takeRequestedPath(): string | null {
  const path = requestedPath;
  requestedPath = null;
  return path;
}

function createWindow(settings: SettingsStore): BrowserWindow {
  const bounds = initialWindowBounds(
    settings.current().window,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow({
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: PRODUCT_NAME,
    backgroundColor: '#ffffff',
    webPreferences: windowWebPreferences(PRELOAD_PATH),
  });
  if (bounds.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  // The title says the document's name and whether it is saved, not the page's <title>.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.webContents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  let pending: NodeJS.Timeout | null = null;
  const later = (): void => {
    if (pending !== null) clearTimeout(pending);
    pending = setTimeout(() => {
      pending = null;
      if (!window.isDestroyed()) saveWindowState(settings, window);
    }, WINDOW_STATE_SAVE_DELAY_MS);
  };
  window.on('resize', later);
  window.on('move', later);
  return window;
}

function saveWindowState(settings: SettingsStore, window: BrowserWindow): void {
  if (window.isDestroyed()) return;
  void settings.update((current) => ({ ...current, window: captureWindowState(window) }));
}

function refreshWindow(settings: SettingsStore): void {
  const window = mainWindow;
  if (window !== null && !window.isDestroyed()) {
    window.setTitle(windowTitle(session, PRODUCT_NAME));
    if (process.platform === 'darwin') {
      window.setDocumentEdited(session.unsaved);
      window.setRepresentedFilename(session.path ?? '');
    }
  }
  const template = buildMenuTemplate({
    productName: PRODUCT_NAME,
    platform: process.platform,
    recentFiles: recentFileEntries(settings.current().recentFiles),
    developerTools: !app.isPackaged,
    send,
    openRecent: offerToPage,
    clearRecent: () => {
      app.clearRecentDocuments();
      void settings.update((current) => ({ ...current, recentFiles: [] })).then(() => refreshWindow(settings));
    },
    showAbout: () => {
      void dialog.showMessageBox({
        type: 'info',
        title: PRODUCT_NAME,
        message: `${PRODUCT_NAME} ${app.getVersion()}`,
        detail: 'Replays usage history against credit price books and compares what would have happened.',
      });
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
