import { describe, expect, test } from 'vitest';
import { loadSqlJs } from '../../cli/file-store/sql-js-node';
import { createWorkbook } from '../../core/workbook/open-workbook';
import { MAX_CANDIDATES } from '../../renderer/state/runs-slice';
import { createWorkbenchStore } from '../../renderer/state/store';
import { isScreenId } from '../../renderer/state/ui-slice';

async function openedStore(stored: boolean) {
  const store = createWorkbenchStore();
  const workbook = createWorkbook(await loadSqlJs());
  store.getState().workbookOpened({ workbook, status: 'opened', problem: null, rescueBytes: null, stored, savedAtMs: stored ? 5 : null });
  return store;
}

describe('the workbook slice', () => {
  test('a workbook opened from storage counts as saved; a new one does not', async () => {
    expect((await openedStore(true)).getState().saveState).toEqual({ kind: 'saved', savedAtMs: 5 });
    expect((await openedStore(false)).getState().saveState).toEqual({ kind: 'unsaved' });
  });

  test('a change bumps the revision, marks it unsaved and clears the last problem', async () => {
    const store = await openedStore(true);
    store.getState().workbookNoticed(null, 'refused');
    const before = store.getState();
    store.getState().workbookChanged('built');
    const after = store.getState();
    expect(after.workbookRevision).toBe(before.workbookRevision + 1);
    expect(after.shownRevision).toBe(before.shownRevision + 1);
    expect(after.saveState).toEqual({ kind: 'unsaved' });
    expect(after.workbookStatus).toBe('built');
    expect(after.workbookProblem).toBeNull();
  });

  test('a save of an older revision leaves a later change unsaved', async () => {
    const store = await openedStore(false);
    const revision = store.getState().workbookRevision;
    store.getState().saveStarted();
    store.getState().workbookChanged(null);
    store.getState().saveSucceeded(revision, 10);
    expect(store.getState().saveState).toEqual({ kind: 'unsaved' });
    expect(store.getState().savedRevision).toBe(revision);
  });

  test('a problem noticed keeps the workbook and its status', async () => {
    const store = await openedStore(true);
    const { workbook, workbookRevision } = store.getState();
    store.getState().workbookNoticed(null, 'The file is not a workbook.');
    expect(store.getState().workbook).toBe(workbook);
    expect(store.getState().workbookRevision).toBe(workbookRevision);
    expect(store.getState().workbookStatus).toBe('opened');
    expect(store.getState().workbookProblem).toBe('The file is not a workbook.');
  });
});

describe('the runs slice', () => {
  test('candidates toggle, never include the baseline, and stop at four', () => {
    const store = createWorkbenchStore();
    const state = () => store.getState();
    state().chooseBaseline(1);
    state().toggleCandidate(1);
    expect(state().comparison.candidateVersionIds).toEqual([]);
    for (const id of [2, 3, 4, 5, 6]) state().toggleCandidate(id);
    expect(state().comparison.candidateVersionIds).toEqual([2, 3, 4, 5]);
    expect(state().comparison.candidateVersionIds).toHaveLength(MAX_CANDIDATES);
    state().toggleCandidate(3);
    expect(state().comparison.candidateVersionIds).toEqual([2, 4, 5]);
  });

  test('choosing a candidate as the baseline takes it out of the candidates', () => {
    const store = createWorkbenchStore();
    store.getState().toggleCandidate(2);
    store.getState().toggleCandidate(3);
    store.getState().chooseBaseline(2);
    expect(store.getState().comparison).toEqual({ baselineVersionId: 2, candidateVersionIds: [3], datasetId: null });
  });
});

describe('the runs slice: choices, results and finance', () => {
  test('a chosen comparison drops the baseline from its candidates and keeps at most four', () => {
    const store = createWorkbenchStore();
    store.getState().chooseComparison({ baselineVersionId: 1, candidateVersionIds: [1, 2, 3, 4, 5, 6], datasetId: 9 });
    expect(store.getState().comparison).toEqual({ baselineVersionId: 1, candidateVersionIds: [2, 3, 4, 5], datasetId: 9 });
  });

  test('showing a result ends the replay’s progress and closes the ledger of the last one', () => {
    const store = createWorkbenchStore();
    store.getState().replayStarted(3);
    store.getState().chooseLedger({ customerId: 'c1', reportIndex: 1 });
    store.getState().showComparison({ runId: 1, recording: false, scenarioId: 1, versionIds: [1, 2], reports: [], datasetId: 1, createdAtMs: 0, stale: [], note: null });
    expect(store.getState().replayProgress).toEqual({ state: 'idle' });
    expect(store.getState().ledgerChoice).toBeNull();
    expect(store.getState().comparisonResult?.runId).toBe(1);
  });

  test('another workbook forgets the comparison and the finance run, whose ids meant the old one’s books', () => {
    const store = createWorkbenchStore();
    store.getState().chooseComparison({ baselineVersionId: 1, candidateVersionIds: [2], datasetId: 3 });
    store.getState().chooseFinance({ versionId: 1, datasetId: 3 });
    store.getState().showFinance({ versionId: 1, datasetId: 3, reports: [], labels: [] });
    store.getState().resetComparison();
    const state = store.getState();
    expect(state.comparison).toEqual({ baselineVersionId: null, candidateVersionIds: [], datasetId: null });
    expect([state.financeChoice.versionId, state.financeChoice.datasetId, state.financeResult]).toEqual([null, null, null]);
  });

  test('finance progress runs from started to a stop that says why', () => {
    const store = createWorkbenchStore();
    store.getState().financeStarted(2);
    expect(store.getState().financeProgress).toMatchObject({ state: 'running', bookIndex: 0, bookCount: 2 });
    store.getState().financeStopped({ state: 'failed', message: 'Choose a price book.' });
    expect(store.getState().financeProgress).toEqual({ state: 'failed', message: 'Choose a price book.' });
  });
});

describe('the ui slice', () => {
  test('the shell starts on the Workbook screen and shows the screen asked for', () => {
    const store = createWorkbenchStore();
    expect(store.getState().screen).toBe('workbook');
    store.getState().showScreen('compare');
    expect(store.getState().screen).toBe('compare');
    expect(isScreenId('finance')).toBe(true);
    expect(isScreenId('settings')).toBe(false);
  });

  test('the import draft keeps what was picked while other fields change', () => {
    const store = createWorkbenchStore();
    store.getState().updateImport({ name: 'January' });
    store.getState().updateImport((draft) => ({ name: `${draft.name} export` }));
    expect(store.getState().importDraft).toMatchObject({ name: 'January export', customers: null, events: null, progress: null });
  });
});
