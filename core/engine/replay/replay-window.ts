// The window a replay reports on, [fromMs, toMs), cut into UTC calendar months (the last may end early at toMs).

import { addMonthsMs, startOfMonthMs } from '../calendar/civil-date';
import type { UsageDataset } from '../usage/dataset';

export interface ReplayWindow {
  fromMs: number;
  toMs: number;
  monthCount: number;
  monthStartMs: Float64Array;
  /** monthEndMs[m] = monthStartMs[m + 1], and toMs for the last month. */
  monthEndMs: Float64Array;
  monthOf(ms: number): number;
}

/** The default window: from the month of the first start or event to the month after the last event or start. */
export function windowForDataset(dataset: UsageDataset, toMs?: number): ReplayWindow {
  let first = Infinity;
  let last = -Infinity;
  const starts = dataset.customers.startMs;
  for (let c = 0; c < starts.length; c++) {
    if (starts[c] < first) first = starts[c];
    if (starts[c] > last) last = starts[c];
  }
  // Events are sorted by time within each customer: the first and last of each bound the whole history.
  const time = dataset.timeMs;
  const offsets = dataset.customerEventStart;
  for (let c = 0; c < starts.length; c++) {
    if (offsets[c + 1] === offsets[c]) continue;
    const earliest = time[offsets[c]];
    const latest = time[offsets[c + 1] - 1];
    if (earliest < first) first = earliest;
    if (latest > last) last = latest;
  }
  if (first === Infinity) first = last = 0;
  const fromMs = startOfMonthMs(first);
  const end = toMs ?? addMonthsMs(startOfMonthMs(last), 1);
  return makeWindow(fromMs, Math.max(end, fromMs + 1));
}

export function makeWindow(fromMs: number, toMs: number): ReplayWindow {
  const starts: number[] = [];
  for (let start = fromMs; start < toMs; start = addMonthsMs(start, 1)) starts.push(start);
  const monthStartMs = Float64Array.from(starts);
  const monthEndMs = new Float64Array(starts.length);
  for (let m = 0; m < starts.length; m++) monthEndMs[m] = m + 1 < starts.length ? starts[m + 1] : toMs;
  return {
    fromMs,
    toMs,
    monthCount: starts.length,
    monthStartMs,
    monthEndMs,
    monthOf(ms: number): number {
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (starts[mid] <= ms) low = mid;
        else high = mid - 1;
      }
      return low;
    },
  };
}
