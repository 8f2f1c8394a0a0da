// The small AI platform usage history used by the command tests (test/fixtures/usage), read once.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../fixtures/usage/${name}`, import.meta.url)), 'utf8');
}

/** 5 customers, one per plan and one without a plan, January to March 2025. */
export const CUSTOMERS_CSV = fixture('ai-customers.csv');
/** 21 events of the five features of the AI platform books. */
export const EVENTS_CSV = fixture('ai-events.csv');
