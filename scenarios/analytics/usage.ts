// The analytics service's usage: product events arrive every day (weekends a little quieter), with session
// recordings, warehouse syncs, AI questions and the occasional historical import. November (shopping season
// traffic) is the peak, traffic spikes bring bursts, and the largest apps send most of the events.

import { scenarioUsageConfig, type ScenarioSize, type ScenarioUsageProfile } from '../scenario-size';
import type { UsageGeneratorConfig } from '../generator/generator-config';

export const ANALYTICS_USAGE: ScenarioUsageProfile = {
  defaultSeed: 20_250_207,
  customerIdPrefix: 'anl_',
  // Events are counted in tens of thousands (the books' unit), to the single event: 1.5 is 15,000 events.
  features: [
    { key: 'events', weight: 45, decimals: 4, quantity: { kind: 'log-normal', medianUnits: 3.5, sigma: 1.6, minUnits: 0.0001, maxUnits: 100_000 } },
    { key: 'session-recordings', weight: 20, adoption: 0.4, decimals: 0, quantity: { kind: 'log-normal', medianUnits: 350, sigma: 1.3, minUnits: 1, maxUnits: 500_000 } },
    { key: 'warehouse-sync', weight: 8, adoption: 0.2, decimals: 3, quantity: { kind: 'log-normal', medianUnits: 1, sigma: 1.2, minUnits: 0.001, maxUnits: 5_000 } },
    { key: 'ai-query', weight: 8, adoption: 0.3, decimals: 0, quantity: { kind: 'uniform', minUnits: 2, maxUnits: 25 } },
    { key: 'historical-import', weight: 2, adoption: 0.08, decimals: 4, quantity: { kind: 'log-normal', medianUnits: 100, sigma: 1.5, minUnits: 0.0001, maxUnits: 100_000 } },
  ],
  plans: [
    { planKey: 'free', share: 0.35, segment: 'free', intensity: 0.3 },
    { planKey: 'growth', share: 0.25, intensity: 1 },
    { planKey: 'scale', share: 0.08, intensity: 5 },
    { planKey: 'enterprise', share: 0.012, segment: 'enterprise', intensity: 120 },
    { planKey: '', share: 0.308, intensity: 0.6 },
  ],
  shape: {
    monthlyChurnRate: 0.03,
    growth: { initialShare: 0.4, monthlyGrowthRate: 0.06 },
    trial: { share: 0.2, days: 14, intensity: 0.1, planKey: '' },
    intensity: { kind: 'pareto', alpha: 1.15, cap: 5000 },
    weekendFactor: 0.7,
    seasonality: [0.95, 0.95, 1, 1, 1, 0.95, 0.9, 0.9, 1, 1.05, 1.4, 1.15],
    bursts: { dailyChance: 0.015, maxDays: 2, factor: 6 },
  },
};

export function analyticsUsageConfig(size: ScenarioSize, seed?: number): UsageGeneratorConfig {
  return scenarioUsageConfig(ANALYTICS_USAGE, size, seed);
}
