// The burn of each feature of one book in play: as saved, and as rebalanced with a slider or a typed value (the
// two always agree: the slider's positions are exact decimals, and a typed value between them is kept as typed).
// A tiered feature is moved by its first tier; its other tiers keep their proportion. Core's validation shows at
// the typed value, so a burn of 0 says why it cannot be replayed. The saved burn and the change are written in the
// user's number locale; the typed value stays in the plain decimal text the book holds ("1.25"), as every editor field.

import { useMemo } from 'react';
import type { PriceBook } from '../../../core/engine/price-book/model';
import { validatePriceBook } from '../../../core/engine/price-book/validate';
import { featurePath, indexIssues, tierPath } from '../editor/field-issues';
import { IssuesContext, TextField } from '../editor/fields';
import { formatPercentText, localiseDecimalText } from '../../components/amount-format';
import { useWorkbench } from '../../state/store';
import { burnChangeText, burnSliderScale, headlineBurn, sliderPosition, sliderValue, withFeatureBurn } from './what-if';

interface BurnTableProps {
  saved: PriceBook;
  book: PriceBook;
  onChange: (book: PriceBook) => void;
}

export function BurnTable({ saved, book, onChange }: BurnTableProps) {
  const issues = useMemo(() => indexIssues(validatePriceBook(book)), [book]);
  const locale = useWorkbench((state) => state.numberLocale);
  return (
    <IssuesContext.Provider value={issues}>
      <table className="burn-table">
        <thead>
          <tr>
            <th scope="col">Feature</th>
            <th scope="col">Saved burn</th>
            <th scope="col">Rebalanced burn</th>
            <th scope="col">Credits per unit</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {book.features.map((feature, index) => {
            const savedFeature = saved.features.find((candidate) => candidate.key === feature.key);
            const reference = savedFeature === undefined ? headlineBurn(feature) : headlineBurn(savedFeature);
            const scale = burnSliderScale(reference);
            const burn = String(headlineBurn(feature));
            const position = sliderPosition(scale, burn);
            const tiered = feature.tiers !== undefined && feature.tiers.length > 0;
            const name = feature.name.trim() || feature.key;
            return (
              <tr key={feature.key} data-feature={feature.key}>
                <th scope="row">
                  {name}
                  <span className="hint"> per {feature.unitLabel}</span>
                  {tiered && <span className="hint"> (tiers move together)</span>}
                </th>
                <td className="number">{localiseDecimalText(String(reference), locale)}</td>
                <td>
                  <input
                    type="range"
                    min={0}
                    max={scale.maxPosition}
                    step={1}
                    value={position ?? 0}
                    aria-label={`Burn slider for ${name}`}
                    aria-valuetext={`${burn} credits per ${feature.unitLabel}`}
                    onChange={(event) => onChange(withFeatureBurn(book, feature.key, sliderValue(scale, Number(event.target.value))))}
                  />
                </td>
                <td>
                  <TextField
                    label="Credits per unit"
                    name={`Burn per unit of ${name}`}
                    path={tiered ? tierPath(index, 0, 'burnPerUnit') : featurePath(index, 'burnPerUnit')}
                    decimal
                    value={burn}
                    onChange={(text) => onChange(withFeatureBurn(book, feature.key, text))}
                  />
                </td>
                <td className="number burn-change">{formatPercentText(burnChangeText(reference, burn), locale)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </IssuesContext.Provider>
  );
}
