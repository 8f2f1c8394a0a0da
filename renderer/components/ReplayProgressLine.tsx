// The progress of a replay under way, as Compare and Finance show it: a bar over all the books and a line naming the
// book and its events done, in the user's number locale.

import { useWorkbench } from '../state/store';
import type { ReplayProgress } from '../state/runs-slice';
import { formatCount } from './amount-format';

export function ReplayProgressLine({ progress }: { progress: Extract<ReplayProgress, { state: 'running' }> }) {
  const locale = useWorkbench((state) => state.numberLocale);
  return (
    <div className="replay-progress">
      <progress
        aria-label="Replay progress"
        max={progress.bookCount}
        value={progress.bookIndex + (progress.eventsTotal === 0 ? 0 : progress.eventsDone / progress.eventsTotal)}
      />
      <span>
        Replaying “{progress.bookName}” ({progress.bookIndex + 1} of {progress.bookCount}): {formatCount(progress.eventsDone, locale)} of{' '}
        {formatCount(progress.eventsTotal, locale)} events
      </span>
    </div>
  );
}
