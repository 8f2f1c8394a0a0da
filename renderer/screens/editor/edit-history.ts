// Undo and redo as a pure value: the states before the present (oldest first), the present, and the states undone
// (next to redo first). Recording a new state clears what could be redone; the past keeps at most `limit` states,
// dropping the oldest. Keystrokes in one field within a short pause are one step, so undo takes back a typed value,
// not one character; the caller passes the time, so the rule is testable without a clock.

export interface EditHistory<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
  /** Most states kept in `past`. */
  readonly limit: number;
  /** The group and time of the last recorded edit, to merge the next keystroke in the same field into it. */
  readonly lastEdit: { group: string; atMs: number } | null;
}

/** Enough to walk back through an afternoon's edits; each state shares unchanged parts with its neighbours. */
export const DEFAULT_HISTORY_LIMIT = 200;

/** Edits of one group (a field) closer together than this are merged into one undo step. */
export const MERGE_WINDOW_MS = 1000;

export function createHistory<T>(present: T, limit: number = DEFAULT_HISTORY_LIMIT): EditHistory<T> {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`invariant: a history keeps at least one state, not ${limit}`);
  return { past: [], present, future: [], limit, lastEdit: null };
}

export interface EditMark {
  /** What was edited ("$.features[0].burnPerUnit"); consecutive edits of the same group may merge. */
  group: string;
  atMs: number;
}

/**
 * Makes `next` the present. Without a mark, or when the mark's group differs from the last edit's or comes later
 * than MERGE_WINDOW_MS after it, the old present becomes one undo step; otherwise `next` replaces the present and
 * the step that led to it still undoes the whole run of keystrokes. Recording the present itself changes nothing.
 */
export function recordEdit<T>(history: EditHistory<T>, next: T, mark?: EditMark): EditHistory<T> {
  if (Object.is(next, history.present)) return history;
  const last = history.lastEdit;
  const merges =
    mark !== undefined &&
    last !== null &&
    last.group === mark.group &&
    mark.atMs >= last.atMs &&
    mark.atMs - last.atMs < MERGE_WINDOW_MS &&
    history.past.length > 0 &&
    history.future.length === 0;
  const lastEdit = mark === undefined ? null : { group: mark.group, atMs: mark.atMs };
  if (merges) return { ...history, present: next, lastEdit };
  const past = [...history.past, history.present];
  const kept = past.length > history.limit ? past.slice(past.length - history.limit) : past;
  return { ...history, past: kept, present: next, future: [], lastEdit };
}

export function canUndo<T>(history: EditHistory<T>): boolean {
  return history.past.length > 0;
}

export function canRedo<T>(history: EditHistory<T>): boolean {
  return history.future.length > 0;
}

/** Steps back one state; with nothing to undo, the history is returned unchanged. */
export function undo<T>(history: EditHistory<T>): EditHistory<T> {
  if (history.past.length === 0) return history;
  const present = history.past[history.past.length - 1];
  return {
    ...history,
    past: history.past.slice(0, -1),
    present,
    future: [history.present, ...history.future],
    lastEdit: null,
  };
}

/** Steps forward one undone state; with nothing to redo, the history is returned unchanged. */
export function redo<T>(history: EditHistory<T>): EditHistory<T> {
  if (history.future.length === 0) return history;
  const [present, ...future] = history.future;
  return { ...history, past: [...history.past, history.present], present, future, lastEdit: null };
}
