// What main knows about the document in the window: which file it belongs to, whether the page holds changes not yet
// in that file, what the page may ask to open, and where a close is in its save-or-discard prompt. The page reports
// unsaved changes; main never guesses them, and a successful save is the only thing that clears them on its own.

import { basename, resolve } from 'node:path';
import type { DesktopDialogs, MenuCommandSender } from './desktop-ports';

export const UNTITLED_NAME = 'Untitled.cwb';

export interface DocumentSession {
  /** The file the document belongs to; null for one not saved anywhere yet. */
  path: string | null;
  /** The schema version the file had when opened and upgraded; its original is kept before the first save over it. */
  upgradedFrom: number | null;
  unsaved: boolean;
  /** The user chose "Save" in the close prompt: the window closes once that save succeeds. */
  closeAfterSave: boolean;
  /** The user chose "Don't save", or nothing was unsaved: the next close goes ahead. */
  closeConfirmed: boolean;
  /** Paths main has offered the page (opened from outside): the page may open these and the recent files, nothing else. */
  offeredPaths: Set<string>;
}

export function createDocumentSession(): DocumentSession {
  return { path: null, upgradedFrom: null, unsaved: false, closeAfterSave: false, closeConfirmed: false, offeredPaths: new Set() };
}

export function documentName(session: DocumentSession): string {
  return session.path === null ? UNTITLED_NAME : basename(session.path);
}

export function windowTitle(session: DocumentSession, productName: string): string {
  return `${documentName(session)}${session.unsaved ? ' •' : ''} — ${productName}`;
}

export function documentOpened(session: DocumentSession, path: string, upgradedFrom: number | null): void {
  session.path = path;
  session.upgradedFrom = upgradedFrom;
  session.unsaved = false;
}

export function documentSaved(session: DocumentSession, path: string): void {
  session.path = path;
  session.upgradedFrom = null;
  session.unsaved = false;
}

/** Records a path handed over from outside (double-click, command line, a second launch) so the page may open it. */
export function offerPath(session: DocumentSession, path: string): string {
  const absolute = resolve(path);
  session.offeredPaths.add(absolute);
  return absolute;
}

export type CloseDecision = 'close' | 'wait';

/**
 * What to do when the window is asked to close. Nothing unsaved: close. Otherwise ask: "Don't save" closes, "Save"
 * asks the page to save and closes once that save succeeds (see the save handler), "Cancel" keeps the window.
 */
export async function decideWindowClose(session: DocumentSession, dialogs: DesktopDialogs, send: MenuCommandSender): Promise<CloseDecision> {
  if (session.closeConfirmed || !session.unsaved) return 'close';
  const decision = await dialogs.askAboutUnsavedChanges(documentName(session), 'close');
  if (decision === 'discard') {
    session.closeConfirmed = true;
    return 'close';
  }
  if (decision === 'save') {
    session.closeAfterSave = true;
    send({ command: 'save', thenClose: true });
  }
  return 'wait';
}
