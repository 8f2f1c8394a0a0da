// Customer intensity: how much more one customer uses than another. Real usage is heavy-tailed (a tenth of the
// customers make most of it), so intensities come from a Pareto or log-normal law, capped so that one customer
// cannot swallow a small dataset.

import { exponential, inverseStandardNormal, naturalLog } from './deterministic-math';
import type { SeededRandom } from './prng';

export type IntensityTail =
  /** Pareto with minimum 1: the top 10 % hold 10^(1/alpha − 1) of the total (alpha 1.2 → about 68 %). */
  | { kind: 'pareto'; alpha: number; cap: number }
  /** Log-normal with median 1: the top 10 % hold Φ(sigma − 1.2816) of the total (sigma 1.5 → about 59 %). */
  | { kind: 'log-normal'; sigma: number; cap: number };

export function checkIntensityTail(tail: IntensityTail): void {
  const shape = tail.kind === 'pareto' ? tail.alpha : tail.sigma;
  if (!(shape > 0) || !Number.isFinite(shape)) throw new Error(`invariant: ${tail.kind} shape ${shape} must be positive`);
  if (!(tail.cap >= 1)) throw new Error(`invariant: intensity cap ${tail.cap} must be at least 1`);
}

/** One customer's intensity, a positive multiplier of the typical customer's usage. */
export function sampleIntensity(tail: IntensityTail, random: SeededRandom): number {
  let value: number;
  if (tail.kind === 'pareto') {
    // Inverse CDF: x = u^(−1/alpha) for u in (0, 1].
    value = exponential(-naturalLog(random.nextUnitOpenBelow()) / tail.alpha);
  } else {
    // Keep u inside (0, 1): the open-below unit can be exactly 1.
    const u = Math.min(random.nextUnitOpenBelow(), 1 - 1 / 4294967296);
    value = exponential(tail.sigma * inverseStandardNormal(u));
  }
  return Math.min(value, tail.cap);
}
