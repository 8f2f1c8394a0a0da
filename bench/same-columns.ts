// Byte equality of two datasets' event columns: an import or a load measured by the bench must give back exactly
// the history it was handed, or its speed means nothing.

import type { UsageDataset } from '../core/engine/usage/dataset';

function sameBytes(a: ArrayBufferView, b: ArrayBufferView): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

export function sameColumns(a: UsageDataset, b: UsageDataset): boolean {
  return (
    a.eventCount === b.eventCount &&
    sameBytes(a.timeMs, b.timeMs) &&
    sameBytes(a.customerIndex, b.customerIndex) &&
    sameBytes(a.featureIndex, b.featureIndex) &&
    sameBytes(a.quantityMicros, b.quantityMicros) &&
    sameBytes(a.customerEventStart, b.customerEventStart) &&
    a.featureKeys.join('\n') === b.featureKeys.join('\n') &&
    a.customers.ids.join('\n') === b.customers.ids.join('\n')
  );
}
