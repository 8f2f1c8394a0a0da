// The analytics service's price books, bundled as JSON modules so they load from any working directory.

import annualPool from './books/annual-pool.json' with { type: 'json' };
import baseline from './books/baseline.json' with { type: 'json' };
import trialCredits from './books/trial-credits.json' with { type: 'json' };
import type { ScenarioBookSource } from '../scenario-book-source';

export const ANALYTICS_BOOKS: readonly ScenarioBookSource[] = [
  {
    name: 'baseline',
    role: 'baseline',
    question: 'What do today’s plans and packs earn, and how much of the monthly Growth and Scale allowances expires unused?',
    document: baseline,
  },
  {
    name: 'annual-pool',
    role: 'candidate',
    question:
      'If Scale customers bought a year’s credits up front (10 % off) instead of a monthly allowance that expires, how much breakage would we give up, and how would cash and the deferred-revenue liability change?',
    document: annualPool,
  },
  {
    name: 'trial-credits',
    role: 'candidate',
    question: 'Would 250 credits that never expire, in place of a 14-day trial with 1,000, turn more trial users into pack buyers, and how many would run dry?',
    document: trialCredits,
  },
];
