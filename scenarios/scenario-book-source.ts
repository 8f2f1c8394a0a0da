// How a built-in scenario lists its price books: each book's JSON document as shipped, whether it is the baseline
// or a candidate, and the one question the book answers. Documents stay unchecked `unknown` until loaded.

export type ScenarioBookRole = 'baseline' | 'candidate';

export interface ScenarioBookSource {
  /** The book's file name without .json: "baseline", "rebalance". */
  name: string;
  role: ScenarioBookRole;
  /** The one question a pricing or finance team answers by replaying this book. */
  question: string;
  /** The JSON document of scenarios/<slug>/books/<name>.json. */
  document: unknown;
}
