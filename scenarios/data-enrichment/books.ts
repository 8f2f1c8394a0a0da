// The data enrichment service's price books, bundled as JSON modules so they load from any working directory.

import baseline from './books/baseline.json' with { type: 'json' };
import packLadder from './books/pack-ladder.json' with { type: 'json' };
import rebalance from './books/rebalance.json' with { type: 'json' };
import type { ScenarioBookSource } from '../scenario-book-source';

export const DATA_ENRICHMENT_BOOKS: readonly ScenarioBookSource[] = [
  {
    name: 'baseline',
    role: 'baseline',
    question:
      'What do today’s plans and packs earn, and how does breakage recognised in proportion to use (20 % expected) compare with what actually expires?',
    document: baseline,
  },
  {
    name: 'rebalance',
    role: 'candidate',
    question:
      'If mobile numbers burn 15 credits while verification and CRM refreshes burn less, who pays more, and does phone data stop losing money on Enterprise credits?',
    document: rebalance,
  },
  {
    name: 'pack-ladder',
    role: 'candidate',
    question: 'Would packs up to 100,000 credits at volume discounts lower what pack buyers pay per lookup, and how much pack revenue would that cost?',
    document: packLadder,
  },
];
