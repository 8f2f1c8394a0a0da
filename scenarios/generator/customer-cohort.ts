// The customers of a synthetic history: when each arrives (an initial base, then growing arrivals), which plan it
// takes, whether it is a trial user who never converts, when it churns, how intensely it uses the product, and
// which features it uses. Every customer's window [start, end) starts inside the generation window.

import type { CustomerTable } from '../../core/engine/usage/dataset';
import { exponential, naturalLog } from './deterministic-math';
import type { UsageGeneratorConfig } from './generator-config';
import { sampleIntensity } from './heavy-tail';
import type { SeededRandom } from './prng';
import { addUtcMonths, DAY_MS, type UsageCalendar } from './usage-calendar';

const TWO_POW_32 = 4294967296;
/** Average days in a Gregorian month, to express the monthly growth rate per day. */
const DAYS_PER_MONTH = 30.436875;
const INITIAL_BASE_SPREAD_MS = 28 * DAY_MS;
export const TRIAL_SEGMENT = 'trial';

export interface Cohort {
  customers: CustomerTable;
  /** Relative usage per active day of each customer. */
  intensity: Float64Array;
  /**
   * customerCount × featureCount cumulative thresholds over [0, 2^32]: a customer's event is of the first feature f
   * whose threshold exceeds a uniform 32-bit number. Features a customer does not use have zero width.
   */
  featureThresholds: Float64Array;
}

/** Start times in ascending order: the initial base in the first 28 days, then arrivals growing month over month. */
function drawStartTimes(config: UsageGeneratorConfig, calendar: UsageCalendar, random: SeededRandom): Float64Array {
  const windowMs = calendar.endMs - calendar.startMs;
  const dailyRate = naturalLog(1 + config.growth.monthlyGrowthRate) / DAYS_PER_MONTH;
  const windowDays = windowMs / DAY_MS;
  const starts = new Float64Array(config.customerCount);
  for (let i = 0; i < config.customerCount; i++) {
    const initial = random.nextChance(config.growth.initialShare);
    const u = random.nextUnit();
    let offsetMs: number;
    if (initial) {
      offsetMs = Math.floor(u * Math.min(INITIAL_BASE_SPREAD_MS, windowMs));
    } else if (Math.abs(dailyRate) < 1e-12) {
      offsetMs = Math.floor(u * windowMs);
    } else {
      // Inverse CDF of an arrival density proportional to e^(rate · t) over the window.
      const days = naturalLog(1 + u * (exponential(dailyRate * windowDays) - 1)) / dailyRate;
      offsetMs = Math.min(Math.floor(days * DAY_MS), windowMs - 1);
    }
    starts[i] = calendar.startMs + Math.max(0, offsetMs);
  }
  return starts.sort();
}

/** Whole monthly periods a paying customer stays: geometric, P(more than j) = (1 − churn)^j. */
function drawLifetimeMonths(monthlyChurnRate: number, random: SeededRandom): number {
  const draw = random.nextUnitOpenBelow();
  const logStay = naturalLog(1 - monthlyChurnRate);
  // A rate so small that 1 − rate rounds to 1 never churns.
  if (logStay === 0) return Number.POSITIVE_INFINITY;
  return 1 + Math.floor(naturalLog(draw) / logStay);
}

function pickPlan(config: UsageGeneratorConfig, totalShare: number, random: SeededRandom): number {
  const target = random.nextUnit() * totalShare;
  let cumulative = 0;
  for (let i = 0; i < config.plans.length; i++) {
    cumulative += config.plans[i].share;
    if (target < cumulative) return i;
  }
  // Only reachable through rounding of the last cumulative share: take the last plan with a share.
  let last = config.plans.length - 1;
  while (config.plans[last].share === 0) last--;
  return last;
}

function fillFeatureThresholds(config: UsageGeneratorConfig, random: SeededRandom, thresholds: Float64Array, base: number): void {
  const featureCount = config.features.length;
  let total = 0;
  for (let f = 0; f < featureCount; f++) {
    const feature = config.features[f];
    const adopted = random.nextChance(feature.adoption ?? 1);
    // Customers lean on their features differently: ×0.25 to ×1.75 of the feature's weight.
    const weight = adopted ? feature.weight * (0.25 + 1.5 * random.nextUnit()) : 0;
    thresholds[base + f] = weight;
    total += weight;
  }
  if (total === 0) {
    let heaviest = 0;
    for (let f = 1; f < featureCount; f++) if (config.features[f].weight > config.features[heaviest].weight) heaviest = f;
    thresholds[base + heaviest] = 1;
    total = 1;
  }
  let cumulative = 0;
  for (let f = 0; f < featureCount; f++) {
    cumulative += thresholds[base + f];
    thresholds[base + f] = f === featureCount - 1 ? TWO_POW_32 : Math.floor((cumulative / total) * TWO_POW_32);
  }
}

export function buildCohort(config: UsageGeneratorConfig, calendar: UsageCalendar, random: SeededRandom): Cohort {
  const count = config.customerCount;
  const featureCount = config.features.length;
  const startMs = drawStartTimes(config, calendar, random);
  const endMs = new Float64Array(count);
  const intensity = new Float64Array(count);
  const featureThresholds = new Float64Array(count * featureCount);
  const ids: string[] = new Array<string>(count);
  const planKeys: string[] = new Array<string>(count);
  const segments: string[] = new Array<string>(count);
  const prefix = config.customerIdPrefix ?? 'cus_';
  const idWidth = String(count).length;
  const totalShare = config.plans.reduce((sum, plan) => sum + plan.share, 0);

  for (let i = 0; i < count; i++) {
    ids[i] = prefix + String(i + 1).padStart(idWidth, '0');
    const tail = sampleIntensity(config.intensity, random);
    if (random.nextChance(config.trial.share)) {
      planKeys[i] = config.trial.planKey;
      segments[i] = TRIAL_SEGMENT;
      intensity[i] = tail * config.trial.intensity;
      endMs[i] = startMs[i] + config.trial.days * DAY_MS;
    } else {
      const plan = config.plans[pickPlan(config, totalShare, random)];
      planKeys[i] = plan.planKey;
      segments[i] = plan.segment ?? (plan.planKey === '' ? 'pack' : 'self-serve');
      intensity[i] = tail * (plan.intensity ?? 1);
      const months = drawLifetimeMonths(config.monthlyChurnRate, random);
      const end = months > config.months ? Number.POSITIVE_INFINITY : addUtcMonths(startMs[i], months);
      endMs[i] = end >= calendar.endMs ? Number.POSITIVE_INFINITY : end;
    }
    fillFeatureThresholds(config, random, featureThresholds, i * featureCount);
  }
  return { customers: { ids, planKeys, startMs, endMs, segments }, intensity, featureThresholds };
}
