// Where each validation issue shows in the editor: core names the JSON path of the value at fault, the editor's
// fields are named by the same paths, so an issue lands at its field by equality and never by guessing from text.
// An issue whose path no field shows (a duplicate key reported on the list, say) is still listed in the summary.

import type { ValidationIssue, ValidationResult } from '../../../core/engine/price-book/validate';

/** Issues of one validation, looked up by the path of the field they concern. */
export interface IssueIndex {
  errors: readonly ValidationIssue[];
  warnings: readonly ValidationIssue[];
  byPath: ReadonlyMap<string, readonly ValidationIssue[]>;
}

export function indexIssues(result: Pick<ValidationResult, 'errors' | 'warnings'>): IssueIndex {
  const byPath = new Map<string, ValidationIssue[]>();
  // Errors first at every field: the one that blocks is read first.
  for (const issue of [...result.errors, ...result.warnings]) {
    const list = byPath.get(issue.path);
    if (list) list.push(issue);
    else byPath.set(issue.path, [issue]);
  }
  return { errors: result.errors, warnings: result.warnings, byPath };
}

const NONE: readonly ValidationIssue[] = [];

/** The issues at exactly this path (a field), errors before warnings. */
export function issuesAt(index: IssueIndex, path: string): readonly ValidationIssue[] {
  return index.byPath.get(path) ?? NONE;
}

/** How many errors sit at or below a path ("$.plans[1]"): a section says it has some before it is opened. */
export function errorCountUnder(index: IssueIndex, path: string): number {
  return index.errors.filter((issue) => issue.path === path || issue.path.startsWith(`${path}.`) || issue.path.startsWith(`${path}[`)).length;
}

// The paths of the editor's fields, written as core writes them.

export function bookPath(field: string): string {
  return `$.${field}`;
}

export function featurePath(index: number, field: string): string {
  return `$.features[${index}].${field}`;
}

export function tierPath(featureIndex: number, tierIndex: number, field: string): string {
  return `$.features[${featureIndex}].tiers[${tierIndex}].${field}`;
}

export function planPath(index: number, field: string): string {
  return `$.plans[${index}].${field}`;
}

export function packPath(index: number, field: string): string {
  return `$.packs[${index}].${field}`;
}

export function promotionsPath(field: string): string {
  return `$.promotions.${field}`;
}
