// Who said what in real wire copy (a public-domain VOA report from the development set,
// tests/fixtures/eval-dev/16.txt): analysts, two named experts quoted over several sentences,
// a pronoun after a quotation and an institution; why each attribution was made and how sure
// it is, on the card, in the tooltip and in the table; the "confident attributions only" filter.
import { test, expect, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

const text = readFileSync('fixtures/eval-dev/16.txt', 'utf8');
const items = (page: Page) => page.locator('svg.timeline g.item');

async function open(page: Page, query = '') {
  await page.route('**/real-news-16.txt', (route) => route.fulfill({ status: 200, contentType: 'text/plain; charset=utf-8', body: text }));
  await page.goto(`./?src=real-news-16.txt${query}`);
  await expect(page.locator('.article-body p').first()).toBeVisible();
  await expect(page.locator('svg.timeline, table.statements')).toBeVisible();
}

test('real wire copy: every quoted sentence has its speaker, with the reason and how sure', async ({ page }) => {
  await open(page);
  await expect(items(page)).toHaveCount(12);
  const speakers = await items(page).evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')!.split(' ').slice(0, 2).join(' ')));
  expect(speakers).toEqual([
    'analysts say', 'Steven Gruzd', 'Steven Gruzd', 'Steven Gruzd', 'Charles Bouessel', 'Charles Bouessel',
    'Charles Bouessel', 'Steven Gruzd', 'Steven Gruzd', 'Steven Gruzd', 'Steven Gruzd', 'Treasury Department',
  ]);
  // A sentence inside a quotation: carried over from its attribution, medium confidence.
  await expect(items(page).nth(3)).toHaveAttribute('aria-label', /sentence of a quotation attributed in another sentence; speaker carried over from another sentence \(confidence: medium\)\.$/);
  await expect(items(page).nth(3).locator('.unsure-mark')).toHaveCount(1);
  await expect(items(page).nth(1).locator('.unsure-mark')).toHaveCount(0);
  // "he said" after a quotation goes to the speaker of the nearest attribution.
  await expect(items(page).nth(8)).toHaveAttribute('aria-label', /^Steven Gruzd said .*pronoun resolved to the nearest speaker/);
  // An institution of a country sits in that country's lane.
  await expect(items(page).nth(11)).toHaveAttribute('data-lane', 'United States');
  await page.screenshot({ path: '../target/screenshots/attribution-real-news.png', fullPage: true });
});

test('"Confident attributions only" keeps the sure ones, in the URL; the table says why', async ({ page }) => {
  await open(page);
  await page.getByLabel('Confident attributions only').check();
  await expect(items(page)).toHaveCount(7);
  await expect(page).toHaveURL(/confident=1/);
  await page.reload();
  await expect(items(page)).toHaveCount(7);
  await expect(page.getByLabel('Confident attributions only')).toBeChecked();
  await page.getByLabel('Confident attributions only').uncheck();
  await page.getByRole('button', { name: 'Table', exact: true }).click();
  const rows = page.locator('table.statements tbody tr');
  await expect(rows).toHaveCount(12);
  await expect(page.locator('table.statements thead th').nth(9)).toHaveText('Attribution');
  await expect(rows.nth(3).locator('td.confidence')).toHaveText(/^medium\s*sentence of a quotation attributed in another sentence/);
  await expect(rows.nth(1).locator('td.confidence')).toHaveText(/^high\s*reporting verb followed by the speaker/);
  await page.screenshot({ path: '../target/screenshots/attribution-table.png', fullPage: true });
});
