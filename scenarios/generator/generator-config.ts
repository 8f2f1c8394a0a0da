// What a synthetic usage history looks like: its size, its features and plans, and the shapes real usage has.
// A config plus its seed fully determines the generated dataset.

import type { IntensityTail } from './heavy-tail';
import { checkIntensityTail } from './heavy-tail';
import type { QuantityDistribution } from './quantity-table';

export interface FeatureUsage {
  key: string;
  /** Relative share of events among the features a customer uses. */
  weight: number;
  /** Probability (0–1) that a customer uses the feature at all; default 1. */
  adoption?: number;
  /** Decimals of the unit the events report: 0 for whole units (calls, exports), up to 6 (minutes, 1,000 tokens). */
  decimals: number;
  quantity: QuantityDistribution;
}

export interface PlanShare {
  /** A plan key of the price books to replay; '' for customers without a plan who buy packs. */
  planKey: string;
  /** Relative share of paying customers on this plan. */
  share: number;
  /** Segment label; default 'pack' for '' and 'self-serve' otherwise. */
  segment?: string;
  /** Usage multiplier of the plan's customers (enterprise customers use more); default 1. */
  intensity?: number;
}

export interface UsageShape {
  /** Share of paying customers who cancel each month; they leave at the end of a monthly period. */
  monthlyChurnRate: number;
  growth: {
    /** Share of customers already present: they start within the first 28 days. */
    initialShare: number;
    /** Month-over-month growth of the arrival rate of the other customers (0.05 = 5 % more each month). */
    monthlyGrowthRate: number;
  };
  /** Trial users who never convert: they use a little for `days` days, then leave. */
  trial: { share: number; days: number; intensity: number; planKey: string };
  intensity: IntensityTail;
  /** Usage of a Saturday or Sunday relative to a weekday. */
  weekendFactor: number;
  /** Twelve usage factors by UTC calendar month, January first. */
  seasonality: readonly number[];
  /** Each active day starts a burst with `dailyChance`; a burst lasts 1 to `maxDays` days at `factor` × usage. */
  bursts: { dailyChance: number; maxDays: number; factor: number };
  /** Day-to-day noise: each customer-day's weight is multiplied by a uniform factor in [1 − noise, 1 + noise]. */
  dailyNoise: number;
}

export interface UsageGeneratorConfig extends UsageShape {
  /** Unsigned 32-bit seed. */
  seed: number;
  customerCount: number;
  /** Exact number of events generated. */
  eventCount: number;
  /** First millisecond of the first month (UTC). */
  startMs: number;
  months: number;
  features: FeatureUsage[];
  plans: PlanShare[];
  /** Customer ids are the prefix and a zero-padded number; default 'cus_'. */
  customerIdPrefix?: string;
}

/** Shapes close to those of a self-serve SaaS product; spread it into a config and override what differs. */
export const TYPICAL_USAGE_SHAPE: UsageShape = {
  monthlyChurnRate: 0.03,
  growth: { initialShare: 0.4, monthlyGrowthRate: 0.06 },
  trial: { share: 0.15, days: 14, intensity: 0.2, planKey: '' },
  intensity: { kind: 'pareto', alpha: 1.2, cap: 5000 },
  weekendFactor: 0.35,
  // Quieter in August and December, busier in spring and autumn.
  seasonality: [0.95, 1, 1.05, 1.05, 1.05, 1, 0.9, 0.8, 1.05, 1.1, 1.05, 0.85],
  bursts: { dailyChance: 0.01, maxDays: 3, factor: 6 },
  dailyNoise: 0.5,
};

function checkShare(value: number, what: string): void {
  if (!(value >= 0 && value <= 1)) throw new Error(`invariant: ${what} ${value} must be between 0 and 1`);
}

/** Throws on a config no generator run could honour; configs are written by scenario code, not typed by users. */
export function checkGeneratorConfig(config: UsageGeneratorConfig): void {
  if (!Number.isSafeInteger(config.customerCount) || config.customerCount < 1) {
    throw new Error(`invariant: customerCount ${config.customerCount} must be a positive integer`);
  }
  if (!Number.isSafeInteger(config.eventCount) || config.eventCount < 0 || config.eventCount >= 2 ** 28) {
    throw new Error(`invariant: eventCount ${config.eventCount} must be an integer from 0 to 2^28 − 1`);
  }
  if (config.features.length === 0 || config.features.length > 65535) throw new Error('invariant: 1 to 65535 features are needed');
  if (new Set(config.features.map((feature) => feature.key)).size !== config.features.length) {
    throw new Error('invariant: feature keys must be unique');
  }
  for (const feature of config.features) {
    if (!(feature.weight > 0) || !Number.isFinite(feature.weight)) throw new Error(`invariant: feature ${feature.key} weight must be positive`);
    checkShare(feature.adoption ?? 1, `feature ${feature.key} adoption`);
  }
  if (config.plans.length === 0 || !config.plans.some((plan) => plan.share > 0)) throw new Error('invariant: a plan with a positive share is needed');
  for (const plan of config.plans) {
    if (!(plan.share >= 0) || !Number.isFinite(plan.share)) throw new Error(`invariant: plan '${plan.planKey}' share must be non-negative`);
    if (!((plan.intensity ?? 1) > 0)) throw new Error(`invariant: plan '${plan.planKey}' intensity must be positive`);
  }
  checkShare(config.monthlyChurnRate, 'monthlyChurnRate');
  if (config.monthlyChurnRate === 1) throw new Error('invariant: monthlyChurnRate must be below 1');
  checkShare(config.growth.initialShare, 'growth.initialShare');
  if (!(config.growth.monthlyGrowthRate > -1) || !Number.isFinite(config.growth.monthlyGrowthRate)) {
    throw new Error('invariant: growth.monthlyGrowthRate must be above −1');
  }
  checkShare(config.trial.share, 'trial.share');
  if (!Number.isInteger(config.trial.days) || config.trial.days < 1) throw new Error('invariant: trial.days must be a positive integer');
  if (!(config.trial.intensity > 0)) throw new Error('invariant: trial.intensity must be positive');
  checkIntensityTail(config.intensity);
  checkShare(config.bursts.dailyChance, 'bursts.dailyChance');
  if (!Number.isInteger(config.bursts.maxDays) || config.bursts.maxDays < 1) throw new Error('invariant: bursts.maxDays must be a positive integer');
  if (!(config.bursts.factor > 0)) throw new Error('invariant: bursts.factor must be positive');
  if (!(config.dailyNoise >= 0 && config.dailyNoise < 1)) throw new Error('invariant: dailyNoise must be in [0, 1)');
}
