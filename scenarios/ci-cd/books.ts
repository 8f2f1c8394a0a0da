// The CI/CD service's price books, bundled as JSON modules so they load from any working directory.

import baseline from './books/baseline.json' with { type: 'json' };
import packLadder from './books/pack-ladder.json' with { type: 'json' };
import rebalance from './books/rebalance.json' with { type: 'json' };
import type { ScenarioBookSource } from '../scenario-book-source';

export const CI_CD_BOOKS: readonly ScenarioBookSource[] = [
  {
    name: 'baseline',
    role: 'baseline',
    question: 'What do today’s plans and packs earn, and which runners lose money on the cheapest (Enterprise) credits?',
    document: baseline,
  },
  {
    name: 'rebalance',
    role: 'candidate',
    question:
      'If macOS and GPU minutes burn what the hardware costs us while Windows minutes and artifact uploads burn less, which teams pay more, and do macOS and GPU runners stop losing money on Enterprise?',
    document: rebalance,
  },
  {
    name: 'pack-ladder',
    role: 'candidate',
    question:
      'Would a ladder of packs up to 575,000 credits, with volume bonuses that never expire, lower what pay-as-you-go teams pay per minute, and how much pack revenue would it cost?',
    document: packLadder,
  },
];
