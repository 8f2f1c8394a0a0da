import { describe, expect, it } from 'vitest';

import { createProgressReporter, progressWanted } from '../../cli/progress';

function capture(isTTY: boolean): { stream: { write: (text: string) => void; isTTY: boolean }; text: () => string } {
  let text = '';
  return { stream: { write: (chunk) => void (text += chunk), isTTY }, text: () => text };
}

describe('replay progress', () => {
  it('is shown on a terminal, or on a pipe only when asked for', () => {
    expect(progressWanted(false, { write: () => undefined, isTTY: true })).toBe(true);
    expect(progressWanted(false, { write: () => undefined })).toBe(false);
    expect(progressWanted(true, { write: () => undefined })).toBe(true);
  });

  it('redraws one line on a terminal, at most once per interval', () => {
    const out = capture(true);
    let clock = 0;
    const progress = createProgressReporter({ stream: out.stream, label: 'Replaying Pro', now: () => clock, minIntervalMs: 100 });
    clock = 100;
    progress.update(1000, 4000);
    clock = 150;
    progress.update(2000, 4000);
    clock = 250;
    progress.update(3000, 4000);
    clock = 1600;
    progress.finish(4000);
    expect(out.text()).toBe(
      '\rReplaying Pro: 25% (1,000 of 4,000 events)\u001b[K' +
        '\rReplaying Pro: 75% (3,000 of 4,000 events)\u001b[K' +
        '\rReplaying Pro: done, 4,000 events in 1.6 s\u001b[K\n',
    );
  });

  it('writes a line per tenth of the work on a pipe', () => {
    const out = capture(false);
    const progress = createProgressReporter({ stream: out.stream, label: 'Replaying', now: () => 0 });
    for (let done = 0; done <= 100; done += 5) progress.update(done, 100);
    progress.finish(100);
    const lines = out.text().trimEnd().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe('Replaying: 0% (0 of 100 events)');
    expect(lines[9]).toBe('Replaying: 90% (90 of 100 events)');
    expect(lines[10]).toBe('Replaying: done, 100 events in 0.0 s');
  });

  it('writes no progress line for an empty replay before it finishes', () => {
    const out = capture(false);
    createProgressReporter({ stream: out.stream, label: 'Replaying', now: () => 0 }).update(0, 0);
    expect(out.text()).toBe('');
  });
});
