// A small generator config with every shape switched on, shared by the generator tests.

import { TYPICAL_USAGE_SHAPE, type UsageGeneratorConfig } from '../../scenarios/generator/generator-config';

export const SAMPLE_START_MS = Date.UTC(2025, 0, 1);

export function sampleConfig(overrides: Partial<UsageGeneratorConfig> = {}): UsageGeneratorConfig {
  return {
    ...TYPICAL_USAGE_SHAPE,
    seed: 20250101,
    customerCount: 2000,
    eventCount: 200_000,
    startMs: SAMPLE_START_MS,
    months: 12,
    features: [
      { key: 'api-call', weight: 6, decimals: 0, quantity: { kind: 'constant', units: 1 } },
      { key: 'tokens-1k', weight: 3, adoption: 0.7, decimals: 3, quantity: { kind: 'log-normal', medianUnits: 1.2, sigma: 1, maxUnits: 500 } },
      { key: 'hd-minute', weight: 1, adoption: 0.3, decimals: 6, quantity: { kind: 'log-normal', medianUnits: 3.5, sigma: 0.8 } },
      { key: 'export', weight: 2, adoption: 0.5, decimals: 0, quantity: { kind: 'uniform', minUnits: 1, maxUnits: 20 } },
    ],
    plans: [
      { planKey: 'starter', share: 0.5 },
      { planKey: 'pro', share: 0.25 },
      { planKey: 'enterprise', share: 0.05, segment: 'enterprise', intensity: 8 },
      { planKey: '', share: 0.2 },
    ],
    ...overrides,
  };
}
