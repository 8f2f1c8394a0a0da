// The built-in AI/ML platform sample's usage: a seeded generator config whose features and plans are those of the
// books beside it (scenarios/ai-platform/books), sized so `npm run demo` replays three books in about a second.
// The same seed gives the same history, so the demo prints the same table on every machine.

import { TYPICAL_USAGE_SHAPE, type UsageGeneratorConfig } from '../generator/generator-config';

export const AI_PLATFORM_DEMO_SEED = 20_250_701;
export const AI_PLATFORM_DEMO_START_MS = Date.UTC(2025, 0, 1);

/** Quantities are in each feature's unit as the books define it (1,000 tokens, calls, GPU minutes, images). */
export function aiPlatformDemoUsageConfig(): UsageGeneratorConfig {
  return {
    ...TYPICAL_USAGE_SHAPE,
    seed: AI_PLATFORM_DEMO_SEED,
    customerCount: 1_500,
    eventCount: 240_000,
    startMs: AI_PLATFORM_DEMO_START_MS,
    months: 12,
    // Trial users try the free plan and leave.
    trial: { ...TYPICAL_USAGE_SHAPE.trial, planKey: 'free' },
    // Events are daily aggregates per feature, so a quantity can be large (160,000 tokens is 160 units).
    features: [
      { key: 'tokens', weight: 30, adoption: 0.9, decimals: 3, quantity: { kind: 'log-normal', medianUnits: 160, sigma: 1.1, maxUnits: 16_000 } },
      { key: 'inference-calls', weight: 35, decimals: 0, quantity: { kind: 'log-normal', medianUnits: 80, sigma: 1, minUnits: 1, maxUnits: 8_000 } },
      { key: 'fine-tuning-minutes', weight: 1, adoption: 0.1, decimals: 2, quantity: { kind: 'log-normal', medianUnits: 100, sigma: 0.8, minUnits: 1, maxUnits: 2_400 } },
      { key: 'embeddings', weight: 15, adoption: 0.5, decimals: 3, quantity: { kind: 'log-normal', medianUnits: 600, sigma: 1.2, maxUnits: 80_000 } },
      { key: 'image-generations', weight: 8, adoption: 0.35, decimals: 0, quantity: { kind: 'uniform', minUnits: 1, maxUnits: 24 } },
    ],
    // Usage per plan grows with what the plan includes; most customers still use far less than they could.
    plans: [
      { planKey: 'free', share: 0.4, segment: 'free', intensity: 0.25 },
      { planKey: 'pro', share: 0.3, intensity: 3 },
      { planKey: 'team', share: 0.1, segment: 'team', intensity: 6 },
      { planKey: 'enterprise', share: 0.015, segment: 'enterprise', intensity: 100 },
      { planKey: '', share: 0.185 },
    ],
  };
}
