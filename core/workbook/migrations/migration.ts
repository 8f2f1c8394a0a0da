// The shape of one schema step. A migration that has shipped is never edited: files in users' hands were made by
// it, and the committed version-1 fixture is checked against the code that upgrades it.

export interface Migration {
  /** The user_version the file has after this migration. */
  version: number;
  name: string;
  /** SQL run inside one transaction together with setting user_version. */
  sql: string;
}
