// The shape of what validation tells a user: one issue per problem, each with a named code, the JSON path of the
// value at fault and a plain sentence a pricing or finance person can act on.

import type { PriceBook } from './model';

export type IssueSeverity = 'error' | 'warning';

export interface ValidationIssue {
  severity: IssueSeverity;
  /** Stable, snake_case; tests and the UI key on it, so it never changes once released. */
  code: string;
  /** JSON path of the value at fault: "$.features[2].burnPerUnit". */
  path: string;
  message: string;
}

export interface ValidationResult {
  /** True when there are no errors (warnings allowed). */
  ok: boolean;
  errors: ValidationIssue[];
  warnings: ValidationIssue[];
  /** The input typed as a price book when it has no structural errors (rule errors may remain); otherwise null. */
  book: PriceBook | null;
}

/** Collects issues in the order they are found; the order is part of the deterministic output. */
export class IssueList {
  readonly errors: ValidationIssue[] = [];
  readonly warnings: ValidationIssue[] = [];

  error(code: string, path: string, message: string): void {
    this.errors.push({ severity: 'error', code, path, message });
  }

  warning(code: string, path: string, message: string): void {
    this.warnings.push({ severity: 'warning', code, path, message });
  }
}
