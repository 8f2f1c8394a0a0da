// The Export screen: pick a price book (the editor's draft or a stored version), validate it, and write its
// canonical JSON with its SHA-256 content hash, as the book alone or wrapped in the envelope; copy it or save it
// as a file. A book with errors is not exported: its errors are listed instead. Every export that leaves is recorded
// in the workbook; what changed since the book's last export, and its past exports, are shown before the next leaves.

import { useEffect, useMemo, useState } from 'react';
import { lastPriceBookExport, type PriceBookExportForm, type PriceBookExportVia } from '../../../core/workbook/repositories/price-book-exports';
import { useServices } from '../../app/services';
import { useWorkbench, workbenchStore } from '../../state/store';
import { ChangeSummary } from '../editor/ChangeSummary';
import { formatTime } from '../workbook/workbook-lines';
import { recordExportInWorkbook } from './export-actions';
import { exportHistory, type ExportHistory } from './export-history';
import { compareWithLastExport, exportInForm, recordExport } from './export-record';
import { DRAFT_SOURCE_ID, exportSources, sourceBook, sourceVersionId } from './export-sources';
import { downloadText } from './text-download';
import '../editor/editor.css';
import './export.css';

const FORMS: ReadonlyArray<{ value: PriceBookExportForm; text: string }> = [
  { value: 'book', text: 'Price book JSON' },
  { value: 'envelope', text: 'Envelope: format, schema version, content hash and the book' },
];

function LastExport({ comparison }: { comparison: ReturnType<typeof compareWithLastExport> }) {
  if (comparison.kind === 'first-export') {
    return <p className="hint">This book has not been exported yet, so there is nothing to compare with.</p>;
  }
  const when = `${comparison.last.fileName}, ${comparison.last.via === 'file' ? 'saved' : 'copied'} ${formatTime(comparison.last.exportedAtMs)}`;
  if (comparison.kind === 'same-as-last') return <p className="hint">Same content as the last export ({when}).</p>;
  return (
    <>
      <p>
        Changes since the last export ({when}): {comparison.changes.length}
      </p>
      <ChangeSummary changes={comparison.changes} label="Changes since the last export" />
    </>
  );
}

function PastExports({ history }: { history: ExportHistory }) {
  return (
    <section className="panel export-history" aria-labelledby="export-history-heading">
      <h3 id="export-history-heading">Past exports of this book</h3>
      {history.lines.length === 0 ? (
        <p className="hint">None recorded in this workbook yet.</p>
      ) : (
        <ul className="export-history-list" aria-label="Past exports">
          {history.lines.map((line) => (
            <li key={line.id}>
              {line.when} · <code>{line.hashPrefix}</code> · <code>{line.fileName}</code> · {line.how}
            </li>
          ))}
        </ul>
      )}
      {history.olderNotShown && <p className="hint">Older exports are kept in the workbook but not listed here.</p>}
    </section>
  );
}

export function ExportScreen() {
  const { now } = useServices();
  const workbook = useWorkbench((state) => state.workbook);
  const revision = useWorkbench((state) => state.workbookRevision);
  const draft = useWorkbench((state) => state.editor.draft?.history.present ?? null);
  const showScreen = useWorkbench((state) => state.showScreen);
  const [sourceId, setSourceId] = useState<string | null>(null);
  const [form, setForm] = useState<PriceBookExportForm>('book');
  const [notice, setNotice] = useState<{ text: string; problem: boolean } | null>(null);

  const sources = useMemo(() => (workbook === null ? [] : exportSources(workbook, draft)), [workbook, revision, draft]);
  // The draft when there is one (the usual way here is the editor's Export button), else the newest stored version.
  const chosen = sourceId !== null && sources.some((source) => source.id === sourceId) ? sourceId : (sources[0]?.id ?? null);
  useEffect(() => setNotice(null), [chosen, form]);

  const picked = useMemo(() => (workbook === null || chosen === null ? null : sourceBook(workbook, draft, chosen)), [workbook, revision, draft, chosen]);
  const book = picked?.ok ? picked.book : null;
  const exported = useMemo(() => (book === null ? null : exportInForm(book, form)), [book, form]);
  const bookId = book?.id ?? null;
  // Re-read at every revision: recording an export is a change to the workbook like any other.
  const last = useMemo(() => (workbook === null || bookId === null ? null : lastPriceBookExport(workbook, bookId)), [workbook, revision, bookId]);
  const history = useMemo(() => (workbook === null || bookId === null ? null : exportHistory(workbook, bookId)), [workbook, revision, bookId]);
  const comparison = useMemo(
    () => (book !== null && exported?.ok && last?.ok ? compareWithLastExport(last.value, book, exported.contentHash) : null),
    [book, exported, last],
  );

  if (workbook === null) return <p className="hint">Opening the workbook…</p>;

  /** Records the export that just left; returns why it could not be recorded, or null. */
  function record(via: PriceBookExportVia): string | null {
    if (workbook === null || chosen === null || book === null || exported === null || !exported.ok) return null;
    const versionId = sourceVersionId(workbook, chosen, book.id, exported.contentHash);
    const recorded = recordExportInWorkbook(workbenchStore, recordExport(book, exported, { form, via, exportedAtMs: now(), versionId }));
    return recorded.ok ? null : `It was not recorded in the workbook: ${recorded.problem.message}`;
  }

  function tell(done: string, unrecorded: string | null): void {
    setNotice(unrecorded === null ? { text: done, problem: false } : { text: `${done} ${unrecorded}`, problem: true });
  }

  async function copy(): Promise<void> {
    if (exported === null || !exported.ok) return;
    try {
      await navigator.clipboard.writeText(exported.json);
    } catch {
      setNotice({ text: 'The clipboard could not be written (the browser refused); save the file instead.', problem: true });
      return;
    }
    tell(`Copied ${exported.fileName} to the clipboard.`, record('clipboard'));
  }

  function save(): void {
    if (exported === null || !exported.ok) return;
    downloadText(exported.json, exported.fileName, 'application/json', document);
    tell(`Saved ${exported.fileName}.`, record('file'));
  }

  return (
    <div className="export-screen">
      <section className="panel" aria-labelledby="export-heading">
        <h2 id="export-heading">Export a price book</h2>
        {sources.length === 0 ? (
          <p className="hint">The workbook has no price books yet, and none is open in the editor.</p>
        ) : (
          <div className="actions">
            <label>
              Price book{' '}
              <select aria-label="Price book to export" value={chosen ?? ''} onChange={(event) => setSourceId(event.target.value)}>
                {sources.map((source) => (
                  <option key={source.id} value={source.id}>
                    {source.label}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Form{' '}
              <select aria-label="Export form" value={form} onChange={(event) => setForm(event.target.value === 'envelope' ? 'envelope' : 'book')}>
                {FORMS.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.text}
                  </option>
                ))}
              </select>
            </label>
          </div>
        )}
        {picked !== null && !picked.ok && <p className="problem">{picked.message}</p>}
      </section>
      {exported !== null && !exported.ok && (
        <section className="panel export-blocked" aria-labelledby="export-blocked-heading">
          <h3 id="export-blocked-heading">Not exported: the book has {exported.errors.length} error(s)</h3>
          <ul className="issue-list">
            {exported.errors.map((issue, index) => (
              <li key={index} className="issue issue-error" data-path={issue.path}>
                {issue.message}
              </li>
            ))}
          </ul>
          {chosen === DRAFT_SOURCE_ID && (
            <div className="actions">
              <button type="button" onClick={() => showScreen('editor')}>
                Fix them in the editor
              </button>
            </div>
          )}
        </section>
      )}
      {exported !== null && exported.ok && (
        <section className="panel export-ready" aria-labelledby="export-ready-heading">
          <h3 id="export-ready-heading">Valid: ready to export</h3>
          <dl className="export-facts">
            <dt>SHA-256 of the book's canonical JSON</dt>
            <dd>
              <code className="content-hash">{exported.contentHash}</code>
            </dd>
            <dt>File name</dt>
            <dd>
              <code className="file-name">{exported.fileName}</code>
            </dd>
          </dl>
          {exported.warnings.length > 0 && (
            <ul className="issue-list" aria-label="Warnings">
              {exported.warnings.map((issue, index) => (
                <li key={index} className="issue issue-warning">
                  {issue.message}
                </li>
              ))}
            </ul>
          )}
          <div className="actions">
            <button type="button" className="primary" onClick={save}>
              Save file
            </button>
            <button type="button" onClick={() => void copy()}>
              Copy to clipboard
            </button>
          </div>
          {notice !== null && (
            <p className={notice.problem ? 'problem' : 'notice'} aria-live="polite">
              {notice.text}
            </p>
          )}
          {last !== null && !last.ok && <p className="problem">{last.problem.message}</p>}
          {comparison !== null && <LastExport comparison={comparison} />}
          <pre className="export-preview" aria-label="Exported JSON">
            {exported.json}
          </pre>
        </section>
      )}
      {history !== null && <PastExports history={history} />}
    </div>
  );
}
