import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  MERGE_WINDOW_MS,
  canRedo,
  canUndo,
  createHistory,
  recordEdit,
  redo,
  undo,
} from '../../../renderer/screens/editor/edit-history';

describe('edit history', () => {
  test('undo steps back and redo steps forward through recorded states', () => {
    let history = createHistory('a');
    history = recordEdit(history, 'b');
    history = recordEdit(history, 'c');
    expect([canUndo(history), canRedo(history)]).toEqual([true, false]);
    history = undo(history);
    expect(history.present).toBe('b');
    history = undo(history);
    expect(history.present).toBe('a');
    expect(canUndo(history)).toBe(false);
    expect(undo(history)).toBe(history);
    history = redo(redo(history));
    expect(history.present).toBe('c');
    expect(redo(history)).toBe(history);
  });

  test('a new edit after an undo clears what could be redone', () => {
    const history = recordEdit(undo(recordEdit(createHistory('a'), 'b')), 'x');
    expect(history.present).toBe('x');
    expect(history.past).toEqual(['a']);
    expect(canRedo(history)).toBe(false);
  });

  test('recording the present itself adds no undo step', () => {
    const history = createHistory('a');
    expect(recordEdit(history, 'a')).toBe(history);
  });

  test('keystrokes in one field within the merge window undo as one step', () => {
    let history = createHistory('1');
    history = recordEdit(history, '1.', { group: 'burn', atMs: 0 });
    history = recordEdit(history, '1.2', { group: 'burn', atMs: 300 });
    history = recordEdit(history, '1.25', { group: 'burn', atMs: 600 });
    expect(history.past).toEqual(['1']);
    expect(undo(history).present).toBe('1');
  });

  test('a pause, another field or an undo in between starts a new step', () => {
    let history = createHistory('1');
    history = recordEdit(history, '2', { group: 'burn', atMs: 0 });
    history = recordEdit(history, '3', { group: 'burn', atMs: MERGE_WINDOW_MS });
    history = recordEdit(history, '4', { group: 'fee', atMs: MERGE_WINDOW_MS + 1 });
    expect(history.past).toEqual(['1', '2', '3']);
    history = recordEdit(undo(history), '5', { group: 'burn', atMs: MERGE_WINDOW_MS + 2 });
    expect(history.past).toEqual(['1', '2', '3']);
    expect(history.present).toBe('5');
  });

  test('the past keeps at most the limit, dropping the oldest states', () => {
    let history = createHistory(0, 3);
    for (let value = 1; value <= 5; value += 1) history = recordEdit(history, value);
    expect(history.past).toEqual([2, 3, 4]);
    expect(() => createHistory(0, 0)).toThrow(/at least one state/);
  });

  test('undoing everything and redoing everything returns the same present, for any run of edits', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 30 }), fc.integer({ min: 1, max: 10 }), (values, limit) => {
        let history = createHistory<number>(-1, limit);
        for (const value of values) history = recordEdit(history, value);
        const present = history.present;
        const steps = history.past.length;
        expect(steps).toBeLessThanOrEqual(limit);
        for (let step = 0; step < steps; step += 1) history = undo(history);
        expect(canUndo(history)).toBe(false);
        for (let step = 0; step < steps; step += 1) history = redo(history);
        expect(history.present).toBe(present);
        expect(canRedo(history)).toBe(false);
      }),
    );
  });
});
