// A statements file opened in the app: the statements exported from a corpus, or written by
// `analyze --jsonl`/`--csv`, open without being analysed again, with the same timeline and
// relations, each statement linked to its sentence.
import { test, expect, Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { drop } from './drop';

async function grabStatementsJson(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.exports button', { hasText: 'JSON' }).first().click(),
  ]);
  mkdirSync('../target/exports', { recursive: true });
  const path = `../target/exports/${download.suggestedFilename()}`;
  await download.saveAs(path);
  return readFileSync(path, 'utf8');
}

test('the statements exported from the example corpus open again with the same timeline and relations', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 1000 });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./?src=examples/sahel-russia-2007-2024.json&view=relations');
  await expect(page.locator('svg.rel-chart')).toBeVisible();
  const summary = await page.locator('.rel-summary').textContent();
  await page.getByRole('button', { name: 'Timeline', exact: true }).click();
  await expect(page.locator('svg.timeline g.item').first()).toBeVisible();
  const items = await page.locator('svg.timeline g.item').count();
  const ticks = await page.locator('svg.timeline .tick text').allTextContents();
  await page.getByRole('button', { name: 'Relations', exact: true }).click();
  const json = await grabStatementsJson(page);
  const statements = JSON.parse(json).statements as { article_id: string }[];
  expect(statements.length).toBeGreaterThan(50);
  const articles = new Set(statements.map((s) => s.article_id)).size;

  await drop(page, 'sahel-statements.json', [...Buffer.from(json, 'utf8')]);
  await expect(page.locator('.reopened-note')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.load-problem')).toHaveCount(0);
  await expect(page.locator('.switcher summary')).toHaveText(`${articles} articles`);
  // The same dyad and counts, from the rows alone.
  await expect(page.locator('.rel-summary')).toHaveText(summary!);
  await page.screenshot({ path: '../target/screenshots/statements-file-relations.png', fullPage: true });
  // The same timeline, and a statement clicked on it selects its sentence in the reader.
  await page.getByRole('button', { name: 'Timeline', exact: true }).click();
  await expect(page.locator('svg.timeline g.item')).toHaveCount(items);
  // Its span is the corpus's (the events dated in other sentences of the articles are not in
  // the file, so the ticks between may differ).
  const after = await page.locator('svg.timeline .tick text').allTextContents();
  expect([after[0], after[after.length - 1]]).toEqual([ticks[0], ticks[ticks.length - 1]]);
  await page.locator('svg.timeline g.item').first().click();
  await expect(page.locator('.article-body .stmt.selected')).toHaveCount(1);
  await expect(page.locator('.reopened-note')).toContainText('Opened from a statements file');
  await page.screenshot({ path: '../target/screenshots/statements-file-timeline.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('a CSV written by analyze --csv opens, with its sentences highlighted and its note', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('.article-body p')).toHaveCount(6);
  await drop(page, 'statements-ok.csv', [...readFileSync('fixtures/bad/statements-ok.csv')]);
  await expect(page.locator('.article-body p')).toHaveCount(3);
  await expect(page.locator('.reopened-note')).toHaveText(
    'Opened from a statements file (4 statements): the text shows only the sentences of its statements, as analysed when the file was written.',
  );
  await expect(page.locator('svg.timeline g.item')).toHaveCount(4);
  // The cues are marked in their sentences, as in an analysed article.
  expect(await page.locator('.article-body .stmt').count()).toBeGreaterThanOrEqual(3);
  await page.getByRole('button', { name: 'Table', exact: true }).click();
  await expect(page.locator('table.statements tbody tr')).toHaveCount(4);
  await expect(page.locator('table.statements tbody tr').first()).toContainText('Idris Kamoun');
});
