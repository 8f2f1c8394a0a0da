// The book as a whole: its name, version label and description, currency and credit precision, the order grants
// are drawn in, and how breakage is recognised.

import type { ConsumptionOrder, PriceBook } from '../../../core/engine/price-book/model';
import {
  setBookText,
  setBreakageMethod,
  setConsumptionOrder,
  setCreditDecimals,
  setExpectedBreakageRate,
  wholeNumberFromText,
  type BreakageKind,
} from './book-edits';
import { bookPath } from './field-issues';
import { ChoiceField, PlaceIssues, TextField, WholeField } from './fields';
import type { DraftEdit } from './use-draft-edit';

const CONSUMPTION_ORDERS: ReadonlyArray<{ value: ConsumptionOrder; text: string }> = [
  { value: 'soonest-expiry', text: 'Soonest to expire first' },
  { value: 'fifo', text: 'Oldest grant first (FIFO)' },
  { value: 'by-kind', text: 'By kind: promotional, included, purchased' },
];

const BREAKAGE_METHODS: ReadonlyArray<{ value: BreakageKind; text: string }> = [
  { value: 'at-expiry', text: 'At expiry' },
  { value: 'proportional', text: 'In proportion to use (expected rate)' },
];

export function BookSection({ book, edit }: { book: PriceBook; edit: DraftEdit }) {
  return (
    <section className="panel editor-section" aria-labelledby="editor-book-heading">
      <h3 id="editor-book-heading">Book</h3>
      <PlaceIssues path="$" />
      <div className="field-row">
        <TextField label="Name" path={bookPath('name')} value={book.name} wide onChange={(text) => edit((b) => setBookText(b, 'name', text), bookPath('name'))} />
        <TextField
          label="Version label"
          path={bookPath('version')}
          value={book.version ?? ''}
          placeholder="e.g. 2025-08 rebalance"
          onChange={(text) => edit((b) => setBookText(b, 'version', text), bookPath('version'))}
        />
        <TextField label="Currency" path={bookPath('currency')} value={book.currency} onChange={(text) => edit((b) => setBookText(b, 'currency', text), bookPath('currency'))} />
        <WholeField
          label="Credit decimals"
          path={bookPath('creditDecimals')}
          value={book.creditDecimals}
          onChange={(text) => edit((b) => setCreditDecimals(b, wholeNumberFromText(text)), bookPath('creditDecimals'))}
        />
      </div>
      <div className="field-row">
        <TextField
          label="Description"
          path={bookPath('description')}
          value={book.description ?? ''}
          wide
          onChange={(text) => edit((b) => setBookText(b, 'description', text), bookPath('description'))}
        />
      </div>
      <div className="field-row">
        <ChoiceField
          label="Consumption order"
          path={bookPath('consumptionOrder')}
          value={book.consumptionOrder}
          choices={CONSUMPTION_ORDERS}
          onChange={(order) => edit((b) => setConsumptionOrder(b, order))}
        />
        <ChoiceField
          label="Breakage recognised"
          path={bookPath('breakage')}
          value={book.breakage.method}
          choices={BREAKAGE_METHODS}
          onChange={(method) => edit((b) => setBreakageMethod(b, method))}
        />
        {book.breakage.method === 'proportional' && (
          <TextField
            label="Expected breakage rate"
            path="$.breakage.expectedRate"
            decimal
            value={String(book.breakage.expectedRate)}
            placeholder="0.1 = 10%"
            onChange={(text) => edit((b) => setExpectedBreakageRate(b, text), '$.breakage.expectedRate')}
          />
        )}
      </div>
    </section>
  );
}
