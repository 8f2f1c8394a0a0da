import { describe, expect, test } from 'vitest';
import { replay } from '../../../core/engine/replay/replay';
import { setFeatureBurn } from '../../../renderer/screens/editor/book-edits';
import { replayInSlices, type SliceScheduler, type SlicedReplayProgress } from '../../../renderer/screens/rebalance/sliced-replay';
import { cleanBook } from '../../price-book/book-edits';
import { history } from '../../support/history-builder';

function usage() {
  return history(
    [
      { id: 'acme', plan: 'pro', start: '2025-01-01' },
      { id: 'globex', plan: 'pro', start: '2025-01-10' },
      { id: 'initech', start: '2025-02-01' },
    ],
    [
      ['2025-01-02T10:00:00Z', 'acme', 'tokens', 4000],
      ['2025-01-20T10:00:00Z', 'acme', 'tokens', 2500],
      ['2025-01-11T10:00:00Z', 'globex', 'tokens', 100],
      ['2025-02-03T10:00:00Z', 'initech', 'tokens', 10],
    ],
  );
}

/** Runs scheduled slices one by one when asked, so a test sees each boundary. */
function manualScheduler(): { schedule: SliceScheduler; runAll: () => number } {
  const queue: Array<() => void> = [];
  return {
    schedule: (work) => queue.push(work),
    runAll: () => {
      let slices = 0;
      while (queue.length > 0) {
        queue.shift()?.();
        slices += 1;
      }
      return slices;
    },
  };
}

describe('replay in slices on the page’s thread', () => {
  test('gives the same reports as a replay in one go, baseline first, candidates against it', async () => {
    const baseline = cleanBook();
    const candidate = setFeatureBurn(cleanBook(), 0, '1.5');
    const scheduler = manualScheduler();
    const progress: SlicedReplayProgress[] = [];
    const sliced = replayInSlices([baseline, candidate], usage(), { schedule: scheduler.schedule, eventsPerSlice: 1, onProgress: (p) => progress.push(p) });
    const slices = scheduler.runAll();
    const outcome = await sliced.outcome;
    const expectedBaseline = replay(baseline, usage());
    const expectedCandidate = replay(candidate, usage(), { baseline: expectedBaseline });
    expect(outcome).toEqual({ kind: 'done', reports: [expectedBaseline, expectedCandidate] });
    // One event per slice, whole customers: acme's two events make one slice, then globex, then initech.
    expect(slices).toBe(6);
    expect(progress.map((p) => `${p.bookIndex}:${p.eventsDone}/${p.eventsTotal}`)).toEqual(['0:2/4', '0:3/4', '0:4/4', '1:2/4', '1:3/4', '1:4/4']);
  });

  test('a cancel lands at the next slice boundary', async () => {
    const scheduler = manualScheduler();
    const sliced = replayInSlices([cleanBook()], usage(), { schedule: scheduler.schedule, eventsPerSlice: 1 });
    sliced.cancel();
    scheduler.runAll();
    expect(await sliced.outcome).toEqual({ kind: 'cancelled' });
  });

  test('usage the book does not price is said in a sentence', async () => {
    const book = { ...cleanBook(), features: [{ key: 'calls', name: 'Calls', unitLabel: 'call', burnPerUnit: '1' }] };
    const scheduler = manualScheduler();
    const sliced = replayInSlices([book], usage(), { schedule: scheduler.schedule });
    scheduler.runAll();
    expect(await sliced.outcome).toEqual({
      kind: 'failed',
      message: 'The usage has events of "tokens", which price book "Test book" does not price.',
    });
  });
});
