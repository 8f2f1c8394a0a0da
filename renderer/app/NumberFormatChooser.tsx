// The header's choice of how numbers are written: the system's locale (named, so the user sees what it is) or one of
// a few common ones, each with a sample of its separators. Choosing redraws every number on the page at once.

import { useMemo } from 'react';
import { useWorkbench } from '../state/store';
import { isNumberLocaleChoice, NUMBER_LOCALE_CHOICES, numberSample, SYSTEM_NUMBER_LOCALE } from './number-locale';

export function NumberFormatChooser() {
  const choice = useWorkbench((state) => state.numberLocaleChoice);
  const system = useWorkbench((state) => state.systemNumberLocale);
  const chooseNumberLocale = useWorkbench((state) => state.chooseNumberLocale);
  const options = useMemo(
    () => [
      { value: SYSTEM_NUMBER_LOCALE, label: `System (${system}): ${numberSample(system)}` },
      ...NUMBER_LOCALE_CHOICES.map((locale) => ({ value: locale, label: `${locale}: ${numberSample(locale)}` })),
    ],
    [system],
  );

  return (
    <label className="number-format">
      Number format{' '}
      <select
        aria-label="Number format"
        value={choice}
        onChange={(event) => {
          if (isNumberLocaleChoice(event.target.value)) chooseNumberLocale(event.target.value);
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
