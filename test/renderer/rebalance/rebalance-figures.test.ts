import { describe, expect, test } from 'vitest';
import { replay } from '../../../core/engine/replay/replay';
import { setFeatureBurn } from '../../../renderer/screens/editor/book-edits';
import { rebalanceFigures } from '../../../renderer/screens/rebalance/rebalance-figures';
import { cleanBook } from '../../price-book/book-edits';
import { history } from '../../support/history-builder';

function usage() {
  return history(
    [
      { id: 'acme', plan: 'pro', start: '2025-01-01' },
      { id: 'initech', start: '2025-01-01' },
    ],
    [
      ['2025-01-02T10:00:00Z', 'acme', 'tokens', 6000],
      ['2025-01-03T10:00:00Z', 'initech', 'tokens', 10],
    ],
  );
}

describe('the figures of a rebalance', () => {
  test('baseline and rebalanced book side by side, changes against the baseline with their percent', () => {
    const baseline = replay(cleanBook(), usage());
    const dearer = replay(setFeatureBurn(cleanBook(), 0, '1.5'), usage(), { baseline });
    const rows = rebalanceFigures([baseline, dearer], 'en-US');
    const row = (label: string) => rows.find((candidate) => candidate.label === label)?.values;
    // acme: Pro fee 49 + overage. Baseline: 6000 − 5000 = 1000 credits × 0.012 = 12.00; dearer: 9000 − 5000 = 4000 × 0.012 = 48.00.
    // initech has no plan: it buys the 10.00 USD pack for its tokens either way.
    expect(row('Cash collected')).toEqual(['$71.00', '$107.00']);
    expect(row('Cash change against the baseline')).toEqual(['—', '+$36.00 (+50.70%)']);
    expect(row('Customers paying more')).toEqual(['—', '1']);
    expect(row('Customers paying less')).toEqual(['—', '0']);
    // Burned from grants: acme's 5000 included credits, initech's 10 or 15; what acme burns beyond is overage.
    expect(row('Tokens: credits burned')).toEqual(['5,010.00', '5,015.00']);
    expect(rows.map((candidate) => candidate.values.length)).toEqual(rows.map(() => 2));
  });

  test('no reports, no rows', () => {
    expect(rebalanceFigures([], 'en-US')).toEqual([]);
  });
});
