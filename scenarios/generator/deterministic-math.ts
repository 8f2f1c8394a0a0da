// Logarithm, exponential and the inverse normal distribution computed with + − × ÷ and square root only.
// IEEE 754 defines those five operations to the last bit, while Math.log, Math.exp and Math.pow may differ between
// JavaScript engines; building on the five keeps a seed's output identical everywhere. Accuracy is about 1e-15
// relative, far beyond what synthetic usage needs.

const LN2 = 0.6931471805599453;
// ln 2 split so that k · LN2_HIGH is exact for |k| < 2^11 (the classic fdlibm split).
const LN2_HIGH = 6.93147180369123816490e-1;
const LN2_LOW = 1.90821492927058770002e-10;
const LOG2_E = 1.4426950408889634;

/** 2^exponent for an integer exponent, by exact doublings (no Math.pow). */
function powerOfTwo(exponent: number): number {
  let result = 1;
  const factor = exponent >= 0 ? 2 : 0.5;
  for (let i = Math.abs(exponent); i > 0; i--) result *= factor;
  return result;
}

/** Natural logarithm of a positive finite number. */
export function naturalLog(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) throw new Error(`invariant: naturalLog of ${x}`);
  let mantissa = x;
  let exponent = 0;
  // Halving and doubling are exact, so the reduction to [√½, √2) loses nothing.
  while (mantissa >= Math.SQRT2) {
    mantissa /= 2;
    exponent++;
  }
  while (mantissa < Math.SQRT1_2) {
    mantissa *= 2;
    exponent--;
  }
  // ln m = 2·atanh(s) with s = (m − 1)/(m + 1), |s| ≤ 0.1716: the odd series converges by a factor 34 a term.
  const s = (mantissa - 1) / (mantissa + 1);
  const s2 = s * s;
  let series = 0;
  for (let k = 12; k >= 0; k--) series = series * s2 + 1 / (2 * k + 1);
  return exponent * LN2 + 2 * s * series;
}

/** e^x; underflows to 0 and overflows to +Infinity like Math.exp. */
export function exponential(x: number): number {
  if (Number.isNaN(x)) throw new Error('invariant: exponential of NaN');
  if (x > 709.78) return Number.POSITIVE_INFINITY;
  if (x < -745.2) return 0;
  const k = Math.round(x * LOG2_E);
  const r = x - k * LN2_HIGH - k * LN2_LOW;
  // |r| ≤ ln2/2: 18 Taylor terms leave an error below 1e-20.
  let series = 1;
  for (let n = 18; n >= 1; n--) series = 1 + (series * r) / n;
  // Split the scaling so that neither factor overflows or underflows on its own near the ends of the range.
  const half = Math.trunc(k / 2);
  return series * powerOfTwo(half) * powerOfTwo(k - half);
}

/** base^power for a positive base. */
export function power(base: number, exponent: number): number {
  return exponential(exponent * naturalLog(base));
}

const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const TAIL_BOUND = 0.02425;

/** The standard normal quantile for p in (0, 1) (Acklam's rational approximation, relative error < 1.2e-9). */
export function inverseStandardNormal(p: number): number {
  if (!(p > 0 && p < 1)) throw new Error(`invariant: inverseStandardNormal of ${p}`);
  if (p < TAIL_BOUND || p > 1 - TAIL_BOUND) {
    const tail = p < TAIL_BOUND ? p : 1 - p;
    const q = Math.sqrt(-2 * naturalLog(tail));
    const value =
      (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) /
      ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
    return p < TAIL_BOUND ? value : -value;
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) /
    (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1)
  );
}
