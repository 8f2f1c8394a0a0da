// The enrichment service's usage: sales and marketing teams look up companies and contacts in batches, verify
// lists and refresh CRM records on a schedule. Almost nothing happens at weekends, September (back-to-business
// prospecting) is the peak, list uploads come in bursts, and many sign-ups only try the free credits.

import { scenarioUsageConfig, type ScenarioSize, type ScenarioUsageProfile } from '../scenario-size';
import type { UsageGeneratorConfig } from '../generator/generator-config';

export const DATA_ENRICHMENT_USAGE: ScenarioUsageProfile = {
  defaultSeed: 20_250_203,
  customerIdPrefix: 'enr_',
  features: [
    { key: 'company-profile', weight: 30, decimals: 0, quantity: { kind: 'log-normal', medianUnits: 15, sigma: 1.3, minUnits: 1, maxUnits: 20_000 } },
    { key: 'work-email', weight: 25, adoption: 0.8, decimals: 0, quantity: { kind: 'log-normal', medianUnits: 10, sigma: 1.2, minUnits: 1, maxUnits: 10_000 } },
    { key: 'mobile-number', weight: 6, adoption: 0.3, decimals: 0, quantity: { kind: 'log-normal', medianUnits: 3, sigma: 1, minUnits: 1, maxUnits: 2_000 } },
    { key: 'email-verification', weight: 12, adoption: 0.4, decimals: 0, quantity: { kind: 'log-normal', medianUnits: 40, sigma: 1.2, minUnits: 1, maxUnits: 100_000 } },
    { key: 'crm-refresh', weight: 15, adoption: 0.3, decimals: 0, quantity: { kind: 'log-normal', medianUnits: 150, sigma: 1, minUnits: 1, maxUnits: 200_000 } },
  ],
  plans: [
    { planKey: 'basic', share: 0.35, intensity: 0.8 },
    { planKey: 'professional', share: 0.25, intensity: 2 },
    { planKey: 'organization', share: 0.06, segment: 'team', intensity: 10 },
    { planKey: 'enterprise', share: 0.012, segment: 'enterprise', intensity: 100 },
    { planKey: '', share: 0.328, intensity: 0.6 },
  ],
  shape: {
    monthlyChurnRate: 0.05,
    growth: { initialShare: 0.4, monthlyGrowthRate: 0.05 },
    trial: { share: 0.25, days: 14, intensity: 0.08, planKey: '' },
    intensity: { kind: 'pareto', alpha: 1.1, cap: 5000 },
    weekendFactor: 0.2,
    seasonality: [1.05, 1, 1.05, 1, 1, 0.95, 0.85, 0.8, 1.35, 1.1, 1, 0.8],
    bursts: { dailyChance: 0.03, maxDays: 2, factor: 10 },
  },
};

export function dataEnrichmentUsageConfig(size: ScenarioSize, seed?: number): UsageGeneratorConfig {
  return scenarioUsageConfig(DATA_ENRICHMENT_USAGE, size, seed);
}
