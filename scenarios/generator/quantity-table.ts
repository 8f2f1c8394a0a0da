// Event quantities as integer millionths of a unit (quantityMicros), drawn by looking up a precomputed quantile
// table: one random number and one array read per event, whatever the distribution. Every table entry is a whole
// number of the feature's smallest step (1 unit for decimals 0, 0.001 unit for decimals 3), and never zero.

import { QUANTITY_DECIMALS, QUANTITY_SCALE } from '../../core/engine/decimal/scales';
import { exponential, inverseStandardNormal } from './deterministic-math';

export type QuantityDistribution =
  | { kind: 'constant'; units: number }
  /** Uniform over the steps from minUnits to maxUnits inclusive. */
  | { kind: 'uniform'; minUnits: number; maxUnits: number }
  /** Log-normal around medianUnits (sigma is the log standard deviation), clamped to [minUnits, maxUnits]. */
  | { kind: 'log-normal'; medianUnits: number; sigma: number; minUnits?: number; maxUnits?: number };

/** log2 of the table size; a 32-bit random number shifted right by 32 − TABLE_BITS is an index. */
export const QUANTITY_TABLE_BITS = 12;
const TABLE_SIZE = 1 << QUANTITY_TABLE_BITS;

function checkDistribution(distribution: QuantityDistribution, what: string): void {
  const values =
    distribution.kind === 'constant'
      ? [distribution.units]
      : distribution.kind === 'uniform'
        ? [distribution.minUnits, distribution.maxUnits]
        : [distribution.medianUnits, distribution.sigma, distribution.minUnits ?? 0, distribution.maxUnits ?? 0];
  for (const value of values) {
    if (!Number.isFinite(value) || value < 0) throw new Error(`invariant: ${what} has a negative or non-finite parameter`);
  }
  if (distribution.kind === 'uniform' && distribution.maxUnits < distribution.minUnits) {
    throw new Error(`invariant: ${what} has maxUnits below minUnits`);
  }
}

/**
 * The quantile table of a distribution in quantityMicros. `decimals` (0–6) is the finest step the feature reports;
 * values are rounded half-up to that step and raised to one step when they would round to zero.
 */
export function buildQuantityTable(distribution: QuantityDistribution, decimals: number, what: string): Float64Array {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > QUANTITY_DECIMALS) {
    throw new Error(`invariant: ${what} decimals ${decimals} must be an integer from 0 to ${QUANTITY_DECIMALS}`);
  }
  checkDistribution(distribution, what);
  const stepsPerUnit = 10 ** decimals;
  const microsPerStep = QUANTITY_SCALE / stepsPerUnit;
  const table = new Float64Array(TABLE_SIZE);
  for (let i = 0; i < TABLE_SIZE; i++) {
    // The midpoint of each of the equal-probability slices.
    const p = (i + 0.5) / TABLE_SIZE;
    let steps: number;
    if (distribution.kind === 'constant') {
      steps = Math.round(distribution.units * stepsPerUnit);
    } else if (distribution.kind === 'uniform') {
      const minSteps = Math.round(distribution.minUnits * stepsPerUnit);
      const maxSteps = Math.round(distribution.maxUnits * stepsPerUnit);
      steps = minSteps + Math.floor(p * (maxSteps - minSteps + 1));
    } else {
      const units = distribution.medianUnits * exponential(distribution.sigma * inverseStandardNormal(p));
      const clamped = Math.min(Math.max(units, distribution.minUnits ?? 0), distribution.maxUnits ?? Number.POSITIVE_INFINITY);
      steps = Math.round(clamped * stepsPerUnit);
    }
    const micros = Math.max(1, steps) * microsPerStep;
    if (!Number.isSafeInteger(micros)) throw new Error(`invariant: ${what} quantity ${micros} micros is not a safe integer`);
    table[i] = micros;
  }
  return table;
}
