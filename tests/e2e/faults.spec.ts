// Faults a reader meets over time: an article whose text changed under its corrections, two
// tabs correcting one article, a browser that refuses to store, a stored entry that cannot be
// read. Each keeps what the user had and says what happened.
import { test, expect, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { drop } from './drop';

const items = (page: Page) => page.locator('svg.timeline g.item');

async function openEditor(page: Page) {
  const editor = page.locator('.corrector');
  if (!(await editor.evaluate((d: HTMLDetailsElement) => d.open))) await editor.locator('summary').click();
  return editor;
}

async function dropFixture(page: Page, path: string) {
  await drop(page, path.split('/').pop()!, [...readFileSync(`fixtures/${path}`)]);
}

test('corrections find their statements again when the article changes, and the ones that cannot are listed', async ({ page }) => {
  await page.goto('./');
  await expect(items(page)).toHaveCount(10);
  await dropFixture(page, 'changed/v1.json');
  await expect(items(page)).toHaveCount(3);
  const editor = await openEditor(page);
  // The mayor's statement gets a named speaker; the envoy's is deleted.
  await page.locator('.article-body .stmt[data-st="1"]').click();
  await editor.locator('.corr-row input').first().fill('Ada Obi');
  await editor.getByRole('button', { name: 'Set speaker' }).click();
  await page.locator('.article-body .stmt[data-st="0"]').click();
  await editor.getByRole('button', { name: 'Delete this statement' }).click();
  await expect(items(page)).toHaveCount(2);

  // The same article (same id) in a corrected version: a line added on top, the envoy's
  // sentence cut, a word of the mayor's changed.
  await dropFixture(page, 'changed/v2.json');
  await expect(page.locator('h1')).toHaveText('Harbour talks (invented test article, corrected version)');
  await expect(items(page)).toHaveCount(2);
  await expect(items(page).first()).toHaveAttribute('aria-label', /^Ada Obi said ✎ corrected /);
  await expect(page.locator('.notice')).toContainText('1 saved correction no longer matches the article\'s text');
  const editor2 = await openEditor(page);
  const orphans = editor2.locator('.corr-orphans');
  await expect(orphans).toContainText('1 correction no longer matches the text');
  await expect(orphans.locator('li')).toHaveText(/^statement deleted, on “said” in “The envoy said the port would reopen next month\.”/);
  await page.screenshot({ path: '../target/screenshots/corrections-orphaned.png', fullPage: true });
  // Forget it: the log keeps the one that still applies.
  await orphans.getByRole('button', { name: 'Forget' }).click();
  await expect(editor2.locator('.corr-orphans')).toHaveCount(0);
  await expect(page.locator('.corrector summary')).toContainText('1 made');
  await page.reload();
  // The reload opens the seed (the dropped article is not kept yet); the v2 log is stored.
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('article-explorer.corrections.v1.harbour-talks')!));
  expect(stored).toHaveLength(1);
  expect(stored[0].op).toBe('speaker');
  expect(stored[0].quote.exact).toBe('said');
});

test('two tabs correcting one article keep both edits', async ({ page }) => {
  const other = await page.context().newPage();
  for (const p of [page, other]) {
    await p.goto('./');
    await expect(items(p)).toHaveCount(10);
  }
  // Tab 1 deletes the last statement; tab 2, open since before, reassigns another.
  await items(page).nth(9).click();
  await (await openEditor(page)).getByRole('button', { name: 'Delete this statement' }).click();
  await expect(items(page)).toHaveCount(9);
  await expect(items(other)).toHaveCount(9);
  await items(other).nth(7).click();
  const editor = await openEditor(other);
  await editor.locator('.corr-row input').first().fill('Abdoulaye Diop');
  await editor.getByRole('button', { name: 'Set speaker' }).click();
  // Both tabs show both edits, and so does a reload.
  for (const p of [page, other]) {
    await expect(items(p)).toHaveCount(9);
    await expect(items(p).nth(7)).toHaveAttribute('aria-label', /^Abdoulaye Diop reiterated ✎ corrected /);
  }
  await page.reload();
  await expect(items(page)).toHaveCount(9);
  await expect(page.locator('.corrector summary')).toContainText('2 made');
});

test('a browser that refuses to store keeps the correction on screen and says so', async ({ page }) => {
  await page.addInitScript(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.startsWith('article-explorer.corrections')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return real.call(this, key, value);
    };
  });
  await page.goto('./');
  await expect(items(page)).toHaveCount(10);
  await items(page).nth(9).click();
  await (await openEditor(page)).getByRole('button', { name: 'Delete this statement' }).click();
  await expect(items(page)).toHaveCount(9);
  await expect(page.locator('.notice')).toContainText('The browser refused to save your corrections (storage full or disabled)');
  // The next correction adds to what is on screen, not to the empty stored log.
  await items(page).nth(7).click();
  const editor = await openEditor(page);
  await editor.locator('.corr-row input').first().fill('Abdoulaye Diop');
  await editor.getByRole('button', { name: 'Set speaker' }).click();
  await expect(items(page)).toHaveCount(9);
  await expect(page.locator('.corrector summary')).toContainText('2 made');
});

test('stored corrections that cannot be read are set aside and reported', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('article-explorer.corrections.v1.mali-russia-2024-03-18', '[{"op": "delete", "at": ');
      sessionStorage.setItem('seeded', '1');
    }
  });
  await page.goto('./');
  await expect(items(page)).toHaveCount(10);
  await expect(page.locator('.notice')).toContainText('could not be read');
  await expect(page.locator('.notice')).toContainText('article-explorer.corrections.v1.mali-russia-2024-03-18.unreadable');
  expect(await page.evaluate(() => localStorage.getItem('article-explorer.corrections.v1.mali-russia-2024-03-18.unreadable'))).toBe('[{"op": "delete", "at": ');
});

test('a connection cut in the middle of a corpus load: what arrived opens, the cut article is named', async ({ page }) => {
  await page.route('**/fixtures/cut-index.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(['../articles/mali-russia-2024-03-18.json', 'cut.json', '../articles/mali-russia-2024-03-18.txt']) }),
  );
  await page.route('**/fixtures/cut.json', (route) => route.abort('connectionreset'));
  await page.goto('./?src=fixtures/cut-index.json');
  await expect(page.locator('.index-failures')).toContainText('2 of 3 articles loaded');
  await expect(page.locator('.index-failures .failed')).toHaveText(/^Could not load cut\.json: the request failed \(TypeError: Failed to fetch\)\. Check the address and your connection/);
  await expect(page.locator('.switcher .article-choice')).toHaveCount(2);
  // What arrived works: a theme toggles, a statement selects its sentence.
  await page.locator('.legend-item .toggle').first().click();
  await page.locator('svg.timeline g.item').first().click();
  await expect(page.locator('.article-body .stmt.selected')).toHaveCount(1);
});
