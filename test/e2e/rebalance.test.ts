import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { replay } from '../../core/engine/replay/replay';
import type { PriceBook } from '../../core/engine/price-book/model';
import { rebalanceFigures } from '../../renderer/screens/rebalance/rebalance-figures';
import { withFeatureBurn } from '../../renderer/screens/rebalance/what-if';
import { buildScenarioDataset, defaultScenarioSeed } from '../../scenarios/scenario-dataset';
import { loadScenarioBooks } from '../../scenarios/scenario-books';
import { RebalancePage } from './pages/rebalance-page';
import { WorkbenchPage } from './pages/workbench-page';
import { launchChromium, newWorkbenchContext } from './support/browser';

/** Each test opens the demo (built in the page on a first visit) and takes several steps; the machine is shared. */
const E2E_TEST_TIMEOUT_MS = 90_000;

let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
});

beforeEach(async () => {
  context = await newWorkbenchContext(browser);
});

afterEach(async () => {
  await context.close();
});

/** The figures core gives for the demo's baseline against `candidate`, over the demo's dataset, as the page writes them. */
function expectedFigures(candidate: PriceBook): string[][] {
  const dataset = buildScenarioDataset('ai-platform', 'small', defaultScenarioSeed('ai-platform'));
  const baseline = replay(loadScenarioBooks('ai-platform')[0].book, dataset);
  const other = replay(candidate, dataset, { baseline });
  return rebalanceFigures([baseline, other], 'en-US').map((row) => [row.label, ...row.values]);
}

describe('rebalancing burns', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  test('a typed burn, the slider and a what-if each replay the comparison, with core’s figures', async () => {
    const workbench = await WorkbenchPage.open(context, inject('webAppUrl'));
    const rebalance = await RebalancePage.show(workbench);
    expect(await rebalance.columns()).toEqual(['Figure', 'AI Platform — baseline (ai-platform) v1 as saved', 'AI Platform — baseline (ai-platform) v1 rebalanced']);
    const baselineBook = loadScenarioBooks('ai-platform')[0].book;

    await rebalance.typeBurn('LLM tokens', '1.25');
    // Replayed off the page's thread: the rebalance has its replay worker.
    expect(rebalance.page.workers().map((worker) => worker.url()).some((url) => url.includes('replay-worker'))).toBe(true);
    const dearerTokens = withFeatureBurn(baselineBook, 'tokens', '1.25');
    expect(await rebalance.figures()).toEqual(expectedFigures(dearerTokens));
    await workbench.screenshot('rebalance-01-tokens-dearer');

    // One step right on the slider is one step of 0.01 credits, exactly.
    await rebalance.slider('LLM tokens').focus();
    await rebalance.page.keyboard.press('ArrowRight');
    await rebalance.waitForComparison();
    expect(await rebalance.burnField('LLM tokens').inputValue()).toBe('1.26');

    const said = await rebalance.applyWhatIf('Embeddings', '+10');
    expect(said).toBe('Embeddings +10%: Applied to AI Platform — baseline (ai-platform) v1.');
    expect(await rebalance.burnField('Embeddings').inputValue()).toBe('0.055');
    await rebalance.waitForComparison();
    const both = withFeatureBurn(withFeatureBurn(baselineBook, 'tokens', '1.26'), 'embeddings', '0.055');
    expect(await rebalance.figures()).toEqual(expectedFigures(both));
  });

  test('a burn of zero says why at the value and keeps the last comparison', async () => {
    const workbench = await WorkbenchPage.open(context, inject('webAppUrl'));
    const rebalance = await RebalancePage.show(workbench);
    await rebalance.burnField('Embeddings').fill('0');
    await rebalance.page.locator('.burn-table .field-issue').waitFor();
    expect(await rebalance.page.locator('.burn-table .field-issue').allInnerTexts()).toEqual([
      'Feature "embeddings" burns 0 credits per unit; a burn must be greater than zero.',
    ]);
    await rebalance.page.locator('.rebalance-screen .problem').waitFor();
    expect(await rebalance.page.locator('.rebalance-screen .problem').innerText()).toBe(
      'The comparison waits until every burn is valid. AI Platform — baseline (ai-platform) v1: Feature "embeddings" burns 0 credits per unit; a burn must be greater than zero.',
    );
    expect(await rebalance.page.locator('section[data-result]').getAttribute('data-result')).toBe('stale');
    await workbench.screenshot('rebalance-02-burn-zero');
  });
});

describe('from rebalance to the editor', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  test('a rebalanced book opens in the editor as a draft, ready to be saved as a version', async () => {
    const workbench = await WorkbenchPage.open(context, inject('webAppUrl'));
    const rebalance = await RebalancePage.show(workbench);
    await rebalance.typeBurn('LLM tokens', '1.25');
    await rebalance.page.getByRole('button', { name: 'Open in the editor', exact: true }).click();
    await rebalance.page.getByRole('heading', { name: 'Price book editor' }).waitFor();
    expect(await rebalance.page.getByRole('textbox', { name: 'Burn per unit of LLM tokens', exact: true }).inputValue()).toBe('1.25');
    expect(await rebalance.page.locator('.draft-state').innerText()).toBe('Draft from v3 of 3: unsaved changes');
    expect(await rebalance.page.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).toBe('AI Platform — baseline');
  });
});
