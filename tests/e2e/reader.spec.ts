// The reader on the seed article: legend, toggles without DOM rebuilds, URL state, user
// themes that persist, keyboard hit navigation, search, tooltips and the density strip.
import { test, expect, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { analysed } from './analysed';

// The native analysis of the seed (written by scripts/test with `cargo run --bin analyze`):
// what the legend must show.
const analysis = JSON.parse(readFileSync('../target/e2e/seed-analysis.json', 'utf8'));
const builtin: { id: string; name: string; hits: number }[] = analysis.themes;

async function open(page: Page, query = '') {
  await page.goto(`./${query}`);
  await expect(page.locator('.article-body p')).toHaveCount(6);
  await analysed(page);
}

const legendItem = (page: Page, id: string) => page.locator(`.legend-item[data-theme="${id}"]`);

// Whether a highlight is painted for some theme (a tint layer in its computed background).
async function painted(page: Page, selector: string): Promise<boolean[]> {
  return page.locator(selector).evaluateAll((els) =>
    els.map((el) => getComputedStyle(el).backgroundImage.includes('gradient')),
  );
}

test('the legend lists the built-in themes with the analysis counts', async ({ page }) => {
  await open(page);
  const items = page.locator('.legend-item');
  await expect(items).toHaveCount(builtin.length);
  expect(builtin.map((t) => t.id)).toEqual(['security', 'military', 'economy', 'humanitarian', 'diplomacy', 'regional', 'governance']);
  for (const theme of builtin) {
    await expect(legendItem(page, theme.id).locator('.name')).toHaveText(theme.name);
    await expect(legendItem(page, theme.id).locator('.count')).toHaveText(String(theme.hits));
    await expect(legendItem(page, theme.id).locator('.toggle')).toHaveAttribute('aria-pressed', 'true');
  }
  // Every hit is drawn: the marks of theme i carry th-i.
  const humanitarian = builtin.findIndex((t) => t.id === 'humanitarian');
  const marks = page.locator(`.article-body mark.th-${humanitarian}`);
  expect(await marks.count()).toBeGreaterThanOrEqual(builtin[humanitarian].hits);
  await expect(page.locator('.article-body mark', { hasText: 'wheat' })).toHaveClass(new RegExp(`th-${humanitarian}`));
});

test('toggling humanitarian hides and restores its highlights without replacing the DOM', async ({ page }) => {
  await open(page);
  const i = builtin.findIndex((t) => t.id === 'humanitarian');
  const onlyHumanitarian = '.article-body mark:text-is("wheat"), .article-body mark:text-is("fertilizer")';
  await page.evaluate(() => {
    (window as any).__before = [...document.querySelectorAll('.article-body p, .article-body mark')];
  });
  expect(await painted(page, onlyHumanitarian)).toEqual([true, true]);

  await legendItem(page, 'humanitarian').locator('.toggle').click();
  await expect(legendItem(page, 'humanitarian').locator('.toggle')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('.article-body')).not.toHaveClass(new RegExp(`\\bon-${i}\\b`));
  expect(await painted(page, onlyHumanitarian)).toEqual([false, false]);
  expect(page.url()).toContain('themes=security,military,economy,diplomacy,regional,governance');

  await legendItem(page, 'humanitarian').locator('.toggle').click();
  expect(await painted(page, onlyHumanitarian)).toEqual([true, true]);
  const same = await page.evaluate(() => {
    const before: Element[] = (window as any).__before;
    const after = [...document.querySelectorAll('.article-body p, .article-body mark')];
    return before.length === after.length && before.every((el, k) => el === after[k] && el.isConnected);
  });
  expect(same, 'paragraph and mark elements are the same nodes').toBe(true);
});

test('"only" and the URL: ?themes= restores a selection, back and forward work', async ({ page }) => {
  await open(page, '?themes=economy,humanitarian');
  for (const t of builtin) {
    const on = t.id === 'economy' || t.id === 'humanitarian';
    await expect(legendItem(page, t.id).locator('.toggle')).toHaveAttribute('aria-pressed', String(on));
  }
  await expect(page.locator('.hit-count')).toHaveText(/hits/);
  await legendItem(page, 'diplomacy').locator('.only').click();
  await expect(page).toHaveURL(/themes=diplomacy$/);
  await expect(legendItem(page, 'economy').locator('.toggle')).toHaveAttribute('aria-pressed', 'false');
  await page.goBack();
  await expect(page).toHaveURL(/themes=economy,humanitarian$/);
  await expect(legendItem(page, 'economy').locator('.toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect(legendItem(page, 'diplomacy').locator('.toggle')).toHaveAttribute('aria-pressed', 'false');
  await page.goForward();
  await expect(legendItem(page, 'diplomacy').locator('.toggle')).toHaveAttribute('aria-pressed', 'true');
  await page.locator('.legend-all button', { hasText: 'All' }).click();
  await expect(page).not.toHaveURL(/themes=/);
});

test('keyboard hit navigation moves through hits in reading order', async ({ page }) => {
  await open(page, '?themes=humanitarian');
  const seen: { text: string; top: number; left: number }[] = [];
  for (let k = 0; k < 5; k++) {
    await page.keyboard.press('n');
    const current = page.locator('.article-body mark.current').first();
    await expect(current).toBeFocused();
    seen.push(await current.evaluate((el) => ({ text: el.textContent ?? '', top: el.getBoundingClientRect().top + window.scrollY, left: el.getBoundingClientRect().left })));
  }
  expect(seen.map((s) => s.text)).toEqual(['humanitarian aid', 'pressing needs', 'humanitarian aid', 'wheat', 'fertilizer']);
  for (let k = 1; k < seen.length; k++) {
    const [a, b] = [seen[k - 1], seen[k]];
    expect(b.top > a.top + 2 || (Math.abs(b.top - a.top) <= 2 && b.left > a.left), `hit ${k + 1} comes after hit ${k}`).toBe(true);
  }
  await expect(page.locator('.hit-count')).toHaveText('5 / 5');
  await page.keyboard.press('n');
  await expect(page.locator('.article-body mark.current')).toHaveText('humanitarian aid');
  await expect(page.locator('.hit-count')).toHaveText('1 / 5');
  await page.keyboard.press('p');
  await expect(page.locator('.article-body mark.current')).toHaveText('fertilizer');
  await expect(page.locator('.reader > [aria-live]')).toHaveText('Hit 5 of 5: Humanitarian aid');
});

test('hover shows the themes and term of a highlight', async ({ page }) => {
  await open(page);
  await page.locator('.article-body mark', { hasText: 'cooperation' }).first().hover();
  const tip = page.locator('#hl-tip');
  await expect(tip).toBeVisible();
  await expect(tip).toContainText('Military: \u201cmilitary cooperation\u201d');
  await expect(tip).toContainText('Diplomacy: \u201ccooperation\u201d');
});

test('the search box finds "wheat" with its context and selects it', async ({ page }) => {
  await open(page);
  await page.getByRole('searchbox', { name: 'Find in the article' }).fill('wheat');
  const results = page.locator('.kwic');
  await expect(results).toHaveCount(1);
  await expect(page.locator('.search-summary')).toHaveText('1 match');
  await expect(results.first().locator('.before')).toHaveText(/provision of humanitarian aid such as $/);
  await expect(results.first().locator('.match')).toHaveText('wheat');
  await expect(results.first().locator('.after')).toHaveText(/^ and fertilizer as examples/);
  await results.first().click();
  expect(await page.evaluate(() => String(window.getSelection()))).toBe('wheat');
  await page.getByRole('searchbox', { name: 'Find in the article' }).fill('sahel region');
  await expect(results).toHaveCount(1);
  await page.getByRole('searchbox', { name: 'Find in the article' }).fill('zebra');
  await expect(page.locator('.search-summary')).toHaveText('No match for \u201czebra\u201d');
});

test('a user theme highlights its terms and survives a reload', async ({ page }) => {
  await open(page);
  await page.locator('.user-themes summary').click();
  const form = page.locator('.theme-form');
  await form.getByLabel('Name').fill('Agriculture');
  await form.getByLabel('Terms').fill('wheat, fertilizer, grain*');
  await form.getByRole('button', { name: 'Add theme' }).click();
  const item = legendItem(page, 'agriculture');
  await expect(item.locator('.count')).toHaveText('2');
  const slot = builtin.length;
  await expect(page.locator(`.article-body mark.th-${slot}`)).toHaveText(['wheat', 'fertilizer']);

  await page.reload();
  await expect(legendItem(page, 'agriculture').locator('.count')).toHaveText('2');
  await expect(page.locator(`.article-body mark.th-${slot}`)).toHaveCount(2);

  // Two built-in themes and the user theme, for people to look at.
  await page.goto('./?themes=economy,humanitarian,agriculture');
  await expect(page.locator('.article-body p')).toHaveCount(6);
  await page.screenshot({ path: '../target/screenshots/reader-two-themes-and-user-theme.png', fullPage: true });

  // Edit, then delete.
  await page.locator('.user-themes summary').click();
  await page.locator('.user-list button', { hasText: 'Edit' }).click();
  await form.getByLabel('Terms').fill('wheat');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(legendItem(page, 'agriculture').locator('.count')).toHaveText('1');
  await page.locator('.user-list button', { hasText: 'Delete' }).click();
  await expect(legendItem(page, 'agriculture')).toHaveCount(0);
  await page.reload();
  await expect(page.locator('.legend-item')).toHaveCount(builtin.length);
});

test('a built-in theme switched off stays off; a copy of one is for the user to edit', async ({ page }) => {
  await open(page);
  await page.locator('.user-themes summary').click();
  const builtins = page.locator('.builtin-themes');
  await builtins.getByRole('checkbox', { name: 'Governance' }).uncheck();
  await expect(legendItem(page, 'governance')).toHaveCount(0);
  await page.reload();
  await expect(page.locator('.legend-item')).toHaveCount(builtin.length - 1);
  await expect(legendItem(page, 'governance')).toHaveCount(0);

  // Copy Economy: the copy replaces it in the legend with the same hits, and the form opens on it.
  await page.locator('.user-themes summary').click();
  await builtins.getByRole('button', { name: 'Copy Economy and trade to my themes' }).click();
  const economy = builtin.find((t) => t.id === 'economy')!;
  await expect(legendItem(page, 'economy')).toHaveCount(0);
  const copy = legendItem(page, 'economy-and-trade-copy');
  await expect(copy.locator('.name')).toHaveText(/^Economy and trade \(copy\)/);
  await expect(copy.locator('.count')).toHaveText(String(economy.hits));
  const form = page.locator('.theme-form');
  await expect(form.getByLabel('Name')).toHaveValue('Economy and trade (copy)');
  await expect(form.getByLabel('Terms')).toHaveValue(/^econom\*, socio-economic, trade/);
  await page.screenshot({ path: '../target/screenshots/builtin-theme-copy.png', fullPage: true });
  await form.getByLabel('Terms').fill('wheat');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(copy.locator('.count')).toHaveText('1');

  // Switched back on, Governance returns, with its hits.
  await builtins.getByRole('checkbox', { name: 'Governance' }).check();
  const governance = builtin.find((t) => t.id === 'governance')!;
  await expect(legendItem(page, 'governance').locator('.count')).toHaveText(String(governance.hits));
});

test('bad user theme terms get a clear message, not a crash', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await open(page);
  await page.locator('.user-themes summary').click();
  const form = page.locator('.theme-form');
  await form.getByLabel('Name').fill('Symbols');
  for (const [terms, message] of [
    ['$^[]()', 'Term "$^[]()" has no letters or digits to match'],
    ['ec*nomy', 'has a * that is not at the end'],
    [' , ;', 'Theme "Symbols" has no terms'],
  ]) {
    await form.getByLabel('Terms').fill(terms);
    await form.getByRole('button', { name: 'Add theme' }).click();
    await expect(form.getByRole('alert')).toContainText(message);
  }
  await form.getByLabel('Name').fill('Economy');
  await form.getByLabel('Terms').fill('money');
  await form.getByRole('button', { name: 'Add theme' }).click();
  await expect(form.getByRole('alert')).toHaveText('There is already a theme called "Economy"');
  await expect(page.locator('.legend-item')).toHaveCount(builtin.length);
  expect(errors).toEqual([]);
});

test('a corrupted saved-themes entry is set aside with a notice', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('article-explorer.user-themes.v1', '{not json'));
  await open(page);
  await expect(page.locator('.notice')).toContainText('Your saved themes could not be read');
  await expect(page.locator('.legend-item')).toHaveCount(builtin.length);
  expect(await page.evaluate(() => localStorage.getItem('article-explorer.user-themes.v1.unreadable'))).toBe('{not json');
});

test('the density strip shows where themes are and jumps to a paragraph', async ({ page }) => {
  await open(page, '?themes=regional');
  const columns = page.locator('.density .col');
  await expect(columns).toHaveCount(6);
  await expect(columns.nth(4)).toHaveAttribute('aria-label', /^Paragraph 5: Regional politics 4/);
  await expect(columns.nth(0)).toHaveAttribute('aria-label', 'Paragraph 1: no hits');
  await columns.nth(4).click();
  await expect(page.locator('#p5')).toBeFocused();
  await columns.nth(5).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#p6')).toBeFocused();
});
