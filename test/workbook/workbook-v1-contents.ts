// The dataset stored in test/fixtures/workbook-v1.sqlite, shared by the script that makes the file and the tests
// that check it still reads back exactly after migrating.

import type { UsageDataset } from '../../core/engine/usage/dataset';
import { history } from '../support/history-builder';

export function v1FixtureDataset(): UsageDataset {
  return history(
    [
      { id: 'c-1', plan: 'pro', start: '2025-01-01' },
      { id: 'c-2', start: '2025-01-10', end: '2025-03-31', segment: 'smb' },
    ],
    [
      ['2025-01-05T12:00:00Z', 'c-1', 'call', 3],
      ['2025-01-11T00:00:00.250Z', 'c-2', 'call', '0.5'],
      ['2025-01-02T08:00:00Z', 'c-1', 'call', 1],
    ],
  );
}
