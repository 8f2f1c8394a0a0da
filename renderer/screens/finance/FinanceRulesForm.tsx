// The what-if rules a finance person switches: how breakage is recognised, and when pack, included and sign-up
// credits expire. "As the book says" leaves a rule alone.

import type { ExpiryChoice, FinanceRules, IncludedExpiryChoice } from './finance-variant';

interface ExpiryFieldProps<Choice extends string> {
  label: string;
  choice: Choice;
  days: number;
  options: ReadonlyArray<[Choice, string]>;
  disabled: boolean;
  onChange(choice: Choice, days: number): void;
}

function ExpiryField<Choice extends string>({ label, choice, days, options, disabled, onChange }: ExpiryFieldProps<Choice>) {
  return (
    <div className="field">
      <span>{label}</span>
      <div className="inline-fields">
        <select aria-label={label} value={choice} disabled={disabled} onChange={(event) => onChange(event.target.value as Choice, days)}>
          {options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
        {choice === 'days' && (
          <label>
            <input
              type="number"
              min={1}
              step={1}
              aria-label={`${label}: days`}
              value={days}
              disabled={disabled}
              onChange={(event) => onChange(choice, Number(event.target.value))}
            />{' '}
            days
          </label>
        )}
      </div>
    </div>
  );
}

const EXPIRY_OPTIONS: ReadonlyArray<[ExpiryChoice, string]> = [
  ['as-book', 'As the book says'],
  ['never', 'Never'],
  ['days', 'After a number of days'],
];

const INCLUDED_OPTIONS: ReadonlyArray<[IncludedExpiryChoice, string]> = [
  ['as-book', 'As the book says'],
  ['end-of-period', 'At the end of each period'],
  ['never', 'Never'],
  ['days', 'After a number of days'],
];

export function FinanceRulesForm({ rules, disabled, onChange }: { rules: FinanceRules; disabled: boolean; onChange(rules: FinanceRules): void }) {
  return (
    <fieldset className="rules-grid" disabled={disabled}>
      <legend>What if</legend>
      <div className="field">
        <span>Breakage</span>
        <div className="inline-fields">
          <select aria-label="Breakage" value={rules.breakage} onChange={(event) => onChange({ ...rules, breakage: event.target.value as FinanceRules['breakage'] })}>
            <option value="as-book">As the book says</option>
            <option value="at-expiry">At expiry</option>
            <option value="proportional">In proportion to use (expected rate)</option>
          </select>
          {rules.breakage === 'proportional' && (
            <label>
              <input
                type="text"
                inputMode="decimal"
                className="short-input"
                aria-label="Expected breakage rate (%)"
                value={rules.expectedRatePercent}
                onChange={(event) => onChange({ ...rules, expectedRatePercent: event.target.value })}
              />{' '}
              % of credits sold
            </label>
          )}
        </div>
      </div>
      <ExpiryField
        label="Pack credits expire"
        choice={rules.packExpiry}
        days={rules.packExpiryDays}
        options={EXPIRY_OPTIONS}
        disabled={disabled}
        onChange={(packExpiry, packExpiryDays) => onChange({ ...rules, packExpiry, packExpiryDays })}
      />
      <ExpiryField
        label="Included credits expire"
        choice={rules.includedExpiry}
        days={rules.includedExpiryDays}
        options={INCLUDED_OPTIONS}
        disabled={disabled}
        onChange={(includedExpiry, includedExpiryDays) => onChange({ ...rules, includedExpiry, includedExpiryDays })}
      />
      <ExpiryField
        label="Sign-up credits expire"
        choice={rules.signUpExpiry}
        days={rules.signUpExpiryDays}
        options={EXPIRY_OPTIONS}
        disabled={disabled}
        onChange={(signUpExpiry, signUpExpiryDays) => onChange({ ...rules, signUpExpiry, signUpExpiryDays })}
      />
    </fieldset>
  );
}
