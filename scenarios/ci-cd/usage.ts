// The CI service's usage: every push runs a build of a few Linux minutes; some teams also build on Windows, macOS
// or GPU runners and upload artifacts. Developers rarely push at weekends, December and August are the quiet
// months, release crunches bring bursts, and the largest engineering organisations run most of the minutes.

import { scenarioUsageConfig, type ScenarioSize, type ScenarioUsageProfile } from '../scenario-size';
import type { UsageGeneratorConfig } from '../generator/generator-config';

export const CI_CD_USAGE: ScenarioUsageProfile = {
  defaultSeed: 20_250_208,
  customerIdPrefix: 'ci_',
  // Minutes are billed per job, rounded up to whole minutes by the runner; artifacts in GB to the megabyte.
  features: [
    { key: 'linux-minutes', weight: 60, decimals: 0, quantity: { kind: 'log-normal', medianUnits: 220, sigma: 1, minUnits: 1, maxUnits: 20_000 } },
    { key: 'windows-minutes', weight: 10, adoption: 0.25, decimals: 0, quantity: { kind: 'log-normal', medianUnits: 110, sigma: 1, minUnits: 1, maxUnits: 10_000 } },
    { key: 'macos-minutes', weight: 8, adoption: 0.2, decimals: 0, quantity: { kind: 'log-normal', medianUnits: 75, sigma: 1, minUnits: 1, maxUnits: 10_000 } },
    { key: 'gpu-minutes', weight: 2, adoption: 0.05, decimals: 0, quantity: { kind: 'log-normal', medianUnits: 110, sigma: 1, minUnits: 1, maxUnits: 10_000 } },
    { key: 'artifact-upload', weight: 15, adoption: 0.5, decimals: 3, quantity: { kind: 'log-normal', medianUnits: 5, sigma: 1.2, minUnits: 0.001, maxUnits: 2_000 } },
  ],
  plans: [
    { planKey: 'free', share: 0.4, segment: 'free', intensity: 0.3 },
    { planKey: 'team', share: 0.3, intensity: 1.5 },
    { planKey: 'business', share: 0.06, intensity: 14 },
    { planKey: 'enterprise', share: 0.012, segment: 'enterprise', intensity: 150 },
    { planKey: '', share: 0.228, intensity: 0.8 },
  ],
  shape: {
    monthlyChurnRate: 0.02,
    growth: { initialShare: 0.4, monthlyGrowthRate: 0.05 },
    trial: { share: 0.15, days: 30, intensity: 0.1, planKey: '' },
    intensity: { kind: 'pareto', alpha: 1.2, cap: 5000 },
    weekendFactor: 0.2,
    seasonality: [1, 1.05, 1.1, 1.05, 1, 1, 0.9, 0.7, 1.05, 1.1, 1.05, 0.65],
    bursts: { dailyChance: 0.02, maxDays: 3, factor: 4 },
  },
};

export function ciCdUsageConfig(size: ScenarioSize, seed?: number): UsageGeneratorConfig {
  return scenarioUsageConfig(CI_CD_USAGE, size, seed);
}
