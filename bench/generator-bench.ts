// Generates the benchmark's dataset once and times it: the generator writes 10 million events straight into typed
// arrays, so its speed is itself a figure worth watching.

import type { UsageDataset } from '../core/engine/usage/dataset';
import { generateUsage } from '../scenarios/generator/generate-usage';
import type { UsageGeneratorConfig } from '../scenarios/generator/generator-config';
import { perSecond, timeOnce } from './measure';

export interface DatasetFigures {
  seed: number;
  customers: number;
  events: number;
  months: number;
  features: number;
  /** One cold run: this run is the dataset every other measurement uses. */
  generateMs: number;
  generateEventsPerSecond: number;
  /** Bytes of the event columns (time, customer, feature, quantity, customer offsets). */
  columnBytes: number;
}

export function datasetColumnBytes(dataset: UsageDataset): number {
  return (
    dataset.timeMs.byteLength +
    dataset.customerIndex.byteLength +
    dataset.featureIndex.byteLength +
    dataset.quantityMicros.byteLength +
    dataset.customerEventStart.byteLength
  );
}

export function benchGenerator(config: UsageGeneratorConfig): { dataset: UsageDataset; figures: DatasetFigures } {
  const { result: dataset, ms } = timeOnce(() => generateUsage(config));
  return {
    dataset,
    figures: {
      seed: config.seed,
      customers: config.customerCount,
      events: dataset.eventCount,
      months: config.months,
      features: config.features.length,
      generateMs: ms,
      generateEventsPerSecond: perSecond(dataset.eventCount, ms),
      columnBytes: datasetColumnBytes(dataset),
    },
  };
}
