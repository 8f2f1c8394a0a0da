// The Workbook screen: what the page's workbook holds (price books, datasets, scenarios, runs), and the ways to
// replace it or add to it: upload or download a .cwb file, or build one of the built-in scenarios into it.

import { useMemo, useRef, useState, type ChangeEvent } from 'react';
import { exportWorkbook } from '../../../core/workbook/open-workbook';
import { DEFAULT_SCENARIO_SLUG, findScenario, SCENARIO_CATALOG } from '../../../scenarios/catalog';
import { useServices } from '../../app/services';
import { useWorkbench, workbenchStore } from '../../state/store';
import { downloadWorkbook } from '../../storage/workbook-download';
import { WORKBOOK_UPLOAD_ACCEPT, workbookDownloadName } from '../../storage/workbook-file-name';
import { buildScenario, PAGE_SCENARIO_SIZE, uploadWorkbook } from './workbook-actions';
import { workbookLines } from './workbook-lines';
import { RunList } from './RunList';
import { reopenRun } from '../compare/compare-actions';

function LineList({ id, lines, emptyText }: { id: string; lines: string[]; emptyText: string }) {
  return (
    <ul id={id} className="line-list">
      {lines.length === 0 ? <li className="empty">{emptyText}</li> : lines.map((line, index) => <li key={index}>{line}</li>)}
    </ul>
  );
}

export function WorkbookScreen() {
  const services = useServices();
  const workbook = useWorkbench((state) => state.workbook);
  const revision = useWorkbench((state) => state.workbookRevision);
  const locale = useWorkbench((state) => state.numberLocale);
  const status = useWorkbench((state) => state.workbookStatus);
  const problem = useWorkbench((state) => state.workbookProblem);
  const activity = useWorkbench((state) => state.workbookActivity);
  const rescueBytes = useWorkbench((state) => state.rescueBytes);
  const setActivity = useWorkbench((state) => state.setWorkbookActivity);
  const noticed = useWorkbench((state) => state.workbookNoticed);
  const [scenarioSlug, setScenarioSlug] = useState<string>(DEFAULT_SCENARIO_SLUG);
  const fileInput = useRef<HTMLInputElement>(null);
  // Re-read whenever the workbook's contents change; the revision is what says they did.
  const lines = useMemo(() => (workbook === null ? null : workbookLines(workbook, locale)), [workbook, revision, locale]);
  const busy = activity !== 'ready';

  function onFilePicked(event: ChangeEvent<HTMLInputElement>): void {
    const file = event.target.files?.[0];
    // Cleared so that picking the same file again still fires a change.
    event.target.value = '';
    if (file === undefined) return;
    setActivity('busy');
    uploadWorkbook(workbenchStore, services, file)
      .catch((error: unknown) => {
        // Refusals are values; only a broken invariant lands here, and the page says so instead of going quiet.
        noticed(null, `The upload failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => setActivity('ready'));
  }

  function onOpenRun(runId: number): void {
    const reopened = reopenRun(workbenchStore, runId);
    if (reopened.ok) workbenchStore.getState().showScreen('compare');
    else noticed(null, reopened.problem.message);
  }

  function onBuild(): void {
    const entry = findScenario(scenarioSlug);
    if (entry === null || workbook === null) return;
    setActivity('busy');
    try {
      buildScenario(workbenchStore, services, entry, 'asked');
    } finally {
      setActivity('ready');
    }
  }

  return (
    <>
      <section className="panel" aria-labelledby="workbook-heading">
        <h2 id="workbook-heading">Workbook</h2>
        <p id="workbook-status" role="status">
          {status}
        </p>
        {problem !== null && (
          <p id="workbook-problem" className="problem" role="alert">
            {problem}
          </p>
        )}
        <div className="actions">
          <button type="button" disabled={busy || workbook === null} onClick={() => workbook && downloadWorkbook(exportWorkbook(workbook), workbookDownloadName(services.now()), document)}>
            Download workbook
          </button>
          <button type="button" disabled={busy} onClick={() => fileInput.current?.click()}>
            Upload workbook
          </button>
          {rescueBytes !== null && (
            <button type="button" onClick={() => downloadWorkbook(rescueBytes, workbookDownloadName(services.now()), document)}>
              Download the stored file
            </button>
          )}
          <input ref={fileInput} type="file" hidden accept={WORKBOOK_UPLOAD_ACCEPT} onChange={onFilePicked} aria-label="Workbook file" />
        </div>
      </section>
      <section className="panel" aria-labelledby="new-scenario-heading">
        <h2 id="new-scenario-heading">New from a built-in scenario</h2>
        <p className="hint">
          Adds a business's price books, a generated year of usage ({PAGE_SCENARIO_SIZE}: 500 customers, 100,000 events) and a scenario comparing them.
        </p>
        <div className="actions">
          <label>
            Business{' '}
            <select value={scenarioSlug} onChange={(event) => setScenarioSlug(event.target.value)}>
              {SCENARIO_CATALOG.map((entry) => (
                <option key={entry.slug} value={entry.slug}>
                  {entry.name} — {entry.creditBuys}
                </option>
              ))}
            </select>
          </label>
          <button type="button" disabled={busy || workbook === null} onClick={onBuild}>
            Build scenario
          </button>
        </div>
      </section>
      <div className="panel-grid">
        <section className="panel" aria-labelledby="price-books-heading">
          <h2 id="price-books-heading">Price books</h2>
          <LineList id="price-books" lines={lines?.priceBooks ?? []} emptyText="No price books yet." />
        </section>
        <section className="panel" aria-labelledby="datasets-heading">
          <h2 id="datasets-heading">Datasets</h2>
          <LineList id="datasets" lines={lines?.datasets ?? []} emptyText="No datasets yet." />
        </section>
        <section className="panel" aria-labelledby="scenarios-heading">
          <h2 id="scenarios-heading">Scenarios</h2>
          <LineList id="scenarios" lines={lines?.scenarios ?? []} emptyText="No scenarios yet." />
        </section>
        <section className="panel" aria-labelledby="runs-heading">
          <h2 id="runs-heading">Runs</h2>
          <RunList runs={lines?.runs ?? []} onOpen={onOpenRun} />
        </section>
      </div>
    </>
  );
}
