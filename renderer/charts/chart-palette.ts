// One colour per book, in the order books are compared (baseline first), shared by every chart so a book keeps its
// colour from chart to chart.

export const BOOK_COLOURS = ['#6b7280', '#2a5bd7', '#d9822b', '#1f9d6b', '#a23fbf'] as const;

export function bookColour(index: number): string {
  return BOOK_COLOURS[index % BOOK_COLOURS.length];
}
