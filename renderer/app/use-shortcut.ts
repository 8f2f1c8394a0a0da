// Keyboard shortcuts with the platform's command key: Ctrl on Linux and Windows, Cmd (meta) on macOS. Either is
// accepted everywhere, since a person who reaches for the other one still means the shortcut.

import { useEffect, useRef } from 'react';

export interface ShortcutKey {
  /** KeyboardEvent.key, compared case-insensitively: "s", "z", "Enter". */
  key: string;
  shift?: boolean;
}

export function matchesShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, shortcut: ShortcutKey): boolean {
  return (
    (event.ctrlKey || event.metaKey) &&
    !event.altKey &&
    event.shiftKey === (shortcut.shift ?? false) &&
    event.key.toLowerCase() === shortcut.key.toLowerCase()
  );
}

/** Runs `handler` on the shortcut anywhere in the page while the calling component is mounted. */
export function useShortcut(shortcut: ShortcutKey, handler: () => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  const { key, shift } = shortcut;
  useEffect(() => {
    const listener = (event: KeyboardEvent): void => {
      if (!matchesShortcut(event, { key, shift })) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [key, shift]);
}
