// The hand-made two-book report used to test the renderings before (and apart from) the engine.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { ReplayReport } from '../../core/engine/report/report-model';

const FIXTURE = fileURLToPath(new URL('../fixtures/reports/two-books.json', import.meta.url));

/** A fresh copy each call, so a test may change it. */
export function twoBookReports(): ReplayReport[] {
  return (JSON.parse(readFileSync(FIXTURE, 'utf8')) as { reports: ReplayReport[] }).reports;
}
