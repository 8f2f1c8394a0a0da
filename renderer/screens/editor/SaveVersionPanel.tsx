// "Save as new version": what would change against the latest stored version comes first, then a note, then the
// version is added to the workbook. Nothing is written until the user has seen the changes and confirms.

import { useMemo, useState } from 'react';
import type { PriceBook } from '../../../core/engine/price-book/model';
import type { Workbook } from '../../../core/workbook/workbook';
import { ChangeSummary } from './ChangeSummary';
import { previewSave, saveDraftVersion } from './version-save';

interface SaveVersionPanelProps {
  workbook: Workbook;
  draft: PriceBook;
  nowMs: () => number;
  onSaved: (versionNumber: number, created: boolean) => void;
  onCancel: () => void;
}

export function SaveVersionPanel({ workbook, draft, nowMs, onSaved, onCancel }: SaveVersionPanelProps) {
  const preview = useMemo(() => previewSave(workbook, draft), [workbook, draft]);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  function save(): void {
    const saved = saveDraftVersion(workbook, draft, { note, createdAtMs: nowMs() });
    if (!saved.ok) {
      setProblem(saved.problem.message);
      return;
    }
    onSaved(saved.value.version.versionNumber, saved.value.created);
  }

  let body;
  let canSave = false;
  switch (preview.kind) {
    case 'invalid':
      body = <p className="problem">The book has {preview.errors.length} error(s); the workbook keeps only valid books. Fix them first.</p>;
      break;
    case 'unreadable':
      body = <p className="problem">{preview.message}</p>;
      break;
    case 'unchanged':
      body = <p className="hint">The draft is the same as version {preview.latestVersionNumber}; there is nothing new to save.</p>;
      break;
    case 'new-book':
      canSave = true;
      body = <p className="hint">The workbook has no book with the id "{draft.id}" yet: this will be its version 1.</p>;
      break;
    case 'changes':
      canSave = true;
      body = (
        <>
          <p>
            Changes from version {preview.latestVersionNumber} ({preview.changes.length}):
          </p>
          <ChangeSummary changes={preview.changes} label={`Changes from version ${preview.latestVersionNumber}`} />
        </>
      );
      break;
  }
  const nextNumber = preview.kind === 'changes' ? preview.latestVersionNumber + 1 : 1;

  return (
    <section className="panel save-version" role="dialog" aria-labelledby="save-version-heading">
      <h3 id="save-version-heading">Save "{draft.name}" as a new version</h3>
      {body}
      {canSave && (
        <label className="note-field">
          <span className="field-label">Note (why this version)</span>
          <textarea rows={2} value={note} onChange={(event) => setNote(event.target.value)} placeholder="e.g. tokens 25% dearer to cover the new model" />
        </label>
      )}
      {problem !== null && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
      <div className="actions">
        <button type="button" className="primary" disabled={!canSave} onClick={save}>
          Save version {nextNumber}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
