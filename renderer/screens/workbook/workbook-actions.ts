// What the Workbook screen does: start the page's workbook (building the AI/ML platform demo on a first visit),
// take an uploaded .cwb file, and build a built-in scenario into the workbook. Each step tells the store what
// happened in one plain sentence; refusals leave the workbook as it was.

import { DEFAULT_SCENARIO_SLUG, findScenario, type ScenarioCatalogEntry } from '../../../scenarios/catalog';
import type { ScenarioSize } from '../../../scenarios/scenario-size';
import type { WorkbenchServices } from '../../app/services';
import type { WorkbenchStore } from '../../state/store';
import { openStoredOrNewWorkbook, type StartedWorkbook } from '../../storage/open-stored-workbook';
import { readUploadedWorkbook, type PickedFile } from '../../storage/workbook-upload';
import { buildBuiltInScenario } from './build-built-in-scenario';
import { formatTime } from './workbook-lines';
import { formatCount } from '../../components/amount-format';

/** The scenario size the page builds: large enough to show every effect, small enough to build in a blink. */
export const PAGE_SCENARIO_SIZE: ScenarioSize = 'small';

function startedStatus(started: StartedWorkbook): string {
  if (started.source === 'new') return 'New workbook: nothing is stored in this browser yet.';
  const upgraded = started.upgradedFrom === null ? '' : ` It was upgraded from schema version ${started.upgradedFrom}.`;
  const savedAt = started.savedAtMs === null ? '' : ` (saved ${formatTime(started.savedAtMs)})`;
  return `Workbook opened from this browser's storage${savedAt}.${upgraded}`;
}

/**
 * Opens the stored workbook, or a new one. A first visit (nothing stored, nothing wrong) gets the AI/ML platform
 * demo built in and saved, so the workbench opens on something to explore.
 */
export async function startWorkbook(store: WorkbenchStore, services: WorkbenchServices): Promise<void> {
  const started = await openStoredOrNewWorkbook(services.storage, services.sqlJs);
  store.getState().workbookOpened({
    workbook: started.workbook,
    status: startedStatus(started),
    problem: started.problem?.message ?? null,
    rescueBytes: started.rescueBytes,
    stored: started.source === 'stored',
    savedAtMs: started.savedAtMs,
  });
  const firstVisit = started.source === 'new' && started.problem === null;
  if (firstVisit) {
    const demo = findScenario(DEFAULT_SCENARIO_SLUG);
    if (demo === null) throw new Error('invariant: the default scenario is not in the catalog');
    buildScenario(store, services, demo, 'first-visit');
    await services.autosave.saveNow();
  }
  store.getState().setWorkbookActivity('ready');
}

/** Builds a built-in scenario into the workbook; the autosave stores it. */
export function buildScenario(store: WorkbenchStore, services: WorkbenchServices, entry: ScenarioCatalogEntry, reason: 'first-visit' | 'asked'): void {
  const { workbook } = store.getState();
  if (workbook === null) throw new Error('invariant: building a scenario before the workbook is open');
  const built = buildBuiltInScenario(workbook, entry, PAGE_SCENARIO_SIZE, services.now());
  if (!built.ok) {
    store.getState().workbookNoticed(null, built.problem.message);
    return;
  }
  const { scenario, dataset } = built.value;
  const locale = store.getState().numberLocale;
  const what = `the scenario "${scenario.name}" with ${formatCount(dataset.customerCount, locale)} customers and ${formatCount(dataset.eventCount, locale)} events`;
  store
    .getState()
    .workbookChanged(reason === 'first-visit' ? `New workbook with the built-in ${entry.name} demo: ${what}.` : `Built ${what} into the workbook.`);
}

/** Takes an uploaded workbook file in place of the current workbook, or says why it was refused. */
export async function uploadWorkbook(store: WorkbenchStore, services: WorkbenchServices, file: PickedFile): Promise<void> {
  const uploaded = await readUploadedWorkbook(file, services.sqlJs);
  if (!uploaded.ok) {
    store.getState().workbookNoticed(null, uploaded.problem.message);
    return;
  }
  const upgraded = uploaded.value.upgradedFrom === null ? '' : ` It was upgraded from schema version ${uploaded.value.upgradedFrom}.`;
  // Saved before it is shown, so what the page says about storage is true when the user reads it.
  const saved = await services.storage.save(uploaded.value.bytes);
  const status = saved.ok
    ? `Workbook uploaded from "${file.name}" and saved in this browser (saved ${formatTime(saved.value.savedAtMs)}).${upgraded}`
    : `Workbook uploaded from "${file.name}", but not saved in this browser.${upgraded}`;
  // Ids of the comparison chosen in the old workbook name other things (or nothing) in the new one.
  store.getState().resetComparison();
  store.getState().workbookOpened({
    workbook: uploaded.value.workbook,
    status,
    problem: saved.ok ? null : saved.problem.message,
    rescueBytes: null,
    stored: saved.ok,
    savedAtMs: saved.ok ? saved.value.savedAtMs : null,
  });
}
