// Decides what the window opens with. A recovery copy left by a run that did not end cleanly is offered first
// (restored: the page gets it as unsaved changes to its file; declined: it is removed); otherwise the workbook the
// launch named, checked like any open; otherwise nothing, and the page starts as it does in a browser.

import { basename } from 'node:path';
import { closeWorkbook, openWorkbook } from '../../core/workbook/open-workbook';
import type { SqlJsStatic } from '../../core/workbook/workbook';
import type { StartupDocument } from '../ipc-contract';
import type { DesktopDialogs, MenuCommandSender } from './desktop-ports';
import { documentOpened, offerPath, UNTITLED_NAME, type DocumentSession } from './document-session';
import { clearRecoveryCopy, findRecoveryCopy } from './recovery-copy';
import { readWorkbookFile } from './workbook-files';

export interface StartupInputs {
  recoveryFolder: string;
  /** The workbook the command line (or the OS, for a double-click) named; null for none. */
  requestedPath: string | null;
  sqlJs: SqlJsStatic;
  dialogs: DesktopDialogs;
  session: DocumentSession;
  /** A file the window opened, for Open Recent. */
  rememberRecent: (path: string) => Promise<void>;
}

export interface StartupPlan {
  document: StartupDocument;
  /** A requested file still to be offered to the page once it shows the restored copy; null for none. */
  thenOffer: string | null;
}

export async function prepareStartupDocument(inputs: StartupInputs): Promise<StartupPlan> {
  const { session, dialogs } = inputs;
  const recovery = await findRecoveryCopy(inputs.recoveryFolder);
  if (recovery !== null) {
    const check = openWorkbook(recovery.bytes, inputs.sqlJs);
    if (check.ok) closeWorkbook(check.value.workbook);
    const name = recovery.documentPath === null ? UNTITLED_NAME : basename(recovery.documentPath);
    if (check.ok && (await dialogs.askToRestoreRecovery(name, recovery.savedAtMs))) {
      session.path = recovery.documentPath;
      session.upgradedFrom = null;
      session.unsaved = true;
      const thenOffer = inputs.requestedPath === null ? null : offerPath(session, inputs.requestedPath);
      return {
        document: { kind: 'recovered', document: { path: recovery.documentPath, name, bytes: recovery.bytes }, recoveredAtMs: recovery.savedAtMs },
        thenOffer,
      };
    }
    await clearRecoveryCopy(inputs.recoveryFolder);
  }
  if (inputs.requestedPath === null) return { document: { kind: 'none' }, thenOffer: null };
  const read = await readWorkbookFile(inputs.requestedPath, inputs.sqlJs);
  if (!read.ok) {
    await dialogs.showProblem(read.problem.message);
    return { document: { kind: 'none' }, thenOffer: null };
  }
  documentOpened(session, inputs.requestedPath, read.value.upgradedFrom);
  await inputs.rememberRecent(inputs.requestedPath);
  return { document: { kind: 'file', document: read.value.document }, thenOffer: null };
}

export interface StartupPlanner {
  /** Decides what the next page load shows (asking about a recovery copy if there is one). */
  prepare(requestedPath: string | null): Promise<void>;
  /** The prepared document, once; null when it was taken already (a reload shows the session's file instead). */
  take(): StartupDocument | null;
}

/** Keeps the prepared startup document until the page asks for it, then offers a file still waiting. */
export function startupPlanner(
  inputs: Omit<StartupInputs, 'requestedPath' | 'sqlJs'> & { sqlJs: () => Promise<SqlJsStatic>; send: MenuCommandSender },
): StartupPlanner {
  let plan: StartupPlan | null = null;
  return {
    prepare: async (requestedPath) => {
      plan = await prepareStartupDocument({ ...inputs, requestedPath, sqlJs: await inputs.sqlJs() });
    },
    take: () => {
      const taken = plan;
      plan = null;
      if (taken === null) return null;
      const waiting = taken.thenOffer;
      // After the answer has reached the page: it opens the waiting file (asking first, its copy being unsaved).
      if (waiting !== null) setTimeout(() => inputs.send({ command: 'open-path', path: waiting }), 0);
      return taken.document;
    },
  };
}
