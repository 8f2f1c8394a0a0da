// The AI/ML platform's usage at the built-in sizes: the demo's features and plan mix (demo-usage.ts), with the
// scenario shapes: a fast-growing customer base, weekday-heavy API traffic with an August lull, bursts of batch
// jobs, and trial users who sign up without a plan and spend only their sign-up credits.

import { scenarioUsageConfig, type ScenarioSize, type ScenarioUsageProfile } from '../scenario-size';
import type { UsageGeneratorConfig } from '../generator/generator-config';
import { aiPlatformDemoUsageConfig } from './demo-usage';

const DEMO = aiPlatformDemoUsageConfig();

export const AI_PLATFORM_USAGE: ScenarioUsageProfile = {
  defaultSeed: 20_250_209,
  customerIdPrefix: 'ai_',
  features: DEMO.features,
  plans: DEMO.plans,
  shape: {
    monthlyChurnRate: 0.03,
    growth: { initialShare: 0.35, monthlyGrowthRate: 0.1 },
    trial: { share: 0.2, days: 14, intensity: 0.05, planKey: '' },
    intensity: { kind: 'pareto', alpha: 1.15, cap: 5000 },
    weekendFactor: 0.4,
    seasonality: [1, 1, 1.05, 1.05, 1.05, 1, 0.9, 0.7, 1.05, 1.1, 1.05, 0.9],
    bursts: { dailyChance: 0.02, maxDays: 3, factor: 6 },
  },
};

export function aiPlatformUsageConfig(size: ScenarioSize, seed?: number): UsageGeneratorConfig {
  return scenarioUsageConfig(AI_PLATFORM_USAGE, size, seed);
}
