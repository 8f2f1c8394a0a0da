// Credit packs a customer buys, and the sign-up promotion: how many credits each gives, for what price, and when
// those credits expire.

import type { Pack, PriceBook } from '../../../core/engine/price-book/model';
import {
  addPack,
  removePack,
  setPackBonus,
  setPackExpiryDays,
  setPackExpiryKind,
  setPackText,
  setPromotionsEnabled,
  setPromotionsExpiryDays,
  setPromotionsExpiryKind,
  setSignUpCredits,
  wholeNumberFromText,
  type PackExpiryKind,
} from './book-edits';
import { packPath, promotionsPath } from './field-issues';
import { ChoiceField, PlaceIssues, TextField, WholeField } from './fields';
import type { DraftEdit } from './use-draft-edit';

const EXPIRIES: ReadonlyArray<{ value: PackExpiryKind; text: string }> = [
  { value: 'never', text: 'Never' },
  { value: 'days', text: 'After a number of days' },
];

function PackCard({ book, pack, index, edit }: { book: PriceBook; pack: Pack; index: number; edit: DraftEdit }) {
  const title = pack.name.trim() || pack.key.trim() || `Pack ${index + 1}`;
  const path = (field: string) => packPath(index, field);
  return (
    <li className="editor-card" data-pack={pack.key}>
      <div className="card-heading">
        <h4>{title}</h4>
        <button type="button" className="danger" onClick={() => edit((b) => removePack(b, index))} aria-label={`Remove pack ${title}`}>
          Remove
        </button>
      </div>
      <PlaceIssues path={`$.packs[${index}]`} />
      <div className="field-row">
        <TextField label="Key" path={path('key')} name={`Key of pack ${title}`} value={pack.key} onChange={(text) => edit((b) => setPackText(b, index, 'key', text), path('key'))} />
        <TextField label="Name" path={path('name')} name={`Name of pack ${title}`} value={pack.name} onChange={(text) => edit((b) => setPackText(b, index, 'name', text), path('name'))} />
        <TextField label="Credits" path={path('credits')} name={`Credits of pack ${title}`} decimal value={String(pack.credits)} onChange={(text) => edit((b) => setPackText(b, index, 'credits', text), path('credits'))} />
        <TextField
          label="Bonus credits"
          path={path('bonusCredits')}
          name={`Bonus credits of pack ${title}`}
          decimal
          placeholder="none"
          value={pack.bonusCredits === undefined ? '' : String(pack.bonusCredits)}
          onChange={(text) => edit((b) => setPackBonus(b, index, text), path('bonusCredits'))}
        />
        <TextField
          label={`Price (${book.currency})`}
          path={path('price')}
          name={`Price of pack ${title}`}
          decimal
          value={String(pack.price)}
          onChange={(text) => edit((b) => setPackText(b, index, 'price', text), path('price'))}
        />
        <ChoiceField label="Credits expire" path={path('expiry.kind')} name={`When credits of pack ${title} expire`} value={pack.expiry.kind} choices={EXPIRIES} onChange={(kind) => edit((b) => setPackExpiryKind(b, index, kind))} />
        {pack.expiry.kind === 'days' && (
          <WholeField
            label="Days"
            path={path('expiry.days')}
            name={`Days until credits of pack ${title} expire`}
            value={pack.expiry.days}
            onChange={(text) => edit((b) => setPackExpiryDays(b, index, wholeNumberFromText(text)), path('expiry.days'))}
          />
        )}
      </div>
    </li>
  );
}

function PromotionsCard({ book, edit }: { book: PriceBook; edit: DraftEdit }) {
  const promotions = book.promotions;
  return (
    <div className="editor-card">
      <label className="check">
        <input type="checkbox" checked={promotions !== undefined} onChange={(event) => edit((b) => setPromotionsEnabled(b, event.target.checked))} />
        Give new customers sign-up credits
      </label>
      <PlaceIssues path="$.promotions" />
      {promotions !== undefined && (
        <div className="field-row">
          <TextField
            label="Sign-up credits"
            path={promotionsPath('signUpCredits')}
            decimal
            value={String(promotions.signUpCredits)}
            onChange={(text) => edit((b) => setSignUpCredits(b, text), promotionsPath('signUpCredits'))}
          />
          <ChoiceField
            label="Sign-up credits expire"
            path={promotionsPath('expiry.kind')}
            value={promotions.expiry.kind}
            choices={EXPIRIES}
            onChange={(kind) => edit((b) => setPromotionsExpiryKind(b, kind))}
          />
          {promotions.expiry.kind === 'days' && (
            <WholeField
              label="Days"
              path={promotionsPath('expiry.days')}
              name="Days until sign-up credits expire"
              value={promotions.expiry.days}
              onChange={(text) => edit((b) => setPromotionsExpiryDays(b, wholeNumberFromText(text)), promotionsPath('expiry.days'))}
            />
          )}
        </div>
      )}
    </div>
  );
}

export function PacksSection({ book, edit }: { book: PriceBook; edit: DraftEdit }) {
  return (
    <section className="panel editor-section" aria-labelledby="editor-packs-heading">
      <div className="card-heading">
        <h3 id="editor-packs-heading">Packs and promotions</h3>
        <button type="button" onClick={() => edit(addPack)}>
          Add pack
        </button>
      </div>
      <PlaceIssues path="$.packs" />
      <ul className="editor-cards">
        {book.packs.map((pack, index) => (
          <PackCard key={index} book={book} pack={pack} index={index} edit={edit} />
        ))}
      </ul>
      <PromotionsCard book={book} edit={edit} />
    </section>
  );
}
