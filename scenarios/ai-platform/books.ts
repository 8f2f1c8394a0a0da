// The AI/ML platform's price books with their roles and questions: the same three JSON documents the demo replays.

import baseline from './books/baseline.json' with { type: 'json' };
import rebalance from './books/rebalance.json' with { type: 'json' };
import rollover from './books/rollover.json' with { type: 'json' };
import type { ScenarioBookSource } from '../scenario-book-source';

export const AI_PLATFORM_BOOKS: readonly ScenarioBookSource[] = [
  {
    name: 'baseline',
    role: 'baseline',
    question: 'What do today’s Free, Pro, Team and Enterprise plans and packs earn, and where do customers run dry?',
    document: baseline,
  },
  {
    name: 'rebalance',
    role: 'candidate',
    question:
      'If fine-tuning and image generation burn more credits while tokens, embeddings and inference calls burn fewer, who pays more, and does margin follow cost?',
    document: rebalance,
  },
  {
    name: 'rollover',
    role: 'candidate',
    question:
      'What would shorter-lived packs and more generous rollover do to breakage, the deferred-revenue liability and the number of customers who lose credits?',
    document: rollover,
  },
];
