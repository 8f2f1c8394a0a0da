// The built-in AI/ML platform sample's price books, bundled as JSON modules so the demo finds them from any working
// directory and in any build. They are unchecked input like any book: callers validate them before use.

import baseline from './books/baseline.json' with { type: 'json' };
import rebalance from './books/rebalance.json' with { type: 'json' };
import rollover from './books/rollover.json' with { type: 'json' };

/** The baseline first, then the candidates: a burn rebalance and an expiry/rollover change. */
export const AI_PLATFORM_DEMO_BOOKS: readonly unknown[] = [baseline, rebalance, rollover];
