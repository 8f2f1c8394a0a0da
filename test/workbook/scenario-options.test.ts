import { describe, expect, test } from 'vitest';
import { applyPlanMapping, readScenarioOptions, scenarioOptionsJson } from '../../core/workbook/scenario-options';
import { smallDataset, valueOf } from './workbook-support';

describe('reading the options a scenario stores', () => {
  test('no options replay with the engine defaults', () => {
    expect(valueOf(readScenarioOptions({}))).toEqual({ toMs: null, planMapping: new Map(), notApplied: [] });
  });

  test('the window end and the plan mapping are read; options this build does not apply are named', () => {
    const read = valueOf(readScenarioOptions({ fromMs: 0, toMs: Date.UTC(2025, 6, 1), planMapping: { pro: 'pro-2025', free: '' }, topUpRules: [] }));
    expect(read).toEqual({ toMs: Date.UTC(2025, 6, 1), planMapping: new Map([['pro', 'pro-2025'], ['free', '']]), notApplied: ['fromMs', 'topUpRules'] });
  });

  test.each([
    [[], "The scenario's options cannot be applied: they are not a set of named options."],
    [{ toMs: '2025-07-01' }, 'The scenario\'s options cannot be applied: toMs must be whole epoch milliseconds; it is "2025-07-01".'],
    [{ toMs: 1.5 }, "The scenario's options cannot be applied: toMs must be whole epoch milliseconds; it is 1.5."],
    [{ planMapping: ['pro'] }, 'The scenario\'s options cannot be applied: planMapping must map plan keys to plan keys; it is ["pro"].'],
    [{ planMapping: { pro: 2 } }, 'The scenario\'s options cannot be applied: planMapping maps plan "pro" to 2, not to a plan key.'],
  ])('options %j are refused with a sentence', (options, message) => {
    expect(readScenarioOptions(options)).toEqual({ ok: false, problem: { code: 'scenario_options_invalid', message } });
  });

  test('stored options read back as they were, and the same mapping in another order is the same text', () => {
    const options = { toMs: Date.UTC(2025, 3, 1), planMapping: new Map([['team', 'pro'], ['free', 'starter']]) };
    expect(valueOf(readScenarioOptions(scenarioOptionsJson(options)))).toEqual({ ...options, notApplied: [] });
    const reordered = { ...options, planMapping: new Map([['free', 'starter'], ['team', 'pro']]) };
    expect(JSON.stringify(scenarioOptionsJson(reordered))).toBe(JSON.stringify(scenarioOptionsJson(options)));
    expect(scenarioOptionsJson({ toMs: null, planMapping: new Map() })).toEqual({});
  });
});

describe('mapping plans for the candidate books', () => {
  test('customers on a mapped plan move, the others keep theirs, and the events are shared, not copied', () => {
    const dataset = smallDataset();
    const { dataset: mapped, moves } = applyPlanMapping(dataset, new Map([['pro', 'pro-2025'], ['gold', 'pro']]));
    expect(mapped.customers.planKeys).toEqual(['pro-2025', '', 'pro-2025']);
    expect(moves).toEqual([
      { fromPlanKey: 'pro', toPlanKey: 'pro-2025', customerCount: 2 },
      { fromPlanKey: 'gold', toPlanKey: 'pro', customerCount: 0 },
    ]);
    expect(dataset.customers.planKeys).toEqual(['pro', '', 'pro']);
    expect(mapped.timeMs).toBe(dataset.timeMs);
    expect(mapped.customers.ids).toBe(dataset.customers.ids);
  });

  test('an empty mapping hands back the very dataset', () => {
    const dataset = smallDataset();
    expect(applyPlanMapping(dataset, new Map()).dataset).toBe(dataset);
  });
});
