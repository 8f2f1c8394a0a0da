// The PDF API's usage: applications render invoices, reports and tickets all week (less at weekends), with extra
// pages, screenshots and merges on the side and OCR and e-signatures for a few. March (quarter end and tax season)
// is the peak, nightly batch jobs bring bursts, and a handful of integrations render most of the PDFs.

import { scenarioUsageConfig, type ScenarioSize, type ScenarioUsageProfile } from '../scenario-size';
import type { UsageGeneratorConfig } from '../generator/generator-config';

export const PDF_API_USAGE: ScenarioUsageProfile = {
  defaultSeed: 20_250_205,
  customerIdPrefix: 'pdf_',
  features: [
    { key: 'pdf-render', weight: 40, decimals: 0, quantity: { kind: 'log-normal', medianUnits: 55, sigma: 1.4, minUnits: 1, maxUnits: 200_000 } },
    { key: 'extra-pages', weight: 15, adoption: 0.4, decimals: 0, quantity: { kind: 'log-normal', medianUnits: 130, sigma: 1.2, minUnits: 1, maxUnits: 100_000 } },
    { key: 'screenshot', weight: 15, adoption: 0.35, decimals: 0, quantity: { kind: 'log-normal', medianUnits: 33, sigma: 1.2, minUnits: 1, maxUnits: 100_000 } },
    { key: 'pdf-merge', weight: 10, adoption: 0.3, decimals: 0, quantity: { kind: 'log-normal', medianUnits: 18, sigma: 1, minUnits: 1, maxUnits: 20_000 } },
    { key: 'ocr', weight: 6, adoption: 0.15, decimals: 0, quantity: { kind: 'log-normal', medianUnits: 45, sigma: 1.2, minUnits: 1, maxUnits: 50_000 } },
    { key: 'e-signature', weight: 3, adoption: 0.1, decimals: 0, quantity: { kind: 'uniform', minUnits: 2, maxUnits: 10 } },
  ],
  plans: [
    { planKey: 'hobby', share: 0.35, segment: 'free', intensity: 0.1 },
    { planKey: 'starter', share: 0.25, intensity: 1.5 },
    { planKey: 'business', share: 0.08, intensity: 18 },
    { planKey: 'enterprise', share: 0.012, segment: 'enterprise', intensity: 70 },
    { planKey: '', share: 0.3, intensity: 0.8 },
  ],
  shape: {
    monthlyChurnRate: 0.025,
    growth: { initialShare: 0.4, monthlyGrowthRate: 0.06 },
    trial: { share: 0.2, days: 30, intensity: 0.1, planKey: '' },
    intensity: { kind: 'pareto', alpha: 1.1, cap: 5000 },
    weekendFactor: 0.6,
    seasonality: [1, 1, 1.35, 1.05, 1, 1, 0.95, 0.9, 1, 1.05, 1, 0.95],
    bursts: { dailyChance: 0.03, maxDays: 2, factor: 8 },
  },
};

export function pdfApiUsageConfig(size: ScenarioSize, seed?: number): UsageGeneratorConfig {
  return scenarioUsageConfig(PDF_API_USAGE, size, seed);
}
