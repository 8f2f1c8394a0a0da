// Where each built-in scenario's parts live: its usage profile (usage.ts) and its price books (books.ts). The one
// table that joins the catalog's slugs to the folders, so adding a scenario is one line here and one in catalog.ts.

import { AI_PLATFORM_BOOKS } from './ai-platform/books';
import { AI_PLATFORM_USAGE } from './ai-platform/usage';
import { ANALYTICS_BOOKS } from './analytics/books';
import { ANALYTICS_USAGE } from './analytics/usage';
import type { ScenarioSlug } from './catalog';
import { CI_CD_BOOKS } from './ci-cd/books';
import { CI_CD_USAGE } from './ci-cd/usage';
import { DATA_ENRICHMENT_BOOKS } from './data-enrichment/books';
import { DATA_ENRICHMENT_USAGE } from './data-enrichment/usage';
import { DESIGN_TOOL_BOOKS } from './design-tool/books';
import { DESIGN_TOOL_USAGE } from './design-tool/usage';
import { EMAIL_MARKETING_BOOKS } from './email-marketing/books';
import { EMAIL_MARKETING_USAGE } from './email-marketing/usage';
import { PDF_API_BOOKS } from './pdf-api/books';
import { PDF_API_USAGE } from './pdf-api/usage';
import type { ScenarioBookSource } from './scenario-book-source';
import type { ScenarioUsageProfile } from './scenario-size';
import { SCHEDULING_BOOKS } from './scheduling/books';
import { SCHEDULING_USAGE } from './scheduling/usage';
import { VIDEO_PLATFORM_BOOKS } from './video-platform/books';
import { VIDEO_PLATFORM_USAGE } from './video-platform/usage';

export interface ScenarioSource {
  usage: ScenarioUsageProfile;
  /** The baseline first, then the candidates. */
  books: readonly ScenarioBookSource[];
}

export const SCENARIO_SOURCES: Readonly<Record<ScenarioSlug, ScenarioSource>> = {
  'design-tool': { usage: DESIGN_TOOL_USAGE, books: DESIGN_TOOL_BOOKS },
  'email-marketing': { usage: EMAIL_MARKETING_USAGE, books: EMAIL_MARKETING_BOOKS },
  'data-enrichment': { usage: DATA_ENRICHMENT_USAGE, books: DATA_ENRICHMENT_BOOKS },
  scheduling: { usage: SCHEDULING_USAGE, books: SCHEDULING_BOOKS },
  'pdf-api': { usage: PDF_API_USAGE, books: PDF_API_BOOKS },
  'video-platform': { usage: VIDEO_PLATFORM_USAGE, books: VIDEO_PLATFORM_BOOKS },
  analytics: { usage: ANALYTICS_USAGE, books: ANALYTICS_BOOKS },
  'ci-cd': { usage: CI_CD_USAGE, books: CI_CD_BOOKS },
  'ai-platform': { usage: AI_PLATFORM_USAGE, books: AI_PLATFORM_BOOKS },
};
