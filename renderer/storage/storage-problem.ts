// Turns what the browser's storage reports (DOMException names, or nothing at all) into one sentence a user can act
// on. Every sentence says what happened to the workbook, because that is what the user needs to know first.

import type { StorageProblem } from './workbook-persistence';

/** What the store was doing when the browser refused. */
export type StorageStep = 'open' | 'load' | 'save';

const STEP_TEXT: Record<StorageStep, string> = {
  open: 'The browser would not open its storage for the workbook',
  load: 'The stored workbook could not be read',
  save: 'The workbook could not be saved in the browser',
};

/** The outcome of a failed step, told from the user's side. */
const CONSEQUENCE: Record<StorageStep, string> = {
  open: 'changes will not be kept after this page closes; download the workbook to keep them',
  load: 'it was left as it is',
  save: 'the previously saved workbook is kept; download this one to keep your changes',
};

export function storageProblemFrom(error: unknown, step: StorageStep): StorageProblem {
  const name = errorName(error);
  if (name === 'QuotaExceededError') {
    return {
      code: 'storage_full',
      message:
        `${STEP_TEXT[step]}: the browser's storage space for this site is used up; ${CONSEQUENCE[step]}. ` +
        'Free space by clearing other sites’ data, or keep the workbook as a downloaded file.',
    };
  }
  if (name === 'SecurityError' || name === 'InvalidAccessError') {
    return {
      code: 'storage_unavailable',
      message: `${STEP_TEXT[step]}: the browser does not allow this page to store data (private browsing or a site setting); ${CONSEQUENCE[step]}.`,
    };
  }
  return {
    code: 'storage_failed',
    message: `${STEP_TEXT[step]} (${reasonOf(error)}); ${CONSEQUENCE[step]}.`,
  };
}

/** The problem when the browser has no IndexedDB at all. */
export function storageMissingProblem(): StorageProblem {
  return {
    code: 'storage_unavailable',
    message: `This browser offers no storage to the page: ${CONSEQUENCE.open}.`,
  };
}

function errorName(error: unknown): string | null {
  if (typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string') return error.name;
  return null;
}

function reasonOf(error: unknown): string {
  if (error === null || error === undefined) return 'the browser gave no reason';
  if (typeof error === 'object' && 'message' in error && typeof error.message === 'string' && error.message !== '') {
    const name = errorName(error);
    return name !== null && name !== 'Error' ? `${name}: ${error.message}` : error.message;
  }
  return errorName(error) ?? String(error);
}
