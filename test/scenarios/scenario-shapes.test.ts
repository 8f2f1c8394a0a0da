// Each scenario's small history measured against the shapes scenarios/README.md promises: heavy-tailed customers,
// weekly and seasonal cycles, growth, churn, bursts and a mix of self-serve, enterprise and pack-buying customers.
// Trial users who never convert are measured through a replay in scenario-replays.test.ts.

import { describe, expect, it } from 'vitest';

import { SCENARIO_CATALOG } from '../../scenarios/catalog';
import { TRIAL_SEGMENT } from '../../scenarios/generator/customer-cohort';
import { generateUsage, usageWindow } from '../../scenarios/generator/generate-usage';
import { addUtcMonths } from '../../scenarios/generator/usage-calendar';
import { buildScenarioDataset, scenarioGeneratorConfig } from '../../scenarios/scenario-dataset';
import {
  activeCustomers,
  busiestDayRatio,
  churnMeasure,
  seasonalRatio,
  segmentMeasures,
  topCustomersShare,
  weekendToWeekdayRatio,
} from './usage-measures';

/** The month whose seasonal factor stands out most from its neighbours', and how much (factor ÷ their mean). */
function mostSeasonalMonth(seasonality: readonly number[]): { month: number; expectedRatio: number } {
  let best = { month: 0, expectedRatio: 1 };
  for (let month = 0; month < seasonality.length; month++) {
    const neighbours = [month - 1, month + 1].filter((other) => other >= 0 && other < seasonality.length).map((other) => seasonality[other]);
    const ratio = seasonality[month] / (neighbours.reduce((sum, factor) => sum + factor, 0) / neighbours.length);
    if (Math.abs(Math.log(ratio)) > Math.abs(Math.log(best.expectedRatio))) best = { month, expectedRatio: ratio };
  }
  return best;
}

describe.each(SCENARIO_CATALOG.map((entry) => entry.slug))('the %s history (small)', (slug) => {
  const config = scenarioGeneratorConfig(slug, 'small');
  const dataset = buildScenarioDataset(slug, 'small');
  const { fromMs, toMs } = usageWindow(config);

  it('is heavy-tailed: the top 10 % of customers make at least half of the events', () => {
    expect(topCustomersShare(dataset, 0.1)).toBeGreaterThanOrEqual(0.5);
  });

  it('has a weekly cycle: weekend days carry the configured share of a weekday', () => {
    expect(config.weekendFactor).toBeLessThan(1);
    expect(weekendToWeekdayRatio(dataset, fromMs, toMs)).toBeCloseTo(config.weekendFactor, 1);
  });

  it('has a seasonal cycle: its peak or lull month stands out from the months beside it', () => {
    const { month, expectedRatio } = mostSeasonalMonth(config.seasonality);
    expect(Math.abs(expectedRatio - 1)).toBeGreaterThanOrEqual(0.2);
    const measured = seasonalRatio(dataset, config.startMs, config.months, month);
    expect(Math.sign(measured - 1)).toBe(Math.sign(expectedRatio - 1));
    expect(Math.abs(Math.log(measured))).toBeGreaterThanOrEqual(0.5 * Math.abs(Math.log(expectedRatio)));
    expect(Math.abs(measured - expectedRatio)).toBeLessThanOrEqual(0.2);
  });

  it('grows: more customers are active in the last month than in the first', () => {
    const first = activeCustomers(dataset, fromMs, addUtcMonths(fromMs, 1));
    const last = activeCustomers(dataset, addUtcMonths(fromMs, config.months - 1), toMs);
    expect(last).toBeGreaterThan(first * 1.2);
  });

  it('churns: paying customers leave after using the product, and nothing happens after they leave', () => {
    const churn = churnMeasure(dataset);
    expect(churn.churned).toBeGreaterThanOrEqual(0.05 * dataset.customers.ids.length);
    expect(churn.churnedAfterUse).toBeGreaterThan(churn.churned / 2);
    expect(churn.eventsAfterEnd).toBe(0);
  });

  it('has bursts: heavy customers’ busiest day is several times their average, unlike the same history without bursts', () => {
    const withBursts = busiestDayRatio(dataset, toMs, 300);
    const withoutBursts = busiestDayRatio(generateUsage({ ...config, bursts: { ...config.bursts, dailyChance: 0 } }), toMs, 300);
    expect(withBursts.customers).toBeGreaterThanOrEqual(20);
    expect(withBursts.medianRatio).toBeGreaterThanOrEqual(3);
    expect(withoutBursts.medianRatio).toBeLessThan(3);
  });

  it('mixes self-serve, enterprise and pack-buying customers, with a few enterprises using the most each', () => {
    const segments = segmentMeasures(dataset);
    const customerCount = dataset.customers.ids.length;
    const enterprise = segments.get('enterprise');
    const selfServe = segments.get('self-serve');
    expect(enterprise && selfServe && segments.get('pack')).toBeTruthy();
    if (!enterprise || !selfServe) return;
    expect(enterprise.customers).toBeLessThanOrEqual(0.03 * customerCount);
    expect(enterprise.events).toBeGreaterThanOrEqual(0.1 * dataset.eventCount);
    expect(enterprise.events / enterprise.customers).toBeGreaterThanOrEqual(5 * (selfServe.events / selfServe.customers));
  });

  it('has trial users without a plan, who leave after their trial', () => {
    const trials = dataset.customers.segments.flatMap((segment, customer) => (segment === TRIAL_SEGMENT ? [customer] : []));
    expect(trials.length).toBeGreaterThanOrEqual(0.1 * dataset.customers.ids.length);
    for (const customer of trials) {
      expect(dataset.customers.planKeys[customer]).toBe('');
      expect(dataset.customers.endMs[customer] - dataset.customers.startMs[customer]).toBe(config.trial.days * 86_400_000);
    }
  });
});
