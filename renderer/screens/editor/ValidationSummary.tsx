// The draft's validation at a glance: how many errors (which block saving and export) and warnings (which block
// nothing), with every sentence listed, so an issue of a field that is scrolled away is still seen.

import type { ValidationIssue } from '../../../core/engine/price-book/validate';

export function ValidationSummary({ errors, warnings }: { errors: readonly ValidationIssue[]; warnings: readonly ValidationIssue[] }) {
  const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
  const headline =
    errors.length > 0
      ? `${plural(errors.length, 'error')} block saving and export${warnings.length > 0 ? `; ${plural(warnings.length, 'warning')}` : ''}.`
      : warnings.length > 0
        ? `No errors; ${plural(warnings.length, 'warning')} (warnings block nothing).`
        : 'No errors and no warnings: the book is valid.';
  return (
    <section className={`panel validation-summary ${errors.length > 0 ? 'has-errors' : 'is-valid'}`} aria-label="Validation" aria-live="polite">
      <p className="validation-headline">{headline}</p>
      {errors.length + warnings.length > 0 && (
        <ul className="issue-list">
          {[...errors, ...warnings].map((issue, index) => (
            <li key={index} className={`issue issue-${issue.severity}`} data-path={issue.path}>
              {issue.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
