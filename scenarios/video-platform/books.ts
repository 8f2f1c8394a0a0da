// The video platform's price books, bundled as JSON modules so they load from any working directory.

import baseline from './books/baseline.json' with { type: 'json' };
import expiry from './books/expiry.json' with { type: 'json' };
import rebalance from './books/rebalance.json' with { type: 'json' };
import type { ScenarioBookSource } from '../scenario-book-source';

export const VIDEO_PLATFORM_BOOKS: readonly ScenarioBookSource[] = [
  {
    name: 'baseline',
    role: 'baseline',
    question: 'What do today’s plans and packs earn, how much of it is Creator overage, and how much expires unused?',
    document: baseline,
  },
  {
    name: 'rebalance',
    role: 'candidate',
    question:
      'If 4K transcoding and AI clips burn closer to their GPU cost while streaming and captions burn less, whose bills rise, and does 4K stop losing money on Enterprise credits?',
    document: rebalance,
  },
  {
    name: 'expiry',
    role: 'candidate',
    question: 'How much more breakage would 90-day packs and no rollover on Business bring, and how many customers would lose credits they paid for?',
    document: expiry,
  },
];
