// Which grant a burn draws from first. Every order ends in the same tie-break — grant time, then grant id — so
// two replays of the same history always draw the same credits.
//   soonest-expiry  earliest expiry first (never-expiring last), the default, as Orb and OpenMeter do
//   fifo            oldest grant first
//   by-kind         promotional, then adjustment, then included (with rolled-over), then purchased

import type { ConsumptionOrder } from '../price-book/model';

export enum OrderCode {
  SoonestExpiry = 0,
  Fifo = 1,
  ByKind = 2,
}

export function orderRank(order: ConsumptionOrder): OrderCode {
  return order === 'fifo' ? OrderCode.Fifo : order === 'by-kind' ? OrderCode.ByKind : OrderCode.SoonestExpiry;
}

/** The grant fields an order reads. */
export interface OrderedGrants {
  kind: Uint8Array;
  grantedAtMs: Float64Array;
  expiresAtMs: Float64Array;
}

/** Negative when grant a is drawn before grant b. Grant ids increase with creation, so id order is creation order. */
export function compareGrants(grants: OrderedGrants, order: OrderCode, a: number, b: number): number {
  if (order === OrderCode.SoonestExpiry) {
    const ea = grants.expiresAtMs[a];
    const eb = grants.expiresAtMs[b];
    if (ea !== eb) return ea < eb ? -1 : 1;
  } else if (order === OrderCode.ByKind) {
    const ka = grants.kind[a];
    const kb = grants.kind[b];
    if (ka !== kb) return ka - kb;
  }
  const ga = grants.grantedAtMs[a];
  const gb = grants.grantedAtMs[b];
  if (ga !== gb) return ga < gb ? -1 : 1;
  return a - b;
}
