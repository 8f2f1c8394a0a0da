// The benchmark's standard load: a seeded synthetic history of an AI platform with 8 features, 12 months and a mix
// of self-serve, team, enterprise and pack-buying customers. The large size is the one issue 2 specifies.

import { TYPICAL_USAGE_SHAPE, type FeatureUsage, type UsageGeneratorConfig } from '../scenarios/generator/generator-config';

export type BenchSize = 'small' | 'large';

export const BENCH_SEED = 20_250_101;
export const BENCH_START_MS = Date.UTC(2025, 0, 1);

const SIZES: Record<BenchSize, { customerCount: number; eventCount: number }> = {
  small: { customerCount: 2_000, eventCount: 400_000 },
  large: { customerCount: 50_000, eventCount: 10_000_000 },
};

/** The features the bench books price, with quantities in each feature's own unit. */
export const BENCH_FEATURES: FeatureUsage[] = [
  { key: 'inference-call', weight: 30, decimals: 0, quantity: { kind: 'constant', units: 1 } },
  { key: 'tokens-1k', weight: 30, adoption: 0.8, decimals: 3, quantity: { kind: 'log-normal', medianUnits: 4, sigma: 1, maxUnits: 200 } },
  { key: 'image-generation', weight: 8, adoption: 0.4, decimals: 0, quantity: { kind: 'uniform', minUnits: 1, maxUnits: 4 } },
  { key: 'embedding-1k', weight: 12, adoption: 0.5, decimals: 3, quantity: { kind: 'log-normal', medianUnits: 20, sigma: 1.2, maxUnits: 2000 } },
  { key: 'fine-tune-minute', weight: 1, adoption: 0.1, decimals: 2, quantity: { kind: 'log-normal', medianUnits: 30, sigma: 0.7, minUnits: 1 } },
  { key: 'audio-minute', weight: 5, adoption: 0.3, decimals: 2, quantity: { kind: 'log-normal', medianUnits: 3, sigma: 0.8 } },
  { key: 'vector-storage-gb-day', weight: 8, adoption: 0.3, decimals: 3, quantity: { kind: 'log-normal', medianUnits: 2, sigma: 0.6 } },
  { key: 'batch-job', weight: 6, adoption: 0.3, decimals: 0, quantity: { kind: 'uniform', minUnits: 1, maxUnits: 3 } },
];

export function benchUsageConfig(size: BenchSize): UsageGeneratorConfig {
  return {
    ...TYPICAL_USAGE_SHAPE,
    seed: BENCH_SEED,
    ...SIZES[size],
    startMs: BENCH_START_MS,
    months: 12,
    features: BENCH_FEATURES,
    plans: [
      { planKey: 'starter', share: 0.45 },
      { planKey: 'pro', share: 0.25, intensity: 2 },
      { planKey: 'team', share: 0.08, segment: 'team', intensity: 4 },
      { planKey: 'enterprise', share: 0.02, segment: 'enterprise', intensity: 12 },
      { planKey: '', share: 0.2 },
    ],
  };
}
