// Cumulative allocation: the money recognised after u of a grant's C credits are used is floor(P × u / C).
// Recognising the difference of two cumulative amounts, never a rounded per-burn amount, means the pieces of a
// grant always add up to its price exactly: when the last credit is used, exactly P has been recognised.

const SQRT_MAX_SAFE = 94_906_265; // floor(sqrt(2^53 - 1)): r × u < C² stays exact below this.

/** floor(priceMicros × used / total) exactly, for 0 ≤ used ≤ total, total > 0, priceMicros ≥ 0 safe integers. */
export function allocate(priceMicros: number, used: number, total: number): number {
  if (used === total) return priceMicros;
  if (used === 0 || priceMicros === 0) return 0;
  const whole = Math.floor(priceMicros / total);
  const rest = priceMicros - whole * total;
  if (total <= SQRT_MAX_SAFE) {
    return whole * used + floorDivide(rest * used, total);
  }
  return whole * used + Number((BigInt(rest) * BigInt(used)) / BigInt(total));
}

/** floor(numerator / divisor) for safe non-negative integers, corrected for the double division's last bit. */
export function floorDivide(numerator: number, divisor: number): number {
  let quotient = Math.floor(numerator / divisor);
  const remainder = numerator - quotient * divisor;
  if (remainder < 0) quotient -= 1;
  else if (remainder >= divisor) quotient += 1;
  return quotient;
}

/** round-half-up(numerator / divisor) for safe non-negative integers. */
export function roundHalfUpDivide(numerator: number, divisor: number): number {
  const quotient = floorDivide(numerator, divisor);
  const remainder = numerator - quotient * divisor;
  return remainder * 2 >= divisor ? quotient + 1 : quotient;
}

/** round-half-up(a × b / divisor) for non-negative safe integers, in BigInt when the product would not be exact. */
export function mulDivHalfUp(a: number, b: number, divisor: number): number {
  const product = a * b;
  if (Number.isSafeInteger(product)) return roundHalfUpDivide(product, divisor);
  const big = BigInt(a) * BigInt(b);
  const d = BigInt(divisor);
  const quotient = big / d;
  return Number(big - quotient * d >= (d + 1n) / 2n ? quotient + 1n : quotient);
}
