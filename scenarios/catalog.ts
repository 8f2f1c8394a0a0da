// The built-in scenarios as users pick them: nine businesses that price in credits, each named by a slug (its
// folder under scenarios/), with what a credit buys there. Exactly one is the default: the AI/ML platform, which a
// first start opens with no set-up.

export type ScenarioSlug =
  | 'design-tool'
  | 'email-marketing'
  | 'data-enrichment'
  | 'scheduling'
  | 'pdf-api'
  | 'video-platform'
  | 'analytics'
  | 'ci-cd'
  | 'ai-platform';

export interface ScenarioCatalogEntry {
  slug: ScenarioSlug;
  name: string;
  /** The headline rate, in the words the business uses: "1 credit = 1 high-res export". */
  creditBuys: string;
  /** The headline rate as the baseline book prices it: the feature and its burn per unit (a decimal string). */
  headline: { featureKey: string; burnPerUnit: string };
  /** One sentence on the business, its customers and its plans. */
  summary: string;
  isDefault: boolean;
}

export const SCENARIO_CATALOG: readonly ScenarioCatalogEntry[] = [
  {
    slug: 'design-tool',
    name: 'Design tool',
    creditBuys: '1 credit = 1 high-res export',
    headline: { featureKey: 'hires-export', burnPerUnit: '1' },
    summary: 'A browser design tool: exports, print PDFs, background removal, AI images and video exports on Starter, Pro, Team and Enterprise plans, with packs and a 14-day trial.',
    isDefault: false,
  },
  {
    slug: 'email-marketing',
    name: 'Email marketing',
    creditBuys: '1 credit = 100 emails sent',
    headline: { featureKey: 'campaign-emails', burnPerUnit: '1' },
    summary: 'An email marketing platform: campaign and transactional email, SMS, list verification and AI copy on Free, Essentials, Standard and Enterprise, with pay-as-you-go packs.',
    isDefault: false,
  },
  {
    slug: 'data-enrichment',
    name: 'Data enrichment',
    creditBuys: '2 credits = 1 company profile lookup',
    headline: { featureKey: 'company-profile', burnPerUnit: '2' },
    summary: 'A B2B data enrichment service: company profiles, work emails, mobile numbers, verification and CRM refreshes on Basic, Professional, Organization and Enterprise, with packs.',
    isDefault: false,
  },
  {
    slug: 'scheduling',
    name: 'Scheduling',
    creditBuys: '5 credits = 1 branded booking page',
    headline: { featureKey: 'branded-page', burnPerUnit: '5' },
    summary: 'An appointment scheduling app: branded booking pages, bookings, SMS reminders, AI meeting notes and paid bookings on Free, Standard, Teams and Enterprise, with packs and a 14-day trial.',
    isDefault: false,
  },
  {
    slug: 'pdf-api',
    name: 'PDF generation API',
    creditBuys: '1 credit = 1 PDF rendered',
    headline: { featureKey: 'pdf-render', burnPerUnit: '1' },
    summary: 'A PDF generation API: rendered PDFs, extra pages, screenshots, merges, OCR and e-signatures on Hobby, Starter, Business and Enterprise, with packs.',
    isDefault: false,
  },
  {
    slug: 'video-platform',
    name: 'Video platform',
    creditBuys: '10 credits = 1 minute of HD transcoding',
    headline: { featureKey: 'hd-transcoding', burnPerUnit: '10' },
    summary: 'A video hosting platform: HD and 4K transcoding, streaming, captions and AI clips on Creator, Business and Enterprise, with packs.',
    isDefault: false,
  },
  {
    slug: 'analytics',
    name: 'Analytics',
    creditBuys: '1 credit = 10,000 events processed',
    headline: { featureKey: 'events', burnPerUnit: '1' },
    summary: 'A product analytics service: events, session recordings, warehouse syncs, AI queries and historical imports on Free, Growth, Scale and Enterprise, with packs and a 14-day trial.',
    isDefault: false,
  },
  {
    slug: 'ci-cd',
    name: 'CI/CD',
    creditBuys: '1 credit = 1 build minute',
    headline: { featureKey: 'linux-minutes', burnPerUnit: '1' },
    summary: 'A hosted CI/CD service: Linux, Windows, macOS and GPU build minutes and artifact uploads on Free, Team, Business and Enterprise, with packs.',
    isDefault: false,
  },
  {
    slug: 'ai-platform',
    name: 'AI/ML platform',
    creditBuys: '1 credit = 1,000 tokens generated, or 1 model inference call',
    headline: { featureKey: 'tokens', burnPerUnit: '1' },
    summary: 'An AI/ML platform: LLM tokens, inference calls, fine-tuning, embeddings and image generation on Free, Pro, Team and Enterprise, with packs.',
    isDefault: true,
  },
];

export const DEFAULT_SCENARIO_SLUG: ScenarioSlug = 'ai-platform';

/** The entry with this slug, or null when there is none (a name typed by a user may be anything). */
export function findScenario(slug: string): ScenarioCatalogEntry | null {
  return SCENARIO_CATALOG.find((entry) => entry.slug === slug) ?? null;
}
