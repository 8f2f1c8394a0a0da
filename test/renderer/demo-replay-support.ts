// The AI/ML platform demo as the page builds it (three books, small dataset), replayed once per test file by core.

import { replay } from '../../core/engine/replay/replay';
import type { ReplayReport } from '../../core/engine/report/report-model';
import type { UsageDataset } from '../../core/engine/usage/dataset';
import { loadScenarioBooks, type ScenarioBook } from '../../scenarios/scenario-books';
import { buildScenarioDataset } from '../../scenarios/scenario-dataset';

export interface DemoReplay {
  books: ScenarioBook[];
  dataset: UsageDataset;
  reports: ReplayReport[];
}

let demo: DemoReplay | null = null;

export function demoReplay(): DemoReplay {
  if (demo !== null) return demo;
  const books = loadScenarioBooks('ai-platform');
  const dataset = buildScenarioDataset('ai-platform', 'small');
  const baseline = replay(books[0].book, dataset);
  demo = { books, dataset, reports: [baseline, ...books.slice(1).map((book) => replay(book.book, dataset, { baseline }))] };
  return demo;
}
