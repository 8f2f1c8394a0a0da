// The Usage import screen: pick a customers file and an events file (CSV or NDJSON), check the columns and the first
// rows, and import them as a dataset. The files are read in a worker with progress and cancel; any problem, listed by
// file, line and column, means nothing is imported.

import { useMemo } from 'react';
import type { ImportIssue } from '../../../core/engine/usage/import-error';
import { CUSTOMER_FIELDS } from '../../../core/engine/usage/customers-reader';
import { EVENT_FIELDS } from '../../../core/engine/usage/events-reader';
import { VirtualTable } from '../../components/VirtualTable';
import type { TableColumn } from '../../components/table-columns';
import { useServices } from '../../app/services';
import { formatCount } from '../../components/amount-format';
import { useWorkbench, workbenchStore } from '../../state/store';
import { missingRoles, roleColumns } from './column-roles';
import { previewFile } from './file-preview';
import { importDataset } from './import-actions';
import { UsageFilePanel, type PickedFile } from './UsageFilePanel';

const ISSUE_COLUMNS: TableColumn<ImportIssue>[] = [
  { id: 'file', header: 'File', text: (issue) => issue.file, width: 150, filterable: true },
  { id: 'line', header: 'Line', text: (issue) => (issue.line === 0 ? '' : String(issue.line)), sortValue: (issue) => issue.line, align: 'right', width: 70 },
  { id: 'column', header: 'Column', text: (issue) => (issue.column === null ? '' : String(issue.column)), sortValue: (issue) => issue.column, align: 'right', width: 80 },
  { id: 'field', header: 'Field', text: (issue) => issue.field ?? '', width: 110, filterable: true },
  { id: 'message', header: 'Problem', text: (issue) => issue.message, filterable: true },
];

async function pickedFrom(file: File): Promise<PickedFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { fileName: file.name, bytes, preview: previewFile(bytes, file.name), mapping: {} };
}

function withMapping(picked: PickedFile | null, key: string, column: string | null): PickedFile | null {
  if (picked === null) return null;
  const mapping = { ...picked.mapping };
  if (column === null) delete mapping[key];
  else mapping[key] = column;
  return { ...picked, mapping };
}

export function ImportScreen() {
  const services = useServices();
  // Kept in the store, so the picked files and the outcome are still there after a look at another screen.
  const { customers, events, name, progress, outcome, readProblem } = useWorkbench((state) => state.importDraft);
  const update = useWorkbench((state) => state.updateImport);
  const locale = useWorkbench((state) => state.numberLocale);
  const running = progress !== null;

  const blockers = useMemo(() => {
    const found: string[] = [];
    if (customers === null) found.push('Choose the customers file.');
    else if (customers.preview.problem === null) found.push(...missingRoles(roleColumns(CUSTOMER_FIELDS, customers.preview.columns, customers.mapping), customers.fileName));
    if (events === null) found.push('Choose the events file.');
    else if (events.preview.problem === null) found.push(...missingRoles(roleColumns(EVENT_FIELDS, events.preview.columns, events.mapping), events.fileName));
    if (name.trim() === '') found.push('Give the dataset a name.');
    return found;
  }, [customers, events, name]);

  function pick(which: 'customers' | 'events', file: File): void {
    update({ readProblem: null });
    pickedFrom(file).then(
      (picked) =>
        update((draft) =>
          which === 'customers'
            ? { customers: picked, outcome: null }
            : // A name to start from: the events file's name without its extension.
              { events: picked, outcome: null, name: draft.name.trim() === '' ? picked.fileName.replace(/\.[^.]*$/, '') : draft.name },
        ),
      (error: unknown) => update({ readProblem: `"${file.name}" could not be read (${error instanceof Error ? error.message : String(error)}).` }),
    );
  }

  function start(): void {
    if (customers === null || events === null || running) return;
    update({ outcome: null, progress: { bytesDone: 0, bytesTotal: customers.bytes.length + events.bytes.length, file: 'customers' } });
    importDataset(
      workbenchStore,
      services.importClient,
      name,
      {
        customers: { fileName: customers.fileName, bytes: customers.bytes, format: customers.preview.format, columns: customers.mapping },
        events: { fileName: events.fileName, bytes: events.bytes, format: events.preview.format, columns: events.mapping },
      },
      services.now,
      (bytesDone, bytesTotal, file) => update({ progress: { bytesDone, bytesTotal, file } }),
    ).then(
      (finished) => update({ outcome: finished, progress: null }),
      (error: unknown) =>
        update({
          outcome: { kind: 'refused', message: `The import failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`, errors: [], errorCount: 0 },
          progress: null,
        }),
    );
  }

  return (
    <>
      <section className="panel" aria-labelledby="import-heading">
        <h2 id="import-heading">Usage import</h2>
        <p className="hint">
          A customers file (customer id, plan, start, and optionally end and segment) and an events file (time, customer id, feature, quantity), as CSV or NDJSON.
          Every row is checked; if any is wrong, nothing is imported and each problem is listed with its line and column.
        </p>
        <label className="field name-field">
          <span>Dataset name</span>
          <input type="text" aria-label="Dataset name" value={name} disabled={running} onChange={(event) => update({ name: event.target.value })} />
        </label>
      </section>
      <div className="panel-grid">
        <UsageFilePanel
          title="Customers file"
          roles={CUSTOMER_FIELDS}
          picked={customers}
          disabled={running}
          onPick={(file) => pick('customers', file)}
          onMap={(key, column) => update((draft) => ({ customers: withMapping(draft.customers, key, column) }))}
        />
        <UsageFilePanel
          title="Events file"
          roles={EVENT_FIELDS}
          picked={events}
          disabled={running}
          onPick={(file) => pick('events', file)}
          onMap={(key, column) => update((draft) => ({ events: withMapping(draft.events, key, column) }))}
        />
      </div>
      <section className="panel" aria-label="Import">
        <div className="actions">
          <button type="button" className="primary" disabled={running || blockers.length > 0} onClick={start}>
            Import dataset
          </button>
          {running && (
            <button type="button" onClick={() => services.importClient.cancel()}>
              Cancel
            </button>
          )}
          {!running && blockers.length > 0 && <span className="hint">{blockers[0]}</span>}
        </div>
        {readProblem !== null && <p className="problem">{readProblem}</p>}
        {progress !== null && (
          <div className="replay-progress">
            <progress aria-label="Import progress" max={progress.bytesTotal} value={progress.bytesDone} />
            <span>
              Reading the {progress.file} file: {formatCount(progress.bytesDone, locale)} of {formatCount(progress.bytesTotal, locale)} bytes
            </span>
          </div>
        )}
        {outcome?.kind === 'cancelled' && <p className="hint">The import was cancelled; nothing was imported.</p>}
        {outcome?.kind === 'imported' && (
          <p className="success" id="import-outcome">
            Imported “{outcome.dataset.name}”: {formatCount(outcome.dataset.customerCount, locale)} customers and {formatCount(outcome.dataset.eventCount, locale)}{' '}
            events. It is listed on the Workbook screen and can be compared on the Compare screen.
          </p>
        )}
        {outcome?.kind === 'refused' && (
          <>
            <p className="problem" role="alert" id="import-outcome">
              {outcome.message}
            </p>
            {outcome.errors.length > 0 && (
              <VirtualTable<ImportIssue>
                title="Import problems"
                rows={outcome.errors}
                columns={ISSUE_COLUMNS}
                rowKey={(issue) => `${issue.file}:${issue.line}:${issue.column ?? ''}:${issue.code}:${issue.message}`}
                rowNoun={['problem', 'problems']}
                filterable
                heightPx={Math.min(320, 40 + outcome.errors.length * 30)}
              />
            )}
          </>
        )}
      </section>
    </>
  );
}
