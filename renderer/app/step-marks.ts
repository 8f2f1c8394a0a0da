// Named moments of long work, put on the page's performance timeline ("cw:compare:replayed", …), so the DevTools
// performance panel and `npm run bench -- --ui` can say where the time between a click and a drawn result went.
// A mark costs microseconds and changes nothing the user sees; where the timeline is missing (a test in Node without
// it), marking does nothing.

/** Every step marked, by the work it belongs to; the bench reads them back by these names. */
export type StepMark =
  | 'compare:clicked'
  | 'compare:inputs-read'
  | 'compare:replayed'
  | 'compare:recorded'
  | 'compare:shown'
  | 'autosave:started'
  | 'autosave:exported'
  | 'autosave:stored';

export const STEP_MARK_PREFIX = 'cw:';

export function markStep(step: StepMark): void {
  const timeline = globalThis.performance as Performance | undefined;
  if (timeline !== undefined && typeof timeline.mark === 'function') timeline.mark(`${STEP_MARK_PREFIX}${step}`);
}
