// sql.js throws Error objects with SQLite's message, but a thrown value may be anything; users see only the text.

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
