// The design tool's price books, bundled as JSON modules so they load from any working directory and in any build.

import baseline from './books/baseline.json' with { type: 'json' };
import rebalance from './books/rebalance.json' with { type: 'json' };
import trialCredits from './books/trial-credits.json' with { type: 'json' };
import type { ScenarioBookSource } from '../scenario-book-source';

export const DESIGN_TOOL_BOOKS: readonly ScenarioBookSource[] = [
  {
    name: 'baseline',
    role: 'baseline',
    question: 'What do today’s plans, packs and 14-day trial earn, and how much of the credits sold go unused?',
    document: baseline,
  },
  {
    name: 'rebalance',
    role: 'candidate',
    question:
      'If AI images, background removal and video exports burn closer to what they cost us and print PDFs burn half as much, who pays more, and how much does the margin on AI features grow?',
    document: rebalance,
  },
  {
    name: 'trial-credits',
    role: 'candidate',
    question:
      'Would 50 free credits that never expire, in place of a 14-day trial with 200, move more trial users and pack buyers to pay, and how many fewer credits would we give away?',
    document: trialCredits,
  },
];
