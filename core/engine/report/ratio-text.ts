// Ratios the report cannot hold as integers, as exact decimal text rounded half away from zero.

import { formatScaled } from '../decimal/decimal-text';

/** numerator ÷ denominator with `decimals` decimals, half away from zero; null when the denominator is 0. */
export function ratioText(numerator: number | bigint, denominator: number | bigint, decimals: number): string | null {
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  if (d === 0n) return null;
  const negative = n < 0n !== d < 0n && n !== 0n;
  const absN = n < 0n ? -n : n;
  const absD = d < 0n ? -d : d;
  const scaled = absN * 10n ** BigInt(decimals);
  let quotient = scaled / absD;
  if ((scaled - quotient * absD) * 2n >= absD) quotient += 1n;
  return formatScaled(negative ? -quotient : quotient, decimals, decimals);
}

/** (value − base) ÷ base × 100 with 2 decimals and a sign ("+12.50", "-3.00", "0.00"); null when base is 0. */
export function percentChangeText(changeMicros: number, baseMicros: number): string | null {
  const text = ratioText(BigInt(changeMicros) * 100n, baseMicros, 2);
  if (text === null) return null;
  return text.startsWith('-') || text === '0.00' ? text : `+${text}`;
}
