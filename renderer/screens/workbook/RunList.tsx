// The workbook's recorded runs, newest first.

import type { WorkbookLines } from './workbook-lines';

export function RunList({ runs }: { runs: WorkbookLines['runs'] }) {
  return (
    <ul id="runs" className="line-list">
      {runs.length === 0 ? (
        <li className="empty">No runs yet: run a comparison on the Compare screen.</li>
      ) : (
        runs.map((run) => <li key={run.runId}>{run.text}</li>)
      )}
    </ul>
  );
}
