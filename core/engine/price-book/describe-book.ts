// Short phrases for the tagged parts of a price book (expiries, rollovers, what happens when credits run out),
// so a diff can say what a plan did before and after in words rather than as JSON.

import { countText, decimalDisplay, moneyDisplay } from './amount-text';
import type { BreakageMethod, BurnTier, IncludedExpiry, PackExpiry, Rollover, WhenExhausted } from './model';

/** "up to 600 units: 40, up to 3000 units: 35, beyond: 30 credits per unit". */
export function describeTiers(tiers: BurnTier[]): string {
  if (tiers.length === 0) return 'no tiers';
  const parts = tiers.map((tier) =>
    tier.upToUnits === null
      ? `beyond: ${decimalDisplay(tier.burnPerUnit)}`
      : `up to ${decimalDisplay(tier.upToUnits)} units: ${decimalDisplay(tier.burnPerUnit)}`,
  );
  return `${parts.join(', ')} credits per unit`;
}

export function describeIncludedExpiry(expiry: IncludedExpiry): string {
  if (expiry.kind === 'end-of-period') return 'at the end of each period';
  if (expiry.kind === 'days') return `after ${countText(expiry.days, 'day', 'days')}`;
  return 'never';
}

export function describePackExpiry(expiry: PackExpiry): string {
  return expiry.kind === 'days' ? `after ${countText(expiry.days, 'day', 'days')}` : 'never';
}

export function describeRollover(rollover: Rollover): string {
  if (rollover.kind === 'none') return 'none';
  const expiry = `expiring after ${countText(rollover.expiresAfterPeriods, 'period', 'periods')}`;
  if (rollover.kind === 'percent') return `${decimalDisplay(rollover.percent)}% of included credits, ${expiry}`;
  return `up to ${decimalDisplay(rollover.credits)} credits, ${expiry}`;
}

export function describeWhenExhausted(rule: WhenExhausted, currency: string): string {
  switch (rule.kind) {
    case 'block':
      return 'block usage';
    case 'overage':
      return `bill overage at ${moneyDisplay(rule.pricePerCredit, currency)} per credit`;
    case 'auto-top-up':
      return `buy pack "${rule.packKey}" when the balance falls below ${decimalDisplay(rule.thresholdCredits)} credits`;
    case 'negative-balance':
      return `allow a negative balance down to -${decimalDisplay(rule.limitCredits)} credits`;
  }
}

export function describeBreakage(breakage: BreakageMethod): string {
  return breakage.method === 'proportional'
    ? `in proportion to use, expected breakage rate ${decimalDisplay(breakage.expectedRate)}`
    : 'at expiry';
}
