// The email platform's usage: campaign sends of a few thousand emails, a steady drip of transactional email, some
// SMS, list verification and AI-written copy. Senders work on weekdays, November (Black Friday) and December are the
// busy months, and every campaign blast is a one-day burst.

import { scenarioUsageConfig, type ScenarioSize, type ScenarioUsageProfile } from '../scenario-size';
import type { UsageGeneratorConfig } from '../generator/generator-config';

export const EMAIL_MARKETING_USAGE: ScenarioUsageProfile = {
  defaultSeed: 20_250_202,
  customerIdPrefix: 'eml_',
  // Emails are counted in hundreds (the books' unit), to the single email: 23.45 is 2,345 emails.
  features: [
    { key: 'campaign-emails', weight: 25, decimals: 2, quantity: { kind: 'log-normal', medianUnits: 20, sigma: 1.3, minUnits: 0.01, maxUnits: 20_000 } },
    { key: 'transactional-emails', weight: 30, adoption: 0.45, decimals: 2, quantity: { kind: 'log-normal', medianUnits: 2, sigma: 1.1, minUnits: 0.01, maxUnits: 5_000 } },
    { key: 'sms', weight: 5, adoption: 0.2, decimals: 0, quantity: { kind: 'log-normal', medianUnits: 40, sigma: 1.2, minUnits: 1, maxUnits: 50_000 } },
    { key: 'list-verification', weight: 3, adoption: 0.25, decimals: 0, quantity: { kind: 'log-normal', medianUnits: 300, sigma: 1.3, minUnits: 1, maxUnits: 500_000 } },
    { key: 'ai-copy', weight: 6, adoption: 0.3, decimals: 0, quantity: { kind: 'uniform', minUnits: 1, maxUnits: 6 } },
  ],
  plans: [
    { planKey: 'free', share: 0.25, segment: 'free', intensity: 0.2 },
    { planKey: 'essentials', share: 0.3, intensity: 1 },
    { planKey: 'standard', share: 0.12, intensity: 3 },
    { planKey: 'enterprise', share: 0.01, segment: 'enterprise', intensity: 130 },
    { planKey: '', share: 0.32, intensity: 0.8 },
  ],
  shape: {
    monthlyChurnRate: 0.04,
    growth: { initialShare: 0.45, monthlyGrowthRate: 0.04 },
    trial: { share: 0.2, days: 30, intensity: 0.15, planKey: '' },
    intensity: { kind: 'pareto', alpha: 1.15, cap: 5000 },
    weekendFactor: 0.3,
    seasonality: [0.85, 0.9, 1, 1, 1.05, 0.95, 0.85, 0.8, 1, 1.1, 1.6, 1.3],
    bursts: { dailyChance: 0.05, maxDays: 1, factor: 8 },
  },
};

export function emailMarketingUsageConfig(size: ScenarioSize, seed?: number): UsageGeneratorConfig {
  return scenarioUsageConfig(EMAIL_MARKETING_USAGE, size, seed);
}
