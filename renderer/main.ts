// The browser page until the React workbench replaces it: opens the workbook kept in this browser (or a new one),
// shows what it holds, and downloads or uploads it as a .cwb file. An upload replaces the stored workbook only when
// core/workbook accepts the file; a refused file leaves both the page's and the stored workbook as they were.

import { closeWorkbook, exportWorkbook } from '../core/workbook/open-workbook';
import { listDatasets } from '../core/workbook/repositories/datasets';
import { listPriceBooks } from '../core/workbook/repositories/price-books';
import { listScenarios } from '../core/workbook/repositories/scenarios';
import type { Workbook } from '../core/workbook/workbook';
import { loadSqlJs } from './sql-js-browser';
import { indexedDbWorkbookStore } from './storage/indexed-db-workbook-store';
import { openStoredOrNewWorkbook, type StartedWorkbook } from './storage/open-stored-workbook';
import { downloadWorkbook } from './storage/workbook-download';
import { WORKBOOK_UPLOAD_ACCEPT, workbookDownloadName } from './storage/workbook-file-name';
import { readUploadedWorkbook } from './storage/workbook-upload';

interface PageState {
  workbook: Workbook;
  status: string;
  problem: string | null;
  /** Stored bytes that could not be opened, offered as a download until an upload replaces them. */
  rescueBytes: Uint8Array | null;
}

function element<T extends HTMLElement>(id: string, type: new () => T): T {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`invariant: index.html has no ${type.name} #${id}`);
  return found;
}

const view = {
  status: element('workbook-status', HTMLParagraphElement),
  problem: element('workbook-problem', HTMLParagraphElement),
  download: element('download-workbook', HTMLButtonElement),
  upload: element('upload-workbook', HTMLButtonElement),
  uploadInput: element('upload-workbook-file', HTMLInputElement),
  downloadStored: element('download-stored', HTMLButtonElement),
  priceBooks: element('price-books', HTMLUListElement),
  datasets: element('datasets', HTMLUListElement),
  scenarios: element('scenarios', HTMLUListElement),
};

/** Minutes are enough to tell saves apart for a person; UTC so the text does not depend on the machine. */
function formatTime(atMs: number): string {
  return `${new Date(atMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function count(value: number, noun: string): string {
  return `${value.toLocaleString('en-US')} ${noun}${value === 1 ? '' : 's'}`;
}

function startedStatus(started: StartedWorkbook): string {
  if (started.source === 'new') return 'New workbook: nothing is stored in this browser yet.';
  const upgraded = started.upgradedFrom === null ? '' : ` It was upgraded from schema version ${started.upgradedFrom}.`;
  const savedAt = started.savedAtMs === null ? '' : ` (saved ${formatTime(started.savedAtMs)})`;
  return `Workbook opened from this browser's storage${savedAt}.${upgraded}`;
}

function fillList(list: HTMLUListElement, lines: string[], emptyText: string): void {
  const items = lines.map((line) => {
    const item = document.createElement('li');
    item.textContent = line;
    return item;
  });
  if (items.length === 0) {
    const empty = document.createElement('li');
    empty.className = 'empty';
    empty.textContent = emptyText;
    items.push(empty);
  }
  list.replaceChildren(...items);
}

/** Counts renders, so a test can wait for the page to have taken in an action rather than guess with a delay. */
let renderCount = 0;

function render(state: PageState): void {
  renderCount += 1;
  document.body.dataset.workbookRevision = String(renderCount);
  view.status.textContent = state.status;
  view.problem.textContent = state.problem ?? '';
  view.problem.hidden = state.problem === null;
  view.downloadStored.hidden = state.rescueBytes === null;
  fillList(
    view.priceBooks,
    listPriceBooks(state.workbook).map(
      (book) => `${book.name} (${book.id}): ${count(book.versionCount, 'version')}, latest v${book.latest.versionNumber}`,
    ),
    'No price books yet.',
  );
  fillList(
    view.datasets,
    listDatasets(state.workbook).map(
      (dataset) => `${dataset.name}: ${count(dataset.customerCount, 'customer')}, ${count(dataset.eventCount, 'event')}`,
    ),
    'No datasets yet.',
  );
  fillList(
    view.scenarios,
    listScenarios(state.workbook).map((scenario) => scenario.name),
    'No scenarios yet.',
  );
}

function setBusy(busy: boolean): void {
  document.body.dataset.workbookState = busy ? 'busy' : 'ready';
  view.download.disabled = busy;
  view.upload.disabled = busy;
}

async function start(): Promise<void> {
  const sqlJs = await loadSqlJs();
  const store = indexedDbWorkbookStore(globalThis.indexedDB, { now: Date.now });
  const started = await openStoredOrNewWorkbook(store, sqlJs);
  const state: PageState = {
    workbook: started.workbook,
    status: startedStatus(started),
    problem: started.problem?.message ?? null,
    rescueBytes: started.rescueBytes,
  };

  view.download.addEventListener('click', () => {
    downloadWorkbook(exportWorkbook(state.workbook), workbookDownloadName(Date.now()), document);
  });
  view.downloadStored.addEventListener('click', () => {
    if (state.rescueBytes !== null) downloadWorkbook(state.rescueBytes, workbookDownloadName(Date.now()), document);
  });
  view.uploadInput.accept = WORKBOOK_UPLOAD_ACCEPT;
  view.upload.addEventListener('click', () => view.uploadInput.click());
  view.uploadInput.addEventListener('change', () => {
    const file = view.uploadInput.files?.[0];
    // Cleared so that picking the same file again still fires a change.
    view.uploadInput.value = '';
    if (file === undefined) return;
    setBusy(true);
    upload(file)
      .catch((error: unknown) => {
        // Refusals are values; only a broken invariant lands here, and the page says so instead of going quiet.
        state.problem = `The upload failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`;
        render(state);
      })
      .finally(() => setBusy(false));
  });

  async function upload(file: File): Promise<void> {
    const uploaded = await readUploadedWorkbook(file, sqlJs);
    if (!uploaded.ok) {
      state.problem = uploaded.problem.message;
      render(state);
      return;
    }
    closeWorkbook(state.workbook);
    state.workbook = uploaded.value.workbook;
    state.rescueBytes = null;
    const upgraded = uploaded.value.upgradedFrom === null ? '' : ` It was upgraded from schema version ${uploaded.value.upgradedFrom}.`;
    const saved = await store.save(uploaded.value.bytes);
    if (saved.ok) {
      state.status = `Workbook uploaded from "${file.name}" and saved in this browser (saved ${formatTime(saved.value.savedAtMs)}).${upgraded}`;
      state.problem = null;
    } else {
      state.status = `Workbook uploaded from "${file.name}", but not saved in this browser.${upgraded}`;
      state.problem = saved.problem.message;
    }
    render(state);
  }

  render(state);
  setBusy(false);
}

start().catch((error: unknown) => {
  // Only a broken invariant gets here (sql.js failing to load, say): say so on the page rather than in the console.
  document.body.dataset.workbookState = 'failed';
  view.status.textContent = 'The workbench could not start.';
  view.problem.textContent = error instanceof Error ? error.message : String(error);
  view.problem.hidden = false;
});
