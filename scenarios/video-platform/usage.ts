// The video platform's usage: creators and companies upload and transcode HD video, a few in 4K, viewers stream
// every day of the week, and some add captions and AI clips. November (holiday campaigns) is the peak, launches and
// live events bring bursts, and a few media customers stream most of the minutes.

import { scenarioUsageConfig, type ScenarioSize, type ScenarioUsageProfile } from '../scenario-size';
import type { UsageGeneratorConfig } from '../generator/generator-config';

export const VIDEO_PLATFORM_USAGE: ScenarioUsageProfile = {
  defaultSeed: 20_250_206,
  customerIdPrefix: 'vid_',
  features: [
    { key: 'hd-transcoding', weight: 25, decimals: 2, quantity: { kind: 'log-normal', medianUnits: 20, sigma: 1.2, minUnits: 0.1, maxUnits: 3_000 } },
    { key: 'uhd-transcoding', weight: 5, adoption: 0.2, decimals: 2, quantity: { kind: 'log-normal', medianUnits: 14, sigma: 1.1, minUnits: 0.1, maxUnits: 1_000 } },
    { key: 'streaming', weight: 35, decimals: 2, quantity: { kind: 'log-normal', medianUnits: 14, sigma: 1.3, minUnits: 0.01, maxUnits: 100_000 } },
    { key: 'captions', weight: 10, adoption: 0.35, decimals: 2, quantity: { kind: 'log-normal', medianUnits: 18, sigma: 1.1, minUnits: 0.1, maxUnits: 2_000 } },
    { key: 'ai-clips', weight: 4, adoption: 0.15, decimals: 0, quantity: { kind: 'uniform', minUnits: 2, maxUnits: 10 } },
  ],
  plans: [
    { planKey: 'creator', share: 0.5, intensity: 1 },
    { planKey: 'business', share: 0.12, intensity: 6 },
    { planKey: 'enterprise', share: 0.015, segment: 'enterprise', intensity: 250 },
    { planKey: '', share: 0.365, intensity: 0.6 },
  ],
  shape: {
    monthlyChurnRate: 0.04,
    growth: { initialShare: 0.4, monthlyGrowthRate: 0.07 },
    trial: { share: 0.2, days: 14, intensity: 0.1, planKey: '' },
    intensity: { kind: 'pareto', alpha: 1.15, cap: 5000 },
    weekendFactor: 0.8,
    seasonality: [0.95, 0.95, 1, 1, 1, 0.95, 0.9, 0.9, 1, 1.05, 1.35, 1],
    bursts: { dailyChance: 0.02, maxDays: 3, factor: 7 },
  },
};

export function videoPlatformUsageConfig(size: ScenarioSize, seed?: number): UsageGeneratorConfig {
  return scenarioUsageConfig(VIDEO_PLATFORM_USAGE, size, seed);
}
