// Replays a usage history against a price book and reports what would have happened.
// Customers are independent, so the replay walks them one at a time through one reused CustomerReplay: memory is
// the dataset's columns plus per-customer totals, and nothing is allocated per event. A ReplayRun advances in
// slices so a worker can report progress and stop between slices; replay() runs it to the end.

import { compilePriceBook, type CompiledBook } from '../price-book/compile';
import type { PriceBook } from '../price-book/model';
import { priceBookContentHash } from '../price-book/export';
import { validatePriceBook } from '../price-book/validate';
import { assertInvariants } from '../ledger/ledger-invariants';
import { buildReport } from '../report/build-report';
import type { ReplayReport } from '../report/report-model';
import type { UsageDataset } from '../usage/dataset';
import { CustomerReplay } from './customer-replay';
import { CustomerTotals, FeatureTotals, MonthTotals, type ReplayAccumulators } from './replay-accumulators';
import { ReplayInputError } from './replay-error';
import type { LedgerAdjustment, LedgerEntry, ReplayOptions } from './replay-types';
import { windowForDataset, type ReplayWindow } from './replay-window';

/** Maps the dataset's features and plans onto the book, or explains which are missing. */
function bindDataset(book: CompiledBook, dataset: UsageDataset): { featureMap: Int32Array; planIndex: Int32Array } {
  const featureMap = new Int32Array(dataset.featureKeys.length);
  const missingFeatures: string[] = [];
  dataset.featureKeys.forEach((key, i) => {
    const index = book.featureIndexByKey.get(key);
    if (index === undefined) missingFeatures.push(key);
    featureMap[i] = index ?? -1;
  });
  if (missingFeatures.length > 0) {
    throw new ReplayInputError(
      'unknown_feature',
      `The usage has events of ${missingFeatures.map((key) => `"${key}"`).join(', ')}, which price book "${book.book.name}" does not price.`,
    );
  }
  const planKeys = dataset.customers.planKeys;
  const planIndex = new Int32Array(planKeys.length);
  const missingPlans = new Map<string, number>();
  for (let c = 0; c < planKeys.length; c++) {
    const key = planKeys[c];
    if (key === '') {
      planIndex[c] = -1;
      continue;
    }
    const index = book.planIndexByKey.get(key);
    if (index === undefined) missingPlans.set(key, (missingPlans.get(key) ?? 0) + 1);
    planIndex[c] = index ?? -1;
  }
  if (missingPlans.size > 0) {
    const list = [...missingPlans].map(([key, count]) => `"${key}" (${count} customer${count === 1 ? '' : 's'})`).join(', ');
    throw new ReplayInputError('unknown_plan', `Price book "${book.book.name}" has no plan ${list}.`);
  }
  return { featureMap, planIndex };
}

/** Checks the corrections and groups them by customer in time order (ties keep their given order). */
function groupAdjustments(dataset: UsageDataset, adjustments: readonly LedgerAdjustment[]): Map<number, LedgerAdjustment[]> {
  if (adjustments.length === 0) return new Map();
  const index = new Map(dataset.customers.ids.map((id, i) => [id, i]));
  const grouped = new Map<number, LedgerAdjustment[]>();
  for (const adjustment of adjustments) {
    const c = index.get(adjustment.customerId);
    if (c === undefined) throw new ReplayInputError('unknown_customer', `An adjustment names customer "${adjustment.customerId}", who is not in this usage.`);
    if (adjustment.kind === 'grant' && (!Number.isSafeInteger(adjustment.credits) || adjustment.credits <= 0 || !Number.isSafeInteger(adjustment.priceMicros) || adjustment.priceMicros < 0)) {
      throw new ReplayInputError('invalid_adjustment', `The adjustment for customer "${adjustment.customerId}" must grant a positive whole number of credit units for a price of zero or more.`);
    }
    const list = grouped.get(c) ?? [];
    list.push(adjustment);
    grouped.set(c, list);
  }
  for (const list of grouped.values()) list.sort((a, b) => a.atMs - b.atMs);
  return grouped;
}

export class ReplayRun {
  readonly eventsTotal: number;
  private eventsDoneCount = 0;
  private nextCustomer = 0;
  private readonly compiled: CompiledBook;
  private readonly window: ReplayWindow;
  private readonly totals: ReplayAccumulators;
  private readonly customerReplay: CustomerReplay;
  private readonly featureMap: Int32Array;
  private readonly planIndex: Int32Array;

  constructor(
    private readonly book: PriceBook,
    private readonly dataset: UsageDataset,
    private readonly options: ReplayOptions = {},
  ) {
    const validation = validatePriceBook(book);
    if (!validation.ok) {
      const first = validation.errors[0];
      throw new ReplayInputError('invalid_price_book', `Price book "${book.name}" has ${validation.errors.length} error(s); first: ${first.path}: ${first.message}`);
    }
    this.compiled = compilePriceBook(book);
    const bound = bindDataset(this.compiled, dataset);
    this.featureMap = bound.featureMap;
    this.planIndex = bound.planIndex;
    this.window = windowForDataset(dataset, options.toMs);
    this.totals = {
      features: new FeatureTotals(this.compiled.features.length),
      months: new MonthTotals(this.window.monthCount),
      customers: new CustomerTotals(dataset.customers.ids.length),
    };
    this.customerReplay = new CustomerReplay(this.compiled, dataset, this.window, this.totals, this.featureMap, groupAdjustments(dataset, options.adjustments ?? []));
    this.eventsTotal = dataset.eventCount;
  }

  get eventsDone(): number {
    return this.eventsDoneCount;
  }

  get finished(): boolean {
    return this.nextCustomer >= this.dataset.customers.ids.length;
  }

  /** Replays whole customers until at least `eventBudget` more events are done; true when every customer is done. */
  advance(eventBudget: number): boolean {
    const customerCount = this.dataset.customers.ids.length;
    const starts = this.dataset.customerEventStart;
    const target = this.eventsDoneCount + eventBudget;
    while (this.nextCustomer < customerCount && this.eventsDoneCount < target) {
      const c = this.nextCustomer++;
      this.customerReplay.run(c, this.planIndex[c]);
      this.eventsDoneCount += starts[c + 1] - starts[c];
    }
    return this.finished;
  }

  /** One customer's ledger, entry by entry, as this run replays it (drill-down; allocates objects). */
  ledgerOf(customerId: string): LedgerEntry[] {
    const c = this.dataset.customers.ids.indexOf(customerId);
    if (c < 0) throw new ReplayInputError('unknown_customer', `There is no customer "${customerId}" in this usage.`);
    const entries: LedgerEntry[] = [];
    this.customerReplay.ledger.entries = entries;
    try {
      this.customerReplay.run(c, this.planIndex[c]);
    } finally {
      this.customerReplay.ledger.entries = null;
    }
    return entries;
  }

  /** The report; asserts the ledger identities (a broken one is an engine bug and throws). */
  report(): ReplayReport {
    if (!this.finished) throw new Error('invariant: report() before the replay finished');
    const report = buildReport({
      book: this.compiled,
      bookRef: { id: this.book.id, name: this.book.name, version: this.book.version ?? null, contentHash: priceBookContentHash(this.book) },
      dataset: this.dataset,
      featureMap: this.featureMap,
      window: this.window,
      totals: this.totals,
      baseline: this.options.baseline ?? null,
    });
    assertInvariants(report);
    return report;
  }
}

/** Replays the whole dataset against the book. Throws ReplayInputError when book and usage do not fit together. */
export function replay(book: PriceBook, dataset: UsageDataset, options: ReplayOptions = {}): ReplayReport {
  const run = new ReplayRun(book, dataset, options);
  const slice = 250_000;
  while (!run.advance(slice)) options.onProgress?.(run.eventsDone, run.eventsTotal);
  options.onProgress?.(run.eventsDone, run.eventsTotal);
  return run.report();
}

/** Materialises one customer's ledger under the book, for drill-down. */
export function materialiseCustomerLedger(book: PriceBook, dataset: UsageDataset, customerId: string, options: ReplayOptions = {}): LedgerEntry[] {
  return new ReplayRun(book, dataset, options).ledgerOf(customerId);
}
