// "What if": one percentage applied to one feature's burn (flat and every tier) in every book in play at once;
// books without that feature are named and left as they are.

import { useState } from 'react';
import type { PriceBook } from '../../../core/engine/price-book/model';
import { applyWhatIf, parsePercentChange } from './what-if';

interface BookInPlay {
  versionId: number;
  label: string;
  book: PriceBook;
}

export function WhatIfPanel({ books, onApply }: { books: BookInPlay[]; onApply: (changed: Record<number, PriceBook>) => void }) {
  const featureKeys = [...new Set(books.flatMap((entry) => entry.book.features.map((feature) => feature.key)))];
  const featureName = (key: string) => books.flatMap((entry) => entry.book.features).find((feature) => feature.key === key)?.name ?? key;
  const [featureKey, setFeatureKey] = useState<string>(featureKeys[0] ?? '');
  const [percentText, setPercentText] = useState('+10');
  const [outcome, setOutcome] = useState<{ text: string; problem: boolean } | null>(null);
  const chosen = featureKeys.includes(featureKey) ? featureKey : (featureKeys[0] ?? '');
  const parsed = parsePercentChange(percentText);

  function apply(): void {
    if (!parsed.ok) return;
    const result = applyWhatIf(
      books.map((entry) => entry.book),
      chosen,
      parsed.value,
    );
    const changed: Record<number, PriceBook> = {};
    const changedLabels: string[] = [];
    const untouchedLabels: string[] = [];
    books.forEach((entry, index) => {
      if (result.books[index] === entry.book) {
        untouchedLabels.push(entry.label);
      } else {
        changed[entry.versionId] = result.books[index];
        changedLabels.push(entry.label);
      }
    });
    onApply(changed);
    const applied = changedLabels.length === 0 ? 'No book in play has it.' : `Applied to ${changedLabels.join(', ')}.`;
    const skipped = untouchedLabels.length === 0 ? '' : ` Left as they were, without that feature: ${untouchedLabels.join(', ')}.`;
    setOutcome({ text: `${featureName(chosen)} ${percentText.trim()}%: ${applied}${skipped}`, problem: false });
  }

  return (
    <section className="panel" aria-labelledby="what-if-heading">
      <h3 id="what-if-heading">What if</h3>
      <div className="actions">
        <label>
          Feature{' '}
          <select aria-label="What-if feature" value={chosen} onChange={(event) => setFeatureKey(event.target.value)}>
            {featureKeys.map((key) => (
              <option key={key} value={key}>
                {featureName(key)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Change burn by (%){' '}
          <input
            type="text"
            className="decimal-input percent-input"
            aria-label="What-if percent"
            aria-invalid={!parsed.ok}
            value={percentText}
            onChange={(event) => {
              setPercentText(event.target.value);
              setOutcome(null);
            }}
          />
        </label>
        <button type="button" disabled={!parsed.ok || chosen === ''} onClick={apply}>
          Apply to {books.length === 1 ? 'the book' : `all ${books.length} books`}
        </button>
      </div>
      {!parsed.ok && <p className="field-issue field-error">{parsed.message}</p>}
      {outcome !== null && (
        <p className={outcome.problem ? 'problem' : 'notice'} aria-live="polite">
          {outcome.text}
        </p>
      )}
    </section>
  );
}
