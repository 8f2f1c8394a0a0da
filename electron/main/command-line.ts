// Finds the workbook a launch names: `credit-workbench team.cwb`, a double-click (the OS passes the path), or a second
// launch while the app runs (its arguments and working folder arrive through the single-instance lock). Flags and
// Electron's own arguments are skipped; only a path ending in the workbook extension counts.

import { extname, resolve } from 'node:path';
import { WORKBOOK_EXTENSION } from '../ipc-contract';

/** The last argument that names a workbook file, made absolute against `workingDirectory`; null when none does. */
export function workbookPathFromArguments(argv: readonly string[], workingDirectory: string): string | null {
  for (let index = argv.length - 1; index >= 1; index--) {
    const argument = argv[index];
    if (argument.startsWith('-') || argument.includes('\0')) continue;
    if (extname(argument).toLowerCase() === `.${WORKBOOK_EXTENSION}`) return resolve(workingDirectory, argument);
  }
  return null;
}
