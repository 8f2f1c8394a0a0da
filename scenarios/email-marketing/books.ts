// The email marketing platform's price books, bundled as JSON modules so they load from any working directory.

import baseline from './books/baseline.json' with { type: 'json' };
import packLadder from './books/pack-ladder.json' with { type: 'json' };
import rollover from './books/rollover.json' with { type: 'json' };
import type { ScenarioBookSource } from '../scenario-book-source';

export const EMAIL_MARKETING_BOOKS: readonly ScenarioBookSource[] = [
  {
    name: 'baseline',
    role: 'baseline',
    question: 'What do today’s plans and pay-as-you-go packs earn, and how much of the monthly email allowance expires unused?',
    document: baseline,
  },
  {
    name: 'pack-ladder',
    role: 'candidate',
    question:
      'Would a four-step pack ladder with volume bonuses change what pay-as-you-go senders pay, or only discount credits they would have bought anyway?',
    document: packLadder,
  },
  {
    name: 'rollover',
    role: 'candidate',
    question:
      'If unused Essentials and Standard credits carried into the next month, how much breakage would we give up, and how much overage would customers stop paying?',
    document: rollover,
  },
];
