// Plans: the fee and included credits of each period, when included credits expire, how many roll over, and what
// happens when a burn does not fit the balance (block, overage, an automatic top-up pack, or a negative balance).

import type { Plan, PlanPeriod, PriceBook } from '../../../core/engine/price-book/model';
import {
  addPlan,
  removePlan,
  setIncludedExpiryDays,
  setIncludedExpiryKind,
  setPlanPeriod,
  setPlanText,
  setRolloverAmount,
  setRolloverKind,
  setRolloverPeriods,
  setWhenExhaustedField,
  setWhenExhaustedKind,
  wholeNumberFromText,
  type IncludedExpiryKind,
  type RolloverKind,
  type WhenExhaustedKind,
} from './book-edits';
import { planPath } from './field-issues';
import { ChoiceField, PlaceIssues, TextField, WholeField } from './fields';
import type { DraftEdit } from './use-draft-edit';

const PERIODS: ReadonlyArray<{ value: PlanPeriod; text: string }> = [
  { value: 'month', text: 'Monthly' },
  { value: 'year', text: 'Yearly' },
];

const INCLUDED_EXPIRIES: ReadonlyArray<{ value: IncludedExpiryKind; text: string }> = [
  { value: 'end-of-period', text: 'At the end of the period' },
  { value: 'days', text: 'After a number of days' },
  { value: 'never', text: 'Never' },
];

const ROLLOVERS: ReadonlyArray<{ value: RolloverKind; text: string }> = [
  { value: 'none', text: 'None' },
  { value: 'percent', text: 'A percent of included credits' },
  { value: 'credits', text: 'Up to a number of credits' },
];

const WHEN_EXHAUSTED: ReadonlyArray<{ value: WhenExhaustedKind; text: string }> = [
  { value: 'block', text: 'Block usage' },
  { value: 'overage', text: 'Bill overage' },
  { value: 'auto-top-up', text: 'Buy a top-up pack' },
  { value: 'negative-balance', text: 'Allow a negative balance' },
];

function PlanCard({ book, plan, index, edit }: { book: PriceBook; plan: Plan; index: number; edit: DraftEdit }) {
  const title = plan.name.trim() || plan.key.trim() || `Plan ${index + 1}`;
  const path = (field: string) => planPath(index, field);
  const { includedExpiry, rollover, whenExhausted } = plan;
  return (
    <li className="editor-card" data-plan={plan.key}>
      <div className="card-heading">
        <h4>{title}</h4>
        <button type="button" className="danger" onClick={() => edit((b) => removePlan(b, index))} aria-label={`Remove plan ${title}`}>
          Remove
        </button>
      </div>
      <PlaceIssues path={`$.plans[${index}]`} />
      <div className="field-row">
        <TextField label="Key" path={path('key')} name={`Key of plan ${title}`} value={plan.key} onChange={(text) => edit((b) => setPlanText(b, index, 'key', text), path('key'))} />
        <TextField label="Name" path={path('name')} name={`Name of plan ${title}`} value={plan.name} onChange={(text) => edit((b) => setPlanText(b, index, 'name', text), path('name'))} />
        <ChoiceField label="Billed" path={path('period')} name={`Billing period of ${title}`} value={plan.period} choices={PERIODS} onChange={(period) => edit((b) => setPlanPeriod(b, index, period))} />
        <TextField
          label={`Fee (${book.currency})`}
          path={path('fee')}
          name={`Fee of plan ${title}`}
          decimal
          value={String(plan.fee)}
          onChange={(text) => edit((b) => setPlanText(b, index, 'fee', text), path('fee'))}
        />
        <TextField
          label="Included credits"
          path={path('includedCredits')}
          name={`Included credits of plan ${title}`}
          decimal
          value={String(plan.includedCredits)}
          onChange={(text) => edit((b) => setPlanText(b, index, 'includedCredits', text), path('includedCredits'))}
        />
      </div>
      <div className="field-row">
        <ChoiceField
          label="Included credits expire"
          path={path('includedExpiry.kind')}
          name={`When included credits of ${title} expire`}
          value={includedExpiry.kind}
          choices={INCLUDED_EXPIRIES}
          onChange={(kind) => edit((b) => setIncludedExpiryKind(b, index, kind))}
        />
        {includedExpiry.kind === 'days' && (
          <WholeField
            label="Days"
            path={path('includedExpiry.days')}
            name={`Days until included credits of ${title} expire`}
            value={includedExpiry.days}
            onChange={(text) => edit((b) => setIncludedExpiryDays(b, index, wholeNumberFromText(text)), path('includedExpiry.days'))}
          />
        )}
        <ChoiceField
          label="Rollover"
          path={path('rollover.kind')}
          name={`Rollover of ${title}`}
          value={rollover.kind}
          choices={ROLLOVERS}
          onChange={(kind) => edit((b) => setRolloverKind(b, index, kind))}
        />
        {rollover.kind !== 'none' && (
          <>
            <TextField
              label={rollover.kind === 'percent' ? 'Percent rolled over' : 'Credits rolled over'}
              path={path(rollover.kind === 'percent' ? 'rollover.percent' : 'rollover.credits')}
              name={`Rollover amount of ${title}`}
              decimal
              value={String(rollover.kind === 'percent' ? rollover.percent : rollover.credits)}
              onChange={(text) => edit((b) => setRolloverAmount(b, index, text), path('rollover.amount'))}
            />
            <WholeField
              label="Rolled-over credits expire after (periods)"
              path={path('rollover.expiresAfterPeriods')}
              name={`Periods until rolled-over credits of ${title} expire`}
              value={rollover.expiresAfterPeriods}
              onChange={(text) => edit((b) => setRolloverPeriods(b, index, wholeNumberFromText(text)), path('rollover.expiresAfterPeriods'))}
            />
          </>
        )}
      </div>
      <div className="field-row">
        <ChoiceField
          label="When credits run out"
          path={path('whenExhausted.kind')}
          name={`When credits of ${title} run out`}
          value={whenExhausted.kind}
          choices={WHEN_EXHAUSTED}
          onChange={(kind) => edit((b) => setWhenExhaustedKind(b, index, kind))}
        />
        {whenExhausted.kind === 'overage' && (
          <TextField
            label={`Overage price per credit (${book.currency})`}
            path={path('whenExhausted.pricePerCredit')}
            name={`Overage price per credit of ${title}`}
            decimal
            value={String(whenExhausted.pricePerCredit)}
            onChange={(text) => edit((b) => setWhenExhaustedField(b, index, 'pricePerCredit', text), path('whenExhausted.pricePerCredit'))}
          />
        )}
        {whenExhausted.kind === 'auto-top-up' && (
          <>
            <ChoiceField
              label="Top-up pack"
              path={path('whenExhausted.packKey')}
              name={`Top-up pack of ${title}`}
              value={whenExhausted.packKey}
              choices={topUpChoices(book, whenExhausted.packKey)}
              onChange={(packKey) => edit((b) => setWhenExhaustedField(b, index, 'packKey', packKey))}
            />
            <TextField
              label="Top up below (credits)"
              path={path('whenExhausted.thresholdCredits')}
              name={`Top-up threshold of ${title}`}
              decimal
              value={String(whenExhausted.thresholdCredits)}
              onChange={(text) => edit((b) => setWhenExhaustedField(b, index, 'thresholdCredits', text), path('whenExhausted.thresholdCredits'))}
            />
          </>
        )}
        {whenExhausted.kind === 'negative-balance' && (
          <TextField
            label="Negative balance limit (credits)"
            path={path('whenExhausted.limitCredits')}
            name={`Negative balance limit of ${title}`}
            decimal
            value={String(whenExhausted.limitCredits)}
            onChange={(text) => edit((b) => setWhenExhaustedField(b, index, 'limitCredits', text), path('whenExhausted.limitCredits'))}
          />
        )}
      </div>
    </li>
  );
}

/** The book's packs, plus the key the plan names when no pack has it (so the select shows what the book says). */
function topUpChoices(book: PriceBook, current: string): Array<{ value: string; text: string }> {
  const choices = book.packs.map((pack) => ({ value: pack.key, text: pack.name.trim() || pack.key }));
  if (!book.packs.some((pack) => pack.key === current)) choices.unshift({ value: current, text: current === '' ? '(no pack)' : `${current} (not in this book)` });
  return choices;
}

export function PlansSection({ book, edit }: { book: PriceBook; edit: DraftEdit }) {
  return (
    <section className="panel editor-section" aria-labelledby="editor-plans-heading">
      <div className="card-heading">
        <h3 id="editor-plans-heading">Plans</h3>
        <button type="button" onClick={() => edit(addPlan)}>
          Add plan
        </button>
      </div>
      <PlaceIssues path="$.plans" />
      <ul className="editor-cards">
        {book.plans.map((plan, index) => (
          <PlanCard key={index} book={book} plan={plan} index={index} edit={edit} />
        ))}
      </ul>
    </section>
  );
}
