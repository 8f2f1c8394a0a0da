// The sizes every built-in scenario's usage history comes in, and the year they cover. Each size keeps the same
// average of 200 events per customer, so a scenario's pricing outcome (who runs dry, what expires) is much the same
// at every size and only the scale changes; large is the benchmark's 10-million-event, 50,000-customer load.

import {
  TYPICAL_USAGE_SHAPE,
  type FeatureUsage,
  type PlanShare,
  type UsageGeneratorConfig,
  type UsageShape,
} from './generator/generator-config';

export type ScenarioSize = 'small' | 'medium' | 'large';

export const SCENARIO_SIZES: readonly ScenarioSize[] = ['small', 'medium', 'large'];

export const SCENARIO_SIZE_COUNTS: Readonly<Record<ScenarioSize, { customerCount: number; eventCount: number }>> = {
  small: { customerCount: 500, eventCount: 100_000 },
  medium: { customerCount: 5_000, eventCount: 1_000_000 },
  large: { customerCount: 50_000, eventCount: 10_000_000 },
};

/** Every scenario's history covers the calendar year 2025 (UTC). */
export const SCENARIO_START_MS = Date.UTC(2025, 0, 1);
export const SCENARIO_MONTHS = 12;

/** What one scenario's usage is like, whatever its size: its features, plan mix and shapes. */
export interface ScenarioUsageProfile {
  /** The seed used when the caller names none. */
  defaultSeed: number;
  /** Customer ids start with it ("dsn_"), so ids of different scenarios never look alike. */
  customerIdPrefix: string;
  features: FeatureUsage[];
  plans: PlanShare[];
  /** Where the scenario's shapes differ from the typical self-serve SaaS product's. */
  shape: Partial<UsageShape>;
}

export function isScenarioSize(text: string): text is ScenarioSize {
  return (SCENARIO_SIZES as readonly string[]).includes(text);
}

/** The generator config of a profile at a size; the same arguments always give the same config. */
export function scenarioUsageConfig(profile: ScenarioUsageProfile, size: ScenarioSize, seed = profile.defaultSeed): UsageGeneratorConfig {
  return {
    ...TYPICAL_USAGE_SHAPE,
    ...profile.shape,
    seed,
    ...SCENARIO_SIZE_COUNTS[size],
    startMs: SCENARIO_START_MS,
    months: SCENARIO_MONTHS,
    features: profile.features,
    plans: profile.plans,
    customerIdPrefix: profile.customerIdPrefix,
  };
}
