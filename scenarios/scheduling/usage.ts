// The scheduling app's usage: small businesses take bookings every day (weekends too, a little less), send SMS
// reminders, publish branded booking pages now and then, and some summarise meetings with AI. September (back to
// school and work) is the busy month; usage is steady, with few bursts, and less concentrated than in API products.

import { scenarioUsageConfig, type ScenarioSize, type ScenarioUsageProfile } from '../scenario-size';
import type { UsageGeneratorConfig } from '../generator/generator-config';

export const SCHEDULING_USAGE: ScenarioUsageProfile = {
  defaultSeed: 20_250_204,
  customerIdPrefix: 'sch_',
  features: [
    { key: 'branded-page', weight: 5, adoption: 0.7, decimals: 0, quantity: { kind: 'uniform', minUnits: 1, maxUnits: 3 } },
    { key: 'booking', weight: 45, decimals: 0, quantity: { kind: 'log-normal', medianUnits: 20, sigma: 0.9, minUnits: 1, maxUnits: 1_000 } },
    { key: 'sms-reminder', weight: 20, adoption: 0.4, decimals: 0, quantity: { kind: 'log-normal', medianUnits: 15, sigma: 0.9, minUnits: 1, maxUnits: 1_000 } },
    { key: 'meeting-notes', weight: 10, adoption: 0.25, decimals: 0, quantity: { kind: 'uniform', minUnits: 2, maxUnits: 8 } },
    { key: 'paid-booking', weight: 6, adoption: 0.15, decimals: 0, quantity: { kind: 'uniform', minUnits: 2, maxUnits: 10 } },
  ],
  plans: [
    { planKey: 'free', share: 0.3, segment: 'free', intensity: 0.3 },
    { planKey: 'standard', share: 0.3, intensity: 2 },
    { planKey: 'teams', share: 0.1, segment: 'team', intensity: 7 },
    { planKey: 'enterprise', share: 0.01, segment: 'enterprise', intensity: 60 },
    { planKey: '', share: 0.29, intensity: 0.7 },
  ],
  shape: {
    monthlyChurnRate: 0.03,
    growth: { initialShare: 0.4, monthlyGrowthRate: 0.05 },
    trial: { share: 0.25, days: 14, intensity: 0.15, planKey: '' },
    intensity: { kind: 'log-normal', sigma: 1.6, cap: 2000 },
    weekendFactor: 0.6,
    seasonality: [1.05, 1, 1, 1, 1, 0.95, 0.9, 0.85, 1.3, 1.05, 1, 0.85],
    bursts: { dailyChance: 0.01, maxDays: 2, factor: 3 },
  },
};

export function schedulingUsageConfig(size: ScenarioSize, seed?: number): UsageGeneratorConfig {
  return scenarioUsageConfig(SCHEDULING_USAGE, size, seed);
}
