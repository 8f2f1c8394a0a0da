// The Rebalance screen: change the burn of each feature with a slider or a typed value, and see the comparison
// with the baseline replayed again over the dataset; a "what if" applies a percentage to a feature across every
// book in play. Books in play are copies of stored versions: nothing is stored until one is opened in the editor
// and saved there as a new version (after its diff).

import { useEffect, useMemo, useRef, useState } from 'react';
import type { PriceBook } from '../../../core/engine/price-book/model';
import { validatePriceBook } from '../../../core/engine/price-book/validate';
import type { ReplayReport } from '../../../core/engine/report/report-model';
import { listDatasets } from '../../../core/workbook/repositories/datasets';
import { listPriceBooks, priceBookHistory, readPriceBookVersion, readPriceBookVersionById } from '../../../core/workbook/repositories/price-books';
import { useWorkbench } from '../../state/store';
import type { RebalanceDraft } from '../../state/editor-slice';
import { BurnTable } from './BurnTable';
import { pageRebalanceReplayer, type ComparisonReplay } from './comparison-replayer';
import { rebalanceFigures } from './rebalance-figures';
import type { SlicedReplayProgress } from './sliced-replay';
import { WhatIfPanel } from './WhatIfPanel';
import '../editor/editor.css';
import './rebalance.css';

/** At most this many books beside the baseline, as on the Compare screen. */
export const MAX_REBALANCED_BOOKS = 4;
/** Edits closer together than this are replayed once, after the last. */
const REPLAY_AFTER_MS = 350;

interface VersionOption {
  versionId: number;
  bookId: string;
  versionNumber: number;
  label: string;
}

/** The last comparison replayed, kept on show while the next one runs; `key` names the inputs it was made from. */
interface ReplayResult {
  key: string;
  reports: ReplayReport[];
  labels: string[];
}

/** Progress of the replay under way: null before its first slice is done. */
type Running = { progress: SlicedReplayProgress | null } | null;

export function RebalanceScreen() {
  const workbook = useWorkbench((state) => state.workbook);
  const revision = useWorkbench((state) => state.workbookRevision);
  const draft = useWorkbench((state) => state.editor.rebalance);
  const draftsWorkbook = useWorkbench((state) => state.editor.workbook);
  const followWorkbook = useWorkbench((state) => state.editorFollowWorkbook);
  const setRebalance = useWorkbench((state) => state.setRebalance);
  const replaceEditorDraft = useWorkbench((state) => state.replaceEditorDraft);
  const showScreen = useWorkbench((state) => state.showScreen);
  const locale = useWorkbench((state) => state.numberLocale);
  const [shownVersionId, setShownVersionId] = useState<number | null>(null);
  const [result, setResult] = useState<ReplayResult | null>(null);
  const [running, setRunning] = useState<Running>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const replayer = useMemo(() => pageRebalanceReplayer(), []);
  const job = useRef<ComparisonReplay | null>(null);

  useEffect(() => followWorkbook(workbook), [workbook, followWorkbook]);

  const versions = useMemo<VersionOption[]>(() => {
    if (workbook === null) return [];
    return listPriceBooks(workbook).flatMap((book) => {
      const history = priceBookHistory(workbook, book.id);
      if (!history.ok) return [];
      return history.value.map((version) => {
        // Each version under the name it has in that version ("AI Platform — baseline" v1), not the latest name.
        const stored = readPriceBookVersionById(workbook, version.versionId);
        const name = stored.ok ? stored.value.book.name : book.name;
        return { versionId: version.versionId, bookId: book.id, versionNumber: version.versionNumber, label: `${name} (${book.id}) v${version.versionNumber}` };
      });
    });
  }, [workbook, revision]);
  const datasets = useMemo(() => (workbook === null ? [] : listDatasets(workbook)), [workbook, revision]);

  // Start on something: the oldest version as the baseline and itself to rebalance, and the latest dataset.
  useEffect(() => {
    if (workbook === null || draftsWorkbook !== workbook) return;
    if (draft.baselineVersionId !== null && draft.datasetId !== null) return;
    const first = versions[0];
    const dataset = datasets[datasets.length - 1];
    if (first === undefined || dataset === undefined) return;
    setRebalance((current) => ({
      ...current,
      baselineVersionId: current.baselineVersionId ?? first.versionId,
      datasetId: current.datasetId ?? dataset.id,
      versionIds: current.versionIds.length > 0 ? current.versionIds : [first.versionId],
    }));
  }, [workbook, draftsWorkbook, draft.baselineVersionId, draft.datasetId, versions, datasets, setRebalance]);

  const storedBooks = useMemo(() => {
    const books = new Map<number, PriceBook>();
    if (workbook === null) return books;
    for (const versionId of [draft.baselineVersionId, ...draft.versionIds]) {
      if (versionId === null || books.has(versionId)) continue;
      const stored = readPriceBookVersionById(workbook, versionId);
      if (stored.ok) books.set(versionId, stored.value.book);
    }
    return books;
  }, [workbook, revision, draft.baselineVersionId, draft.versionIds]);

  const inPlay = draft.versionIds.filter((versionId) => storedBooks.has(versionId));
  const rebalanced = (versionId: number): PriceBook => draft.books[versionId] ?? (storedBooks.get(versionId) as PriceBook);
  const shown = shownVersionId !== null && inPlay.includes(shownVersionId) ? shownVersionId : (inPlay[0] ?? null);
  const labelOf = (versionId: number) => versions.find((version) => version.versionId === versionId)?.label ?? `version ${versionId}`;


  // Replays the baseline as saved and every rebalanced book, a moment after the last change.
  const baselineBook = draft.baselineVersionId === null ? undefined : storedBooks.get(draft.baselineVersionId);
  const booksKey = JSON.stringify([draft.baselineVersionId, draft.datasetId, inPlay, inPlay.map((id) => draft.books[id] ?? null)]);
  const invalid = useMemo(() => {
    for (const versionId of inPlay) {
      const errors = validatePriceBook(rebalanced(versionId)).errors;
      if (errors.length > 0) return `The comparison waits until every burn is valid. ${labelOf(versionId)}: ${errors[0].message}`;
    }
    return null;
  }, [booksKey]);
  useEffect(() => {
    if (workbook === null || draft.datasetId === null || baselineBook === undefined || inPlay.length === 0 || invalid !== null) return;
    const usage = { workbook, datasetId: draft.datasetId };
    const books = [baselineBook, ...inPlay.map(rebalanced)];
    const labels = [`${labelOf(draft.baselineVersionId as number)} as saved`, ...inPlay.map((id) => `${labelOf(id)} rebalanced`)];
    const timer = setTimeout(() => {
      job.current?.cancel();
      setRunning({ progress: null });
      setFailure(null);
      const started = replayer(books, usage, (progress) => setRunning({ progress }));
      job.current = started;
      const finished = () => {
        if (job.current !== started) return false;
        job.current = null;
        setRunning(null);
        return true;
      };
      started.outcome.then(
        (outcome) => {
          if (!finished()) return;
          if (outcome.kind === 'done') setResult({ key: booksKey, reports: outcome.reports, labels });
          else if (outcome.kind === 'failed') setFailure(outcome.message);
        },
        (error: unknown) => {
          if (finished()) setFailure(`The replay failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
        },
      );
    }, REPLAY_AFTER_MS);
    return () => clearTimeout(timer);
    // booksKey stands for every input of the replay.
  }, [booksKey, baselineBook, workbook, replayer, invalid]);

  useEffect(() => () => job.current?.cancel(), []);

  if (workbook === null) return <p className="hint">Opening the workbook…</p>;
  if (versions.length === 0 || datasets.length === 0) {
    return (
      <section className="panel">
        <h2>Rebalance</h2>
        <p className="hint">Rebalancing needs a price book and a dataset in the workbook; build a scenario on the Workbook screen.</p>
      </section>
    );
  }

  const update = (change: (current: RebalanceDraft) => RebalanceDraft) => setRebalance(change);
  const toggleInPlay = (versionId: number) =>
    update((current) => {
      if (current.versionIds.includes(versionId)) return { ...current, versionIds: current.versionIds.filter((id) => id !== versionId) };
      if (current.versionIds.length >= MAX_REBALANCED_BOOKS) return current;
      return { ...current, versionIds: [...current.versionIds, versionId] };
    });
  const setBook = (versionId: number, book: PriceBook) => update((current) => ({ ...current, books: { ...current.books, [versionId]: book } }));

  function openInEditor(versionId: number): void {
    if (workbook === null) return;
    const option = versions.find((version) => version.versionId === versionId);
    if (option === undefined) return;
    const latest = readPriceBookVersion(workbook, option.bookId, null);
    replaceEditorDraft({ bookId: option.bookId, baseVersionNumber: latest.ok ? latest.value.versionNumber : null, book: rebalanced(versionId) });
    showScreen('editor');
  }

  const figures = useMemo(() => (result === null ? [] : rebalanceFigures(result.reports, locale)), [result, locale]);
  const resultState = result === null ? 'none' : result.key === booksKey && running === null ? 'current' : 'stale';
  const shownBook = shown === null ? null : rebalanced(shown);
  const shownSaved = shown === null ? null : (storedBooks.get(shown) ?? null);

  return (
    <div className="rebalance-screen">
      <section className="panel" aria-labelledby="rebalance-heading">
        <h2 id="rebalance-heading">Rebalance</h2>
        <div className="actions">
          <label>
            Baseline{' '}
            <select aria-label="Baseline" value={draft.baselineVersionId ?? ''} onChange={(event) => update((current) => ({ ...current, baselineVersionId: Number(event.target.value) }))}>
              {versions.map((version) => (
                <option key={version.versionId} value={version.versionId}>
                  {version.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Dataset{' '}
            <select aria-label="Dataset" value={draft.datasetId ?? ''} onChange={(event) => update((current) => ({ ...current, datasetId: Number(event.target.value) }))}>
              {datasets.map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {entry.name}
                </option>
              ))}
            </select>
          </label>
        </div>
        <fieldset className="in-play">
          <legend>Books to rebalance (up to {MAX_REBALANCED_BOOKS})</legend>
          {versions.map((version) => (
            <label key={version.versionId} className="check">
              <input type="checkbox" checked={draft.versionIds.includes(version.versionId)} onChange={() => toggleInPlay(version.versionId)} />
              {version.label}
              {draft.books[version.versionId] !== undefined && <span className="hint"> (rebalanced)</span>}
            </label>
          ))}
        </fieldset>
      </section>

      {inPlay.length > 0 && (
        <WhatIfPanel
          books={inPlay.map((versionId) => ({ versionId, label: labelOf(versionId), book: rebalanced(versionId) }))}
          onApply={(changed) => update((current) => ({ ...current, books: { ...current.books, ...changed } }))}
        />
      )}

      {shown !== null && shownBook !== null && shownSaved !== null && (
        <section className="panel" aria-labelledby="burns-heading">
          <div className="card-heading">
            <h3 id="burns-heading">Burn per feature</h3>
            <div className="card-actions">
              {inPlay.length > 1 && (
                <select aria-label="Book whose burns are shown" value={shown} onChange={(event) => setShownVersionId(Number(event.target.value))}>
                  {inPlay.map((versionId) => (
                    <option key={versionId} value={versionId}>
                      {labelOf(versionId)}
                    </option>
                  ))}
                </select>
              )}
              <button
                type="button"
                disabled={draft.books[shown] === undefined}
                onClick={() =>
                  update((current) => {
                    const books = { ...current.books };
                    delete books[shown];
                    return { ...current, books };
                  })
                }
              >
                Reset to saved
              </button>
              <button type="button" onClick={() => openInEditor(shown)}>
                Open in the editor
              </button>
            </div>
          </div>
          <BurnTable saved={shownSaved} book={shownBook} onChange={(book) => setBook(shown, book)} />
        </section>
      )}

      <section className="panel" aria-labelledby="comparison-heading" data-result={resultState}>
        <h3 id="comparison-heading">Comparison with the baseline</h3>
        <p className="hint">
          A replay of history shows what these customers would have paid for what they did; it cannot know how they would have reacted to the new prices.
        </p>
        {running !== null && (
          <div className="replay-progress">
            <progress max={running.progress?.eventsTotal || 1} value={running.progress?.eventsDone ?? 0} aria-label="Replay progress" />
            <span>{running.progress === null ? 'Replaying…' : `Replaying book ${running.progress.bookIndex + 1} of ${running.progress.bookCount}…`}</span>
            <button type="button" onClick={() => job.current?.cancel()}>
              Cancel
            </button>
          </div>
        )}
        {invalid !== null && <p className="problem">{invalid}</p>}
        {invalid === null && failure !== null && <p className="problem">{failure}</p>}
        {result !== null && (
          <div className="table-scroll">
            <table className={`figures result-${resultState}`} aria-label="Rebalance comparison">
              <thead>
                <tr>
                  <th scope="col">Figure</th>
                  {result.labels.map((label, index) => (
                    <th key={index} scope="col">
                      {label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {figures.map((row) => (
                  <tr key={row.label}>
                    <th scope="row">{row.label}</th>
                    {row.values.map((value, index) => (
                      <td key={index}>{value}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
