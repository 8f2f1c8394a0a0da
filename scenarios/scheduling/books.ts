// The scheduling app's price books, bundled as JSON modules so they load from any working directory.

import baseline from './books/baseline.json' with { type: 'json' };
import rollover from './books/rollover.json' with { type: 'json' };
import trialCredits from './books/trial-credits.json' with { type: 'json' };
import type { ScenarioBookSource } from '../scenario-book-source';

export const SCHEDULING_BOOKS: readonly ScenarioBookSource[] = [
  {
    name: 'baseline',
    role: 'baseline',
    question: 'What do today’s plans, packs and 14-day trial earn, and how many Free and Standard users run out of credits?',
    document: baseline,
  },
  {
    name: 'trial-credits',
    role: 'candidate',
    question:
      'Would 60 credits that never expire, in place of a 14-day trial with 300, turn more trial users into pack buyers, and how many fewer credits would we give away?',
    document: trialCredits,
  },
  {
    name: 'rollover',
    role: 'candidate',
    question:
      'How much breakage would longer-lived credits (rollover on Standard and Teams, packs valid a year) give up, and how much would the deferred-revenue liability grow?',
    document: rollover,
  },
];
