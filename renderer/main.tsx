// The React workbench's entry: settles the locale numbers are written in, loads sql.js, starts the autosave over the
// browser's storage, renders the shell, and opens the stored workbook (or builds the demo into a new one). A failure
// to start is said on the page, never only in the console.

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startNumberLocale } from './app/number-locale';
import { ServicesContext, type WorkbenchServices } from './app/services';
import { desktopBridge } from './platform/desktop-bridge';
import { startDesktopSession } from './platform/desktop-session';
import { startWorkbook } from './screens/workbook/workbook-actions';
import { loadSqlJs } from './sql-js-browser';
import { startAutosave } from './state/autosave';
import { workbenchStore } from './state/store';
import { indexedDbWorkbookStore } from './storage/indexed-db-workbook-store';
import { createImportClient, startBrowserImportWorker } from './workers/import-client';
import { createReplayClient, startBrowserReplayWorker } from './workers/replay-client';
import './styles/app.css';

/** The page's Web Storage, or null where the browser blocks it (then the number format is not remembered). */
function pageStorage(): Storage | null {
  try {
    return globalThis.localStorage;
  } catch {
    return null;
  }
}

async function start(container: HTMLElement): Promise<void> {
  // Before the first render, so numbers are never drawn in one locale and then redrawn in another.
  startNumberLocale(workbenchStore, navigator.languages, pageStorage());
  const sqlJs = await loadSqlJs();
  const storage = indexedDbWorkbookStore(globalThis.indexedDB, { now: Date.now });
  const services: WorkbenchServices = {
    sqlJs,
    storage,
    autosave: startAutosave(workbenchStore, storage),
    replayClient: createReplayClient(startBrowserReplayWorker),
    importClient: createImportClient(startBrowserImportWorker),
    now: Date.now,
  };
  createRoot(container).render(
    <StrictMode>
      <ServicesContext.Provider value={services}>
        <App />
      </ServicesContext.Provider>
    </StrictMode>,
  );
  await startWorkbook(workbenchStore, services);
  // Inside the desktop app the preload exposes the bridge: files on disk, the menu and recovery copies join in.
  const bridge = desktopBridge();
  if (bridge !== null) await startDesktopSession(bridge, workbenchStore, { sqlJs });
}

const container = document.getElementById('root');
if (container === null) throw new Error('invariant: index.html has no #root');
start(container).catch((error: unknown) => {
  // Only a broken invariant gets here (sql.js failing to load, say).
  document.body.dataset.workbookState = 'failed';
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.textContent = `The workbench could not start: ${error instanceof Error ? error.message : String(error)}`;
  container.replaceChildren(message);
});
