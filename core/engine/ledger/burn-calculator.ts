// The credits one event burns: quantity × burn rate across graduated tiers, then the feature's rounding.
// Exact: the numerator q × multiplier is an integer; rounding happens once per event, never per tier.
//   up       → ceil to one credit unit (10^-creditDecimals)
//   nearest  → half-up to one credit unit
//   none     → floor, and the part below one unit is carried to the customer's next event of the same feature,
//              so a thousand events of 0.001 credit burn exactly one credit between them.

import { RoundingCode, type CompiledFeature } from '../price-book/compile';

/** Reused result holder: the hot loop allocates nothing per event. */
export interface BurnResult {
  units: number;
  /** The new carried remainder (numerator below one divisor) after this event, for 'none' rounding. */
  carry: number;
  carryBig: bigint;
}

export function createBurnResult(): BurnResult {
  return { units: 0, carry: 0, carryBig: 0n };
}

/**
 * Fills `out` with the burn of `quantityMicros` units of `feature` when `periodUsedMicros` were already used this
 * billing period. Nothing is committed: the caller commits carry and period usage only if the burn is accepted.
 */
export function computeBurn(
  feature: CompiledFeature,
  quantityMicros: number,
  periodUsedMicros: number,
  carry: number,
  carryBig: bigint,
  out: BurnResult,
): void {
  if (feature.fitsDoubles) {
    const bounds = feature.tierUpToMicros;
    const multipliers = feature.tierMultiplier;
    let numerator: number;
    if (bounds.length === 1) {
      numerator = quantityMicros * multipliers[0];
    } else {
      numerator = 0;
      let position = periodUsedMicros;
      let left = quantityMicros;
      for (let tier = 0; left > 0 && tier < bounds.length; tier++) {
        const room = bounds[tier] - position;
        if (room <= 0) continue;
        const piece = left < room ? left : room;
        numerator += piece * multipliers[tier];
        position += piece;
        left -= piece;
      }
    }
    if (feature.rounding === RoundingCode.Carry) numerator += carry;
    if (numerator <= Number.MAX_SAFE_INTEGER) {
      finishDouble(feature, numerator, out);
      return;
    }
  }
  computeBurnBig(feature, quantityMicros, periodUsedMicros, carry, carryBig, out);
}

function finishDouble(feature: CompiledFeature, numerator: number, out: BurnResult): void {
  const divisor = feature.divisor;
  let units = Math.floor(numerator / divisor);
  let remainder = numerator - units * divisor;
  if (remainder < 0) {
    units -= 1;
    remainder += divisor;
  } else if (remainder >= divisor) {
    units += 1;
    remainder -= divisor;
  }
  out.carry = 0;
  out.carryBig = 0n;
  if (feature.rounding === RoundingCode.Carry) out.carry = remainder;
  else if (feature.rounding === RoundingCode.Up) {
    if (remainder > 0) units += 1;
  } else if (remainder * 2 >= divisor) units += 1;
  out.units = units;
}

/** The same computation in BigInt, for books or quantities whose products pass 2^53. */
function computeBurnBig(
  feature: CompiledFeature,
  quantityMicros: number,
  periodUsedMicros: number,
  carry: number,
  carryBig: bigint,
  out: BurnResult,
): void {
  const bounds = feature.tierUpToMicros;
  let numerator = 0n;
  let position = periodUsedMicros;
  let left = quantityMicros;
  for (let tier = 0; left > 0 && tier < bounds.length; tier++) {
    const room = bounds[tier] - position;
    if (room <= 0) continue;
    const piece = left < room ? left : room;
    numerator += BigInt(piece) * feature.tierMultiplierBig[tier];
    position += piece;
    left -= piece;
  }
  const divisor = feature.divisorBig;
  if (feature.rounding === RoundingCode.Carry) numerator += carryBig + BigInt(carry);
  let units = numerator / divisor;
  const remainder = numerator - units * divisor;
  out.carry = 0;
  out.carryBig = 0n;
  if (feature.rounding === RoundingCode.Carry) {
    if (remainder <= BigInt(Number.MAX_SAFE_INTEGER)) out.carry = Number(remainder);
    else out.carryBig = remainder;
  } else if (feature.rounding === RoundingCode.Up) {
    if (remainder > 0n) units += 1n;
  } else if (remainder * 2n >= divisor) units += 1n;
  if (units > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error(`invariant: one event of ${feature.key} burns more credits than can be held exactly`);
  out.units = Number(units);
}
