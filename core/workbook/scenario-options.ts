// The behaviour options a scenario stores, read into what a replay applies: the end of the replay window, and a plan
// mapping that moves the customers of one plan onto another for the candidate books (a candidate that renamed or
// merged plans can then replay the same history). Options this build does not apply are named, never dropped.

import type { UsageDataset } from '../engine/usage/dataset';
import type { JsonValue } from './repositories/scenarios';
import { fail, succeed, type WorkbookResult } from './workbook-problem';

export interface ScenarioReplayOptions {
  /** End of the replay window (exclusive, epoch ms) for every book; null: the engine's default. */
  toMs: number | null;
  /** Plan key the history names → plan key the candidate books replay it under ('' is no plan). */
  planMapping: ReadonlyMap<string, string>;
}

export interface ReadScenarioOptions extends ScenarioReplayOptions {
  /** Stored options this build does not apply (kept as they are), in stored order. */
  notApplied: string[];
}

const TO_MS = 'toMs';
const PLAN_MAPPING = 'planMapping';

/**
 * The options as stored JSON: only what is set, keys in a fixed order and plans sorted, so equal options are equal
 * text (runs hash the text: the same mapping given in another order must not make them stale).
 */
export function scenarioOptionsJson(options: ScenarioReplayOptions): JsonValue {
  const json: { [key: string]: JsonValue } = {};
  if (options.toMs !== null) json[TO_MS] = options.toMs;
  if (options.planMapping.size > 0) {
    const sorted = [...options.planMapping].sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
    json[PLAN_MAPPING] = Object.fromEntries(sorted);
  }
  return json;
}

export function readScenarioOptions(options: JsonValue): WorkbookResult<ReadScenarioOptions> {
  if (!isObject(options)) return invalid('they are not a set of named options');
  let toMs: number | null = null;
  const planMapping = new Map<string, string>();
  const notApplied: string[] = [];
  for (const [key, value] of Object.entries(options)) {
    if (key === TO_MS) {
      // The window's end is compared with event times, which are whole epoch milliseconds.
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) return invalid(`${TO_MS} must be whole epoch milliseconds; it is ${JSON.stringify(value)}`);
      toMs = value;
    } else if (key === PLAN_MAPPING) {
      if (!isObject(value)) return invalid(`${PLAN_MAPPING} must map plan keys to plan keys; it is ${JSON.stringify(value)}`);
      for (const [from, to] of Object.entries(value)) {
        if (typeof to !== 'string') return invalid(`${PLAN_MAPPING} maps plan "${from}" to ${JSON.stringify(to)}, not to a plan key`);
        planMapping.set(from, to);
      }
    } else {
      notApplied.push(key);
    }
  }
  return succeed({ toMs, planMapping, notApplied });
}

export interface PlanMove {
  fromPlanKey: string;
  toPlanKey: string;
  /** Customers of the dataset on `fromPlanKey`; 0 when the mapping names a plan nobody is on. */
  customerCount: number;
}

/**
 * The dataset with each customer's plan key mapped; events and everything else are shared, not copied. Customers on
 * a plan the mapping does not name keep it.
 */
export function applyPlanMapping(dataset: UsageDataset, planMapping: ReadonlyMap<string, string>): { dataset: UsageDataset; moves: PlanMove[] } {
  if (planMapping.size === 0) return { dataset, moves: [] };
  const counts = new Map<string, number>();
  const planKeys = dataset.customers.planKeys.map((key) => {
    const mapped = planMapping.get(key);
    if (mapped === undefined) return key;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    return mapped;
  });
  const moves = [...planMapping].map(([fromPlanKey, toPlanKey]) => ({ fromPlanKey, toPlanKey, customerCount: counts.get(fromPlanKey) ?? 0 }));
  return { dataset: { ...dataset, customers: { ...dataset.customers, planKeys } }, moves };
}

function isObject(value: JsonValue): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(why: string): WorkbookResult<never> {
  return fail('scenario_options_invalid', `The scenario's options cannot be applied: ${why}.`);
}
