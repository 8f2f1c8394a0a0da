// A price book diff as a person reads it: one line per change in core's words, amounts with their percent change
// ("Feature "tokens": burn per unit 1 → 1.25 credits (+25.00%)"). Shared by saving a version and exporting.

import type { PriceBookChange } from '../../../core/engine/price-book/diff';

export function ChangeSummary({ changes, label }: { changes: readonly PriceBookChange[]; label: string }) {
  if (changes.length === 0) return <p className="hint">No changes.</p>;
  return (
    <ul className="change-list" aria-label={label}>
      {changes.map((change, index) => (
        <li key={index} className={`change change-${change.kind}`} data-path={change.path}>
          {change.summary}
        </li>
      ))}
    </ul>
  );
}
