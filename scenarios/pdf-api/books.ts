// The PDF generation API's price books, bundled as JSON modules so they load from any working directory.

import baseline from './books/baseline.json' with { type: 'json' };
import packLadder from './books/pack-ladder.json' with { type: 'json' };
import rebalance from './books/rebalance.json' with { type: 'json' };
import type { ScenarioBookSource } from '../scenario-book-source';

export const PDF_API_BOOKS: readonly ScenarioBookSource[] = [
  {
    name: 'baseline',
    role: 'baseline',
    question: 'What do today’s plans and packs earn per PDF, and how much comes from Starter, Business and Enterprise overage?',
    document: baseline,
  },
  {
    name: 'pack-ladder',
    role: 'candidate',
    question:
      'Would a ladder of packs up to 275,000 PDFs with volume bonuses lower what high-volume pay-as-you-go users pay per PDF, and how much pack revenue would it cost?',
    document: packLadder,
  },
  {
    name: 'rebalance',
    role: 'candidate',
    question:
      'If OCR and e-signatures burn closer to their cost while extra pages and merges burn less, which API customers pay more, and how much does the margin on OCR grow?',
    document: rebalance,
  },
];
