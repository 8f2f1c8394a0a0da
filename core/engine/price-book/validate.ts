// Validation of a price book read from anywhere (a file, the editor, the workbook): the structure first, since the
// rules can only be judged on a well-formed book, then the rules (errors) and the traps (warnings).
// Same input → same issues in the same order.

import type { PriceBook } from './model';
import { checkRules } from './validate-rules';
import { checkStructure } from './validate-structure';
import { checkWarnings } from './validate-warnings';
import type { ValidationResult } from './validation-issue';
import { IssueList } from './validation-issue';

export type { IssueSeverity, ValidationIssue, ValidationResult } from './validation-issue';

/** Checks unknown JSON as a price book; `book` is the input itself, typed, once its structure is sound. */
export function validatePriceBook(input: unknown): ValidationResult {
  const issues = new IssueList();
  if (!checkStructure(input, issues)) {
    return { ok: false, errors: issues.errors, warnings: issues.warnings, book: null };
  }
  const book = input as PriceBook;
  checkRules(book, issues);
  checkWarnings(book, issues);
  return { ok: issues.errors.length === 0, errors: issues.errors, warnings: issues.warnings, book };
}
