// The structure check: unknown JSON becomes a price book only when every field the model requires is there with the
// right type and every enum holds a known value. Rules about the values themselves come after, in validate-rules.ts.

import { ObjectReader, describeValue, isObject } from './json-object-reader';
import { PRICE_BOOK_SCHEMA_VERSION } from './model';
import type { IssueList } from './validation-issue';
import { BOOK_PLACE, PROMOTIONS_PLACE, itemPlace, tierPlace } from './validation-place';

const ROUNDINGS = ['none', 'up', 'nearest'] as const;
const CONSUMPTION_ORDERS = ['soonest-expiry', 'fifo', 'by-kind'] as const;
const PERIODS = ['month', 'year'] as const;
const INCLUDED_EXPIRY_KINDS = ['end-of-period', 'days', 'never'] as const;
const ROLLOVER_KINDS = ['none', 'percent', 'credits'] as const;
const WHEN_EXHAUSTED_KINDS = ['block', 'overage', 'auto-top-up', 'negative-balance'] as const;
const PACK_EXPIRY_KINDS = ['days', 'never'] as const;
const BREAKAGE_METHODS = ['at-expiry', 'proportional'] as const;

function checkFeature(issues: IssueList, reader: ObjectReader): void {
  reader.knownFields(['key', 'name', 'unitLabel', 'burnPerUnit', 'tiers', 'rounding', 'unitCost']);
  reader.text('key', 'key');
  reader.text('name', 'name');
  reader.text('unitLabel', 'unit label');
  reader.decimal('burnPerUnit', 'burn per unit');
  if (reader.object.rounding !== undefined) reader.choice('rounding', 'rounding', ROUNDINGS);
  reader.decimal('unitCost', 'unit cost', { optional: true });
  const tiers = reader.list('tiers', 'tiers', true);
  tiers?.forEach((tier, index) => {
    const place = tierPlace(reader.place, index);
    if (!isObject(tier)) {
      issues.error('wrong_type', place.path, `${place.subject} must be an object, but it is ${describeValue(tier)}.`);
      return;
    }
    const tierReader = new ObjectReader(issues, tier, place);
    tierReader.knownFields(['upToUnits', 'burnPerUnit']);
    tierReader.decimal('upToUnits', 'upper bound in units', { nullable: true });
    tierReader.decimal('burnPerUnit', 'burn per unit');
  });
}

function checkIncludedExpiry(reader: ObjectReader | null): void {
  if (!reader?.choice('kind', 'kind of included credit expiry', INCLUDED_EXPIRY_KINDS)) return;
  const days = reader.object.kind === 'days';
  reader.knownFields(days ? ['kind', 'days'] : ['kind'], `an included credit expiry of kind "${String(reader.object.kind)}"`);
  if (days) reader.wholeNumber('days', 'days until included credits expire');
}

function checkRollover(reader: ObjectReader | null): void {
  if (!reader?.choice('kind', 'kind of rollover', ROLLOVER_KINDS)) return;
  const kind = reader.object.kind;
  const note = `a rollover of kind "${String(kind)}"`;
  if (kind === 'none') {
    reader.knownFields(['kind'], note);
    return;
  }
  const amountField = kind === 'percent' ? 'percent' : 'credits';
  reader.knownFields(['kind', amountField, 'expiresAfterPeriods'], note);
  reader.decimal(amountField, kind === 'percent' ? 'rollover percent' : 'rollover credits');
  reader.wholeNumber('expiresAfterPeriods', 'periods until rolled-over credits expire');
}

function checkWhenExhausted(reader: ObjectReader | null): void {
  if (!reader?.choice('kind', 'kind of behaviour when credits run out', WHEN_EXHAUSTED_KINDS)) return;
  const note = `a behaviour when credits run out of kind "${String(reader.object.kind)}"`;
  switch (reader.object.kind) {
    case 'block':
      reader.knownFields(['kind'], note);
      return;
    case 'overage':
      reader.knownFields(['kind', 'pricePerCredit'], note);
      reader.decimal('pricePerCredit', 'overage price per credit');
      return;
    case 'auto-top-up':
      reader.knownFields(['kind', 'packKey', 'thresholdCredits'], note);
      reader.text('packKey', 'top-up pack key');
      reader.decimal('thresholdCredits', 'top-up threshold in credits');
      return;
    default:
      reader.knownFields(['kind', 'limitCredits'], note);
      reader.decimal('limitCredits', 'negative balance limit in credits');
  }
}

function checkPlan(reader: ObjectReader): void {
  reader.knownFields(['key', 'name', 'period', 'fee', 'includedCredits', 'includedExpiry', 'rollover', 'whenExhausted']);
  reader.text('key', 'key');
  reader.text('name', 'name');
  reader.choice('period', 'billing period', PERIODS);
  reader.decimal('fee', 'fee');
  reader.decimal('includedCredits', 'included credits');
  checkIncludedExpiry(reader.child('includedExpiry', 'expiry of included credits'));
  checkRollover(reader.child('rollover', 'rollover'));
  checkWhenExhausted(reader.child('whenExhausted', 'behaviour when credits run out'));
}

function checkPackExpiry(reader: ObjectReader | null): void {
  if (!reader?.choice('kind', 'kind of expiry', PACK_EXPIRY_KINDS)) return;
  const days = reader.object.kind === 'days';
  reader.knownFields(days ? ['kind', 'days'] : ['kind'], `an expiry of kind "${String(reader.object.kind)}"`);
  if (days) reader.wholeNumber('days', 'days until the credits expire');
}

function checkPack(reader: ObjectReader): void {
  reader.knownFields(['key', 'name', 'credits', 'bonusCredits', 'price', 'expiry']);
  reader.text('key', 'key');
  reader.text('name', 'name');
  reader.decimal('credits', 'credits');
  reader.decimal('bonusCredits', 'bonus credits', { optional: true });
  reader.decimal('price', 'price');
  checkPackExpiry(reader.child('expiry', 'expiry'));
}

function checkPromotions(issues: IssueList, book: ObjectReader): void {
  const value = book.object.promotions;
  if (value === undefined) return;
  if (!isObject(value)) {
    book.child('promotions', 'sign-up promotion', true);
    return;
  }
  const reader = new ObjectReader(issues, value, PROMOTIONS_PLACE);
  reader.knownFields(['signUpCredits', 'expiry']);
  reader.decimal('signUpCredits', 'sign-up credits');
  checkPackExpiry(reader.child('expiry', 'expiry'));
}

function checkBreakage(reader: ObjectReader | null): void {
  if (!reader?.choice('method', 'breakage method', BREAKAGE_METHODS)) return;
  const proportional = reader.object.method === 'proportional';
  reader.knownFields(proportional ? ['method', 'expectedRate'] : ['method'], `the breakage method "${String(reader.object.method)}"`);
  if (proportional) reader.decimal('expectedRate', 'expected breakage rate');
}

function checkKeyedList(
  issues: IssueList,
  book: ObjectReader,
  list: 'features' | 'plans' | 'packs',
  label: string,
  checkItem: (reader: ObjectReader) => void,
): void {
  book.list(list, label)?.forEach((item, index) => {
    const place = itemPlace(list, index, isObject(item) ? item.key : undefined);
    if (!isObject(item)) {
      issues.error('wrong_type', place.path, `${place.subject} must be an object, but it is ${describeValue(item)}.`);
      return;
    }
    checkItem(new ObjectReader(issues, item, place));
  });
}

/** Checks the schema version first: a book from a newer schema is not read further, its fields may mean other things. */
function checkSchemaVersion(issues: IssueList, book: ObjectReader): boolean {
  if (!book.wholeNumber('schemaVersion', 'schema version')) return false;
  const version = book.object.schemaVersion as number;
  if (Number.isInteger(version) && version > PRICE_BOOK_SCHEMA_VERSION) {
    issues.error(
      'schema_version_newer',
      '$.schemaVersion',
      `This price book was made by a newer version of Credit Workbench (schema version ${version}; this version ` +
        `reads schema version ${PRICE_BOOK_SCHEMA_VERSION}). Update Credit Workbench to open it.`,
    );
    return false;
  }
  if (!Number.isInteger(version) || version < 1) {
    issues.error(
      'schema_version_invalid',
      '$.schemaVersion',
      `The price book's schema version ("schemaVersion") is ${version}, which no version of Credit Workbench ` +
        `writes; this version reads schema version ${PRICE_BOOK_SCHEMA_VERSION}.`,
    );
    return false;
  }
  return true;
}

/** Adds structural issues to `issues`; true when the input has the shape of a PriceBook. */
export function checkStructure(input: unknown, issues: IssueList): boolean {
  const errorsBefore = issues.errors.length;
  if (!isObject(input)) {
    issues.error('not_an_object', '$', `The file is not a price book: it is ${describeValue(input)}, not a JSON object.`);
    return false;
  }
  const book = new ObjectReader(issues, input, BOOK_PLACE);
  if (!checkSchemaVersion(issues, book)) return false;
  book.knownFields([
    'schemaVersion', 'id', 'name', 'version', 'description', 'currency', 'creditDecimals', 'consumptionOrder',
    'breakage', 'features', 'plans', 'packs', 'promotions',
  ]);
  book.text('id', 'id');
  book.text('name', 'name');
  book.text('version', 'version label', true);
  book.text('description', 'description', true);
  book.text('currency', 'currency');
  book.wholeNumber('creditDecimals', 'number of credit decimals');
  book.choice('consumptionOrder', 'consumption order', CONSUMPTION_ORDERS);
  checkBreakage(book.child('breakage', 'breakage method'));
  checkKeyedList(issues, book, 'features', 'features', (reader) => checkFeature(issues, reader));
  checkKeyedList(issues, book, 'plans', 'plans', checkPlan);
  checkKeyedList(issues, book, 'packs', 'packs', checkPack);
  checkPromotions(issues, book);
  return issues.errors.length === errorsBefore;
}
