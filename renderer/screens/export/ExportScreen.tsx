// The Export screen: pick a price book (the editor's draft or a stored version), validate it, and write its
// canonical JSON with its SHA-256 content hash, as the book alone or wrapped in the envelope; copy it or save it
// as a file. A book with errors is not exported: its errors are listed instead. What changed since the book's last
// export in this session is shown before it leaves.

import { useEffect, useMemo, useState } from 'react';
import { useServices } from '../../app/services';
import { useWorkbench } from '../../state/store';
import { ChangeSummary } from '../editor/ChangeSummary';
import { formatTime } from '../workbook/workbook-lines';
import { compareWithLastExport, exportInForm, recordExport, type ExportForm, type ExportRecord } from './export-record';
import { DRAFT_SOURCE_ID, exportSources, sourceBook } from './export-sources';
import { downloadText } from './text-download';
import '../editor/editor.css';
import './export.css';

const FORMS: ReadonlyArray<{ value: ExportForm; text: string }> = [
  { value: 'book', text: 'Price book JSON' },
  { value: 'envelope', text: 'Envelope: format, schema version, content hash and the book' },
];

function LastExport({ comparison }: { comparison: ReturnType<typeof compareWithLastExport> }) {
  if (comparison.kind === 'first-export') {
    return <p className="hint">This book has not been exported in this session yet, so there is nothing to compare with.</p>;
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

export function ExportScreen() {
  const { now } = useServices();
  const workbook = useWorkbench((state) => state.workbook);
  const revision = useWorkbench((state) => state.workbookRevision);
  const draft = useWorkbench((state) => state.editor.draft?.history.present ?? null);
  const lastExports = useWorkbench((state) => state.editor.lastExports);
  const exportRecorded = useWorkbench((state) => state.exportRecorded);
  const showScreen = useWorkbench((state) => state.showScreen);
  const [sourceId, setSourceId] = useState<string | null>(null);
  const [form, setForm] = useState<ExportForm>('book');
  const [notice, setNotice] = useState<{ text: string; problem: boolean } | null>(null);

  const sources = useMemo(() => (workbook === null ? [] : exportSources(workbook, draft)), [workbook, revision, draft]);
  // The draft when there is one (the usual way here is the editor's Export button), else the newest stored version.
  const chosen = sourceId !== null && sources.some((source) => source.id === sourceId) ? sourceId : (sources[0]?.id ?? null);
  useEffect(() => setNotice(null), [chosen, form]);

  const picked = useMemo(() => (workbook === null || chosen === null ? null : sourceBook(workbook, draft, chosen)), [workbook, revision, draft, chosen]);
  const book = picked?.ok ? picked.book : null;
  const exported = useMemo(() => (book === null ? null : exportInForm(book, form)), [book, form]);
  const comparison = useMemo(
    () => (book !== null && exported?.ok ? compareWithLastExport(lastExports[book.id] ?? null, book, exported.contentHash) : null),
    [book, exported, lastExports],
  );

  if (workbook === null) return <p className="hint">Opening the workbook…</p>;

  function record(via: ExportRecord['via']): void {
    if (book === null || exported === null || !exported.ok) return;
    exportRecorded(recordExport(book, exported, { form, via, exportedAtMs: now() }));
  }

  async function copy(): Promise<void> {
    if (exported === null || !exported.ok) return;
    try {
      await navigator.clipboard.writeText(exported.json);
      record('clipboard');
      setNotice({ text: `Copied ${exported.fileName} to the clipboard.`, problem: false });
    } catch {
      setNotice({ text: 'The clipboard could not be written (the browser refused); save the file instead.', problem: true });
    }
  }

  function save(): void {
    if (exported === null || !exported.ok) return;
    downloadText(exported.json, exported.fileName, 'application/json', document);
    record('file');
    setNotice({ text: `Saved ${exported.fileName}.`, problem: false });
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
          {comparison !== null && <LastExport comparison={comparison} />}
          <pre className="export-preview" aria-label="Exported JSON">
            {exported.json}
          </pre>
        </section>
      )}
    </div>
  );
}
