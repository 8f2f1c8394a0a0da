// Picks what to compare: a baseline book version, up to four candidates, and a dataset; runs it (Ctrl/Cmd+Enter)
// with a progress bar and a cancel button while the worker replays.

import { useMemo } from 'react';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { ReplayProgressLine } from '../../components/ReplayProgressLine';
import { useWorkbench } from '../../state/store';
import { MAX_CANDIDATES } from '../../state/runs-slice';
import { datasetChoices, versionChoices } from './compare-choices';
import { comparisonBlocker } from './compare-actions';

export function ComparisonChooser({ onRun, onCancel }: { onRun: () => void; onCancel: () => void }) {
  const workbook = useWorkbench((state) => state.workbook);
  const revision = useWorkbench((state) => state.workbookRevision);
  const comparison = useWorkbench((state) => state.comparison);
  const progress = useWorkbench((state) => state.replayProgress);
  const chooseBaseline = useWorkbench((state) => state.chooseBaseline);
  const toggleCandidate = useWorkbench((state) => state.toggleCandidate);
  const chooseDataset = useWorkbench((state) => state.chooseDataset);
  const locale = useWorkbench((state) => state.numberLocale);
  // The revision says when the workbook's books or datasets may have changed.
  const versions = useMemo(() => (workbook === null ? [] : versionChoices(workbook)), [workbook, revision]);
  const datasets = useMemo(() => (workbook === null ? [] : datasetChoices(workbook, locale)), [workbook, revision, locale]);
  const running = progress.state === 'running';
  const blocker = comparisonBlocker(comparison);

  return (
    <section className="panel" aria-labelledby="compare-choice-heading">
      <h2 id="compare-choice-heading">Compare price books</h2>
      <div className="choice-grid">
        <ChoiceSelect
          label="Baseline"
          ariaLabel="Baseline"
          value={comparison.baselineVersionId}
          choices={versions.map((version) => ({ id: version.versionId, label: version.label }))}
          disabled={running}
          placeholder="Choose a book…"
          onChoose={chooseBaseline}
        />
        <ChoiceSelect
          label="Usage"
          ariaLabel="Dataset"
          value={comparison.datasetId}
          choices={datasets.map((dataset) => ({ id: dataset.datasetId, label: dataset.label }))}
          disabled={running}
          placeholder="Choose a dataset…"
          onChoose={chooseDataset}
        />
        <fieldset className="field candidates" disabled={running}>
          <legend>Candidates (up to {MAX_CANDIDATES})</legend>
          {versions.map((version) => {
            const checked = comparison.candidateVersionIds.includes(version.versionId);
            const isBaseline = version.versionId === comparison.baselineVersionId;
            const full = !checked && comparison.candidateVersionIds.length >= MAX_CANDIDATES;
            return (
              <label key={version.versionId} className="check">
                <input type="checkbox" checked={checked} disabled={isBaseline || full} onChange={() => toggleCandidate(version.versionId)} />
                {version.label}
                {isBaseline ? ' (baseline)' : ''}
              </label>
            );
          })}
        </fieldset>
      </div>
      <div className="actions">
        <button type="button" className="primary" disabled={running || blocker !== null} onClick={onRun} title="Ctrl+Enter or Cmd+Enter">
          Run comparison
        </button>
        {running && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        {!running && blocker !== null && <span className="hint">{blocker}</span>}
      </div>
      {progress.state === 'running' && <ReplayProgressLine progress={progress} />}
      {progress.state === 'cancelled' && <p className="hint">The replay was cancelled; nothing was recorded.</p>}
      {progress.state === 'failed' && (
        <p className="problem" role="alert">
          {progress.message}
        </p>
      )}
    </section>
  );
}
