// A French article (a CC BY 2.5 Wikinews text of the French set, tests/fixtures/eval-fr/02.txt,
// whose gold has 12 statements; the timeline shows 12 cards: 11 of the gold, and a second cue
// of one sentence by the same speaker, which the scorer counts once):
// read in French by detection, with French themes highlighted and its statements on the
// timeline; the reader's language menu reads it again in English (no French cue is then found)
// and back. The interface stays in the browser's language (English here): theme names are the
// interface's words, so they are English until the interface is switched to French.
import { test, expect, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

const text = readFileSync('fixtures/eval-fr/02.txt', 'utf8');
const items = (page: Page) => page.locator('svg.timeline g.item');

async function open(page: Page) {
  await page.route('**/wikinews-fr-02.txt', (route) => route.fulfill({ status: 200, contentType: 'text/plain; charset=utf-8', body: text }));
  await page.goto('./?src=wikinews-fr-02.txt');
  await expect(page.locator('.article-body p').first()).toBeVisible();
  await expect(page.locator('svg.timeline, table.statements')).toBeVisible();
}

test('a French article is read in French: language shown, French themes, statements found', async ({ page }) => {
  await open(page);
  await expect(page.locator('article.article')).toHaveAttribute('lang', 'fr');
  await expect(page.locator('.language-select')).toHaveValue('fr');
  await expect(page.locator('.language-basis')).toHaveText('detected from the text');
  // French lexicons find the themes (the legend names them in the interface's language).
  await expect(page.locator('.legend-item[data-theme="security"] .count')).not.toHaveText('0');
  await expect(page.locator('.article-body mark.hl').first()).toBeVisible();
  await expect(items(page)).toHaveCount(12);
  // Speakers found by French patterns: residents described without a name, the Malian
  // government ("le gouvernement malien, impuissant, a de son côté dénoncé").
  const labels = await items(page).evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')!));
  expect(labels.some((l) => l.startsWith('habitants'))).toBe(true);
  expect(labels.some((l) => l.startsWith('gouvernement malien'))).toBe(true);
  await page.screenshot({ path: '../target/screenshots/french-article.png', fullPage: true });
});

test('the reader can read the article in the other language, and back', async ({ page }) => {
  await open(page);
  await page.locator('.language-select').selectOption('en');
  await expect(page.locator('.language-basis')).toHaveText('chosen by you');
  await expect(page.locator('article.article')).toHaveAttribute('lang', 'en');
  await expect(page.locator('.legend')).toContainText('Security');
  // English cues find nothing in French prose.
  await expect(items(page)).toHaveCount(0);
  await page.screenshot({ path: '../target/screenshots/french-read-as-english.png', fullPage: true });
  await page.locator('.language-select').selectOption('fr');
  await expect(page.locator('.language-basis')).toHaveText('detected from the text');
  await expect(items(page)).toHaveCount(12);
});
