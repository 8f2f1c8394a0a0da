// The workbook's recorded runs, newest first; each reopens on the Compare screen as it was, without replaying.

import type { WorkbookLines } from './workbook-lines';

export function RunList({ runs, onOpen }: { runs: WorkbookLines['runs']; onOpen: (runId: number) => void }) {
  return (
    <ul id="runs" className="line-list">
      {runs.length === 0 ? (
        <li className="empty">No runs yet: run a comparison on the Compare screen.</li>
      ) : (
        runs.map((run) => (
          <li key={run.runId}>
            <span className="run-text">{run.text}</span>{' '}
            <button type="button" className="link-button" onClick={() => onOpen(run.runId)} aria-label={`Open run #${run.runId}`}>
              Open
            </button>
          </li>
        ))
      )}
    </ul>
  );
}
