// The design tool's usage: designers export in short sessions (a few exports at a time), some add AI images and
// background removal, a few export animations. Weekends are quiet, November (holiday campaigns) is the busy month,
// and campaign launches bring bursts of exports.

import { scenarioUsageConfig, type ScenarioSize, type ScenarioUsageProfile } from '../scenario-size';
import type { UsageGeneratorConfig } from '../generator/generator-config';

export const DESIGN_TOOL_USAGE: ScenarioUsageProfile = {
  defaultSeed: 20_250_201,
  customerIdPrefix: 'dsn_',
  // Quantities per event, in each feature's unit as the books define it.
  features: [
    { key: 'hires-export', weight: 40, decimals: 0, quantity: { kind: 'log-normal', medianUnits: 10, sigma: 0.9, minUnits: 1, maxUnits: 400 } },
    { key: 'print-pdf', weight: 8, adoption: 0.4, decimals: 0, quantity: { kind: 'log-normal', medianUnits: 6, sigma: 0.8, minUnits: 1, maxUnits: 200 } },
    { key: 'background-removal', weight: 12, adoption: 0.5, decimals: 0, quantity: { kind: 'uniform', minUnits: 3, maxUnits: 30 } },
    { key: 'ai-image', weight: 10, adoption: 0.45, decimals: 0, quantity: { kind: 'uniform', minUnits: 3, maxUnits: 15 } },
    { key: 'video-export', weight: 4, adoption: 0.2, decimals: 2, quantity: { kind: 'log-normal', medianUnits: 1.8, sigma: 0.7, minUnits: 0.1, maxUnits: 20 } },
  ],
  plans: [
    { planKey: 'starter', share: 0.35, intensity: 0.6 },
    { planKey: 'pro', share: 0.3, intensity: 1.9 },
    { planKey: 'team', share: 0.08, segment: 'team', intensity: 8.5 },
    { planKey: 'enterprise', share: 0.012, segment: 'enterprise', intensity: 60 },
    { planKey: '', share: 0.258, intensity: 0.7 },
  ],
  shape: {
    monthlyChurnRate: 0.035,
    growth: { initialShare: 0.4, monthlyGrowthRate: 0.05 },
    trial: { share: 0.2, days: 14, intensity: 0.15, planKey: '' },
    intensity: { kind: 'pareto', alpha: 1.25, cap: 3000 },
    weekendFactor: 0.45,
    seasonality: [0.95, 0.95, 1, 1, 1, 0.95, 0.85, 0.85, 1.05, 1.1, 1.45, 0.9],
    bursts: { dailyChance: 0.02, maxDays: 3, factor: 5 },
  },
};

export function designToolUsageConfig(size: ScenarioSize, seed?: number): UsageGeneratorConfig {
  return scenarioUsageConfig(DESIGN_TOOL_USAGE, size, seed);
}
