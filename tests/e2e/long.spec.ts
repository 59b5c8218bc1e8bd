// Long articles stay responsive by drawing only what is near the view: past the first ~60 KB a
// paragraph is plain text until it nears the viewport (or navigation needs it), and the timeline
// draws the cards near its own view. These tests check that everything still works on a
// ~300 KB article: marks arrive where the reader goes, and the timeline finds far cards.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { analysed } from './analysed';

const seed = JSON.parse(readFileSync('../public/articles/mali-russia-2024-03-18.json', 'utf8'));
const paragraphs: string[] = [];
while (paragraphs.join('\n\n').length < 300_000) paragraphs.push(...seed.paragraphs);
const n = paragraphs.length;
const statements = 10 * (n / seed.paragraphs.length);

test.beforeEach(async ({ page }) => {
  const body = JSON.stringify({ id: 'long', source: 'MENAFN', date: '2024-03-18', paragraphs });
  await page.route('**/fixtures/long.json', (route) => route.fulfill({ contentType: 'application/json', body }));
  await page.goto('./?src=fixtures/long.json');
  await expect(page.locator('.article-body p')).toHaveCount(n, { timeout: 60_000 });
  await analysed(page, 60_000);
});

test('far paragraphs are text first and get their marks near the viewport', async ({ page }) => {
  await expect(page.locator('#p1 mark.hl').first()).toBeAttached();
  const last = page.locator(`#p${n}`);
  await expect(last).toHaveText(paragraphs[n - 1]);
  expect(await last.locator('mark').count()).toBe(0);
  await last.scrollIntoViewIfNeeded();
  await expect(last.locator('mark.hl').first()).toBeAttached();
  await expect(last).toHaveText(paragraphs[n - 1]);
  // The density strip jumps to a paragraph in the middle, which has its marks at once.
  const column = page.locator('figure.density g.col').nth(60);
  const first = Number((await column.getAttribute('aria-label'))!.match(/Paragraphs? (\d+)/)![1]);
  await column.click();
  await expect(page.locator(`#p${first}`)).toBeFocused();
  await expect(page.locator(`#p${first} mark.hl`).first()).toBeAttached();
});

test('the timeline draws the cards near its view and still reaches every statement', async ({ page }) => {
  await expect(page.locator('.tl-count')).toHaveText(statements.toLocaleString('en-US'));
  const drawn = await page.locator('svg.timeline g.item').count();
  expect(drawn).toBeGreaterThan(5);
  expect(drawn).toBeLessThan(statements / 4);
  // Selecting a statement at the end of the article brings its card into the timeline's view.
  await page.locator(`#p${n}`).scrollIntoViewIfNeeded();
  await expect(page.locator(`#p${n} mark.hl`).first()).toBeAttached();
  const sentence = page.locator('.article-body .stmt').last();
  await sentence.click();
  const selected = page.locator('svg.timeline g.item.selected');
  await expect(selected).toHaveCount(1);
  await expect(selected).toBeInViewport();
  expect(Number(await selected.getAttribute('data-item'))).toBe(statements - 1);
  // Scrolling the timeline to the top draws the first cards again.
  await page.locator('.tl-scroll').evaluate((el) => { el.scrollTop = 0; });
  await expect(page.locator('svg.timeline g.item[data-item="0"]')).toHaveCount(1);
  // The table shows 500 rows at a time.
  await page.getByRole('button', { name: 'Table', exact: true }).click();
  await expect(page.locator('table.statements tbody tr')).toHaveCount(500);
  await expect(page.locator('.more-rows')).toContainText(`500 of ${statements.toLocaleString('en-US')} statements shown`);
  await page.getByRole('button', { name: 'Show 500 more' }).click();
  await expect(page.locator('table.statements tbody tr')).toHaveCount(1000);
  await expect(page.locator('table.statements tbody tr').nth(999).locator('td').first()).toHaveText('1000');
});

test('after printing marks every paragraph, a new analysis marks the text near the reader and leaves the rest plain', async ({ page }) => {
  // Printing gives every paragraph its marks.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(page.locator(`#p${n} mark.hl`).first()).toBeAttached();
  // A correction (the first statement deleted) is a new analysis of the same text. The top of
  // the text has its marks, and the far end is plain text again, marked when the reader gets
  // there.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('.article-body .stmt[data-st="0"]').click();
  const editor = page.locator('.corrector');
  if (!(await editor.evaluate((d: HTMLDetailsElement) => d.open))) await editor.locator('summary').click();
  await editor.getByRole('button', { name: 'Delete this statement' }).click();
  await expect(page.locator('.tl-count')).toHaveText((statements - 1).toLocaleString('en-US'));
  await expect(page.locator('#p1 mark.hl').first()).toBeAttached();
  await expect(page.locator(`#p${n} mark`)).toHaveCount(0);
  await expect(page.locator(`#p${n}`)).toHaveText(paragraphs[n - 1]);
  await page.locator(`#p${n}`).scrollIntoViewIfNeeded();
  await expect(page.locator(`#p${n} mark.hl`).first()).toBeAttached();
  await editor.getByRole('button', { name: 'Undo last' }).click();
  await expect(page.locator('.tl-count')).toHaveText(statements.toLocaleString('en-US'));
});
