// A usage history in columns: the shape the replay's hot loop reads and the workbook stores in chunks.
// Events are sorted by customer, then time, then their order in the source; customer i's events are
// rows customerEventStart[i] .. customerEventStart[i + 1] - 1.

export interface CustomerTable {
  /** Customer ids in dataset order; events refer to them by index. */
  ids: string[];
  /** Plan key per customer; '' for a customer without a plan (buys packs as needed). */
  planKeys: string[];
  startMs: Float64Array;
  /** End of the customer's subscription, or +Infinity when open. */
  endMs: Float64Array;
  /** Optional segment label ('' when none). */
  segments: string[];
}

export interface UsageDataset {
  customers: CustomerTable;
  /** Feature keys in dataset order; events refer to them by index. */
  featureKeys: string[];
  eventCount: number;
  /** Epoch milliseconds, UTC; integers. */
  timeMs: Float64Array;
  customerIndex: Uint32Array;
  featureIndex: Uint16Array;
  /** Quantity in millionths of a unit (QUANTITY_SCALE); non-negative integers. */
  quantityMicros: Float64Array;
  /** Length customers + 1: offsets of each customer's first event. */
  customerEventStart: Uint32Array;
}
