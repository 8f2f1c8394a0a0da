// Waits until the page has drawn what the store holds now: the next animation frame, then a task after it (the frame
// is painted by then). Work that can follow what the user sees — writing a run into the workbook — waits for this, so
// the results appear first. Frames stop in a hidden tab and do not exist in Node, so it never waits more than
// MAX_WAIT_MS.

const MAX_WAIT_MS = 100;

export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      resolve();
    };
    globalThis.setTimeout(finish, MAX_WAIT_MS);
    if (typeof globalThis.requestAnimationFrame === 'function') globalThis.requestAnimationFrame(() => globalThis.setTimeout(finish, 0));
  });
}
