// The editor's inputs. Each field is named by the JSON path core validates it at, and shows core's issues for that
// path right under it as the user types: an error blocks export and saving, a warning only warns. Decimal and text
// fields show the draft's own text (decimals are strings in a book, so nothing typed is ever reformatted); whole
// numbers keep the text as typed beside the number the book holds, so "3o" stays on screen while core says why.

import { createContext, useContext, useEffect, useId, useState, type ReactNode } from 'react';
import type { ValidationIssue } from '../../../core/engine/price-book/validate';
import { issuesAt, type IssueIndex } from './field-issues';

export const IssuesContext = createContext<IssueIndex | null>(null);

function useIssuesAt(path: string): readonly ValidationIssue[] {
  const index = useContext(IssuesContext);
  return index === null ? [] : issuesAt(index, path);
}

function IssueLines({ id, issues }: { id: string; issues: readonly ValidationIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <span id={id} className="field-issues">
      {issues.map((issue, index) => (
        <span key={index} className={`field-issue field-${issue.severity}`} data-code={issue.code}>
          {issue.message}
        </span>
      ))}
    </span>
  );
}

interface FieldFrameProps {
  label: string;
  path: string;
  /** What a screen reader hears, when the visible label alone is ambiguous ("Burn per unit of LLM tokens"). */
  name?: string;
  wide?: boolean;
  children: (control: { id: string; describedBy: string | undefined; invalid: boolean; name: string }) => ReactNode;
}

function FieldFrame({ label, path, name, wide, children }: FieldFrameProps) {
  const id = useId();
  const issues = useIssuesAt(path);
  const invalid = issues.some((issue) => issue.severity === 'error');
  const issuesId = `${id}-issues`;
  const classes = ['field', wide ? 'field-wide' : '', invalid ? 'field-invalid' : issues.length > 0 ? 'field-warned' : ''];
  return (
    <div className={classes.filter(Boolean).join(' ')} data-path={path}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children({ id, describedBy: issues.length > 0 ? issuesId : undefined, invalid, name: name ?? label })}
      <IssueLines id={issuesId} issues={issues} />
    </div>
  );
}

interface TextFieldProps {
  label: string;
  path: string;
  name?: string;
  value: string;
  onChange: (text: string) => void;
  wide?: boolean;
  placeholder?: string;
  /** Decimal fields get a numeric keyboard on touch screens and right-aligned digits. */
  decimal?: boolean;
}

export function TextField({ label, path, name, value, onChange, wide, placeholder, decimal }: TextFieldProps) {
  return (
    <FieldFrame label={label} path={path} name={name} wide={wide}>
      {(control) => (
        <input
          id={control.id}
          type="text"
          className={decimal ? 'decimal-input' : undefined}
          inputMode={decimal ? 'decimal' : undefined}
          aria-label={control.name}
          aria-invalid={control.invalid}
          aria-describedby={control.describedBy}
          spellCheck={false}
          autoComplete="off"
          placeholder={placeholder}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FieldFrame>
  );
}

interface WholeFieldProps {
  label: string;
  path: string;
  name?: string;
  value: number;
  onChange: (text: string) => void;
}

/** The text shown for a whole number the book holds: NaN (text that was not a number) shows nothing of its own. */
function wholeText(value: number): string {
  return Number.isNaN(value) ? '' : String(value);
}

export function WholeField({ label, path, name, value, onChange }: WholeFieldProps) {
  const [text, setText] = useState(() => wholeText(value));
  // An undo or another edit changes the number underneath: show it, unless it is what the typed text already says.
  useEffect(() => {
    setText((typed) => (Number(typed) === value && typed.trim() !== '' ? typed : Number.isNaN(value) ? typed : String(value)));
  }, [value]);
  return (
    <FieldFrame label={label} path={path} name={name}>
      {(control) => (
        <input
          id={control.id}
          type="text"
          inputMode="numeric"
          className="whole-input"
          aria-label={control.name}
          aria-invalid={control.invalid}
          aria-describedby={control.describedBy}
          autoComplete="off"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            onChange(event.target.value);
          }}
        />
      )}
    </FieldFrame>
  );
}

interface ChoiceFieldProps<T extends string> {
  label: string;
  path: string;
  name?: string;
  value: T;
  choices: ReadonlyArray<{ value: T; text: string }>;
  onChange: (value: T) => void;
}

export function ChoiceField<T extends string>({ label, path, name, value, choices, onChange }: ChoiceFieldProps<T>) {
  return (
    <FieldFrame label={label} path={path} name={name}>
      {(control) => (
        <select
          id={control.id}
          aria-label={control.name}
          aria-invalid={control.invalid}
          aria-describedby={control.describedBy}
          value={value}
          onChange={(event) => {
            const picked = choices.find((choice) => choice.value === event.target.value);
            if (picked) onChange(picked.value);
          }}
        >
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.text}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

/** Issues at a path that no single input shows (a list, a whole plan): said where that thing is drawn. */
export function PlaceIssues({ path }: { path: string }) {
  const issues = useIssuesAt(path);
  const id = useId();
  return <IssueLines id={id} issues={issues} />;
}
