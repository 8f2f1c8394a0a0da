// The fixed scales of every integer amount in the engine. Changing one changes stored workbooks and reports.

/** Money is held in millionths of the currency unit ("micros"): $49.00 = 49_000_000. */
export const MONEY_DECIMALS = 6;
export const MONEY_SCALE = 1_000_000;

/** Usage quantities are held in millionths of a unit: 1.5 minutes = 1_500_000. */
export const QUANTITY_DECIMALS = 6;
export const QUANTITY_SCALE = 1_000_000;

/** A price book may say credits have 0 to 6 decimals; ledger amounts are integers of 10^-creditDecimals credit. */
export const MAX_CREDIT_DECIMALS = 6;

/** Burn rates may carry up to this many decimals (e.g. 0.000001 credits per token). */
export const MAX_BURN_DECIMALS = 12;

/** Throws when an integer amount has left the range where doubles are exact; a broken invariant, not bad input. */
export function assertSafeInteger(value: number, what: string): number {
  if (!Number.isSafeInteger(value)) throw new Error(`invariant: ${what} (${value}) is not a safe integer`);
  return value;
}
