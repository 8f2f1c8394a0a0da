// A built-in scenario's usage history at a size: its profile turned into a generator config and generated. The
// same slug, size and seed give byte-identical columns on every machine.

import type { UsageDataset } from '../core/engine/usage/dataset';
import type { ScenarioSlug } from './catalog';
import { generateUsage } from './generator/generate-usage';
import type { UsageGeneratorConfig } from './generator/generator-config';
import { SCENARIO_SOURCES } from './scenario-sources';
import { scenarioUsageConfig, type ScenarioSize } from './scenario-size';

/** The generator config of a scenario; `seed` defaults to the scenario's own. */
export function scenarioGeneratorConfig(slug: ScenarioSlug, size: ScenarioSize, seed?: number): UsageGeneratorConfig {
  return scenarioUsageConfig(SCENARIO_SOURCES[slug].usage, size, seed);
}

/** The scenario's seed when the caller names none. */
export function defaultScenarioSeed(slug: ScenarioSlug): number {
  return SCENARIO_SOURCES[slug].usage.defaultSeed;
}

export function buildScenarioDataset(slug: ScenarioSlug, size: ScenarioSize, seed?: number): UsageDataset {
  return generateUsage(scenarioGeneratorConfig(slug, size, seed));
}
