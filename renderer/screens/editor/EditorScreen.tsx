// The price book editor: pick a book of the workbook (its latest version opens as a draft), edit it with core's
// validation under every field as you type, undo and redo (Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z), and save the draft as a
// new version after seeing what changed. Errors block saving and export; warnings block nothing.

import { useEffect, useMemo, useRef, useState } from 'react';
import { canonicalPriceBookJson } from '../../../core/engine/price-book/canonical-json';
import { validatePriceBook } from '../../../core/engine/price-book/validate';
import { listPriceBooks, readPriceBookVersion } from '../../../core/workbook/repositories/price-books';
import { useServices } from '../../app/services';
import { useShortcut } from '../../app/use-shortcut';
import { useWorkbench } from '../../state/store';
import { BookSection } from './BookSection';
import { canRedo, canUndo } from './edit-history';
import { FeaturesSection } from './FeaturesSection';
import { indexIssues } from './field-issues';
import { IssuesContext } from './fields';
import { PacksSection } from './PacksSection';
import { PlansSection } from './PlansSection';
import { SaveVersionPanel } from './SaveVersionPanel';
import { useDraftEdit } from './use-draft-edit';
import { ValidationSummary } from './ValidationSummary';
import './editor.css';

export function EditorScreen() {
  const services = useServices();
  const workbook = useWorkbench((state) => state.workbook);
  const revision = useWorkbench((state) => state.workbookRevision);
  const draft = useWorkbench((state) => state.editor.draft);
  const draftsWorkbook = useWorkbench((state) => state.editor.workbook);
  const followWorkbook = useWorkbench((state) => state.editorFollowWorkbook);
  const openEditorDraft = useWorkbench((state) => state.openEditorDraft);
  const replaceEditorDraft = useWorkbench((state) => state.replaceEditorDraft);
  const undoDraftEdit = useWorkbench((state) => state.undoDraftEdit);
  const redoDraftEdit = useWorkbench((state) => state.redoDraftEdit);
  const draftSaved = useWorkbench((state) => state.draftSaved);
  const workbookChanged = useWorkbench((state) => state.workbookChanged);
  const showScreen = useWorkbench((state) => state.showScreen);
  const edit = useDraftEdit();
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<{ text: string; problem: boolean } | null>(null);

  useEffect(() => followWorkbook(workbook), [workbook, followWorkbook]);

  // Re-read whenever the workbook's contents change; the revision is what says they did.
  const books = useMemo(() => (workbook === null ? [] : listPriceBooks(workbook)), [workbook, revision]);
  const ready = workbook !== null && draftsWorkbook === workbook;

  function openBook(bookId: string): void {
    if (workbook === null) return;
    const latest = readPriceBookVersion(workbook, bookId, null);
    if (!latest.ok) {
      setNotice({ text: latest.problem.message, problem: true });
      return;
    }
    setSaving(false);
    setNotice(null);
    openEditorDraft({ bookId, baseVersionNumber: latest.value.versionNumber, book: latest.value.book });
  }

  // The screen opens on something: the first book, when nothing is open yet (tried once per workbook).
  const openedFirstIn = useRef<typeof workbook>(null);
  useEffect(() => {
    if (!ready || draft !== null || books.length === 0 || openedFirstIn.current === workbook) return;
    openedFirstIn.current = workbook;
    openBook(books[0].id);
  });

  const book = draft?.history.present ?? null;
  const validation = useMemo(() => (book === null ? null : validatePriceBook(book)), [book]);
  const issues = useMemo(() => (validation === null ? null : indexIssues(validation)), [validation]);
  const base = useMemo(() => {
    if (workbook === null || draft === null || draft.baseVersionNumber === null) return null;
    const stored = readPriceBookVersion(workbook, draft.bookId, draft.baseVersionNumber);
    return stored.ok ? stored.value : null;
  }, [workbook, revision, draft?.bookId, draft?.baseVersionNumber]);
  // Compared as canonical text, so "49.00" typed over a stored "49" is no change; a draft too broken to write
  // canonically differs from every stored (valid) version.
  const unsaved = useMemo(() => {
    if (book === null) return false;
    if (base === null || validation === null || validation.book === null) return true;
    return canonicalPriceBookJson(book) !== base.canonicalJson;
  }, [book, base, validation]);
  const hasErrors = (validation?.errors.length ?? 0) > 0;

  useShortcut({ key: 'z' }, undoDraftEdit);
  useShortcut({ key: 'z', shift: true }, redoDraftEdit);
  useShortcut({ key: 'y' }, redoDraftEdit);

  if (workbook === null) return <p className="hint">Opening the workbook…</p>;
  if (books.length === 0) {
    return (
      <section className="panel">
        <h2>Price book editor</h2>
        <p className="hint">The workbook has no price books yet. Build a scenario or upload a workbook on the Workbook screen.</p>
      </section>
    );
  }

  const current = books.find((entry) => entry.id === draft?.bookId);
  return (
    <div className="editor-screen">
      <section className="panel editor-toolbar" aria-labelledby="editor-heading">
        <h2 id="editor-heading">Price book editor</h2>
        <div className="actions">
          <label>
            Book{' '}
            <select aria-label="Price book" value={draft?.bookId ?? ''} onChange={(event) => openBook(event.target.value)}>
              {books.map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {entry.name} ({entry.id}), latest v{entry.latest.versionNumber}
                </option>
              ))}
            </select>
          </label>
          <span className="draft-state" data-unsaved={unsaved}>
            {draft === null
              ? ''
              : `Draft from v${draft.baseVersionNumber ?? '–'}${current ? ` of ${current.versionCount}` : ''}${unsaved ? ': unsaved changes' : ': no changes'}`}
          </span>
        </div>
        <div className="actions">
          <button type="button" disabled={draft === null || !canUndo(draft.history)} onClick={undoDraftEdit} title="Ctrl+Z or Cmd+Z">
            Undo
          </button>
          <button type="button" disabled={draft === null || !canRedo(draft.history)} onClick={redoDraftEdit} title="Ctrl+Shift+Z or Cmd+Shift+Z">
            Redo
          </button>
          <button
            type="button"
            className="primary"
            disabled={book === null || hasErrors || !unsaved}
            title={hasErrors ? 'Fix the errors first: the workbook keeps only valid books.' : undefined}
            onClick={() => {
              setNotice(null);
              setSaving(true);
            }}
          >
            Save as new version…
          </button>
          <button
            type="button"
            disabled={book === null || hasErrors}
            title={hasErrors ? 'A book with errors cannot be exported.' : undefined}
            onClick={() => showScreen('export')}
          >
            Export…
          </button>
          <button
            type="button"
            disabled={!unsaved || base === null || draft === null}
            onClick={() => draft && base && replaceEditorDraft({ bookId: draft.bookId, baseVersionNumber: base.versionNumber, book: base.book })}
          >
            Revert to v{draft?.baseVersionNumber ?? ''}
          </button>
        </div>
        {notice !== null && (
          <p className={notice.problem ? 'problem' : 'notice'} aria-live="polite">
            {notice.text}
          </p>
        )}
      </section>
      {saving && book !== null && (
        <SaveVersionPanel
          workbook={workbook}
          draft={book}
          nowMs={services.now}
          onCancel={() => setSaving(false)}
          onSaved={(versionNumber, created) => {
            setSaving(false);
            draftSaved(versionNumber);
            if (created) workbookChanged(`Saved "${book.name}" as version ${versionNumber}.`);
            setNotice({ text: created ? `Saved as version ${versionNumber}.` : `Nothing new: the book is version ${versionNumber} already.`, problem: false });
          }}
        />
      )}
      {validation !== null && <ValidationSummary errors={validation.errors} warnings={validation.warnings} />}
      {book !== null && issues !== null && (
        <IssuesContext.Provider value={issues}>
          <BookSection book={book} edit={edit} />
          <FeaturesSection book={book} edit={edit} />
          <PlansSection book={book} edit={edit} />
          <PacksSection book={book} edit={edit} />
        </IssuesContext.Provider>
      )}
    </div>
  );
}
