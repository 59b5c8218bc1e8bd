// Reading a corpus: the Examples menu and the shipped example corpus (real public-domain
// reports), one cast of actors across articles, and the relations view (a dyad's chart, its
// table, the statements of a period and their sentences, URL state, export).
import { test, expect, Page } from '@playwright/test';
import { readFileSync, mkdirSync } from 'fs';
import { analysed } from './analysed';

const EXAMPLE = '?src=examples/sahel-russia-2007-2024.json';

async function openExample(page: Page, extra = '&view=relations') {
  await page.goto(`./${EXAMPLE}${extra}`);
  await expect(page.locator('.article-body p').first()).toBeVisible();
  await analysed(page);
}

test('the Examples menu opens the example corpus on its relations, and the timeline spans its real dates', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto('./');
  await expect(page.locator('.article-body p')).toHaveCount(6);
  await page.getByText('Examples', { exact: true }).click();
  await page.getByRole('link', { name: /19 U\.S\. government reports/ }).click();
  await expect(page).toHaveURL(/src=examples%2Fsahel-russia-2007-2024\.json|src=examples\/sahel-russia-2007-2024\.json/);
  await expect(page.locator('.switcher summary')).toHaveText('19 articles');
  // A long list of articles starts folded, so the text is on the first screen.
  expect(await page.locator('details.switcher').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
  // Each article shows its source and licence.
  await expect(page.locator('.meta .license')).toHaveText(/Public domain/);
  // The relations view opens on the most frequent pair of countries, the one that speaks of
  // the other first: these U.S. government reports quote U.S. officials on Russia, and no
  // Russian one on the United States, so the lower half (Russia → United States) is empty.
  const chart = page.locator('svg.rel-chart');
  await expect(chart).toBeVisible();
  await expect(page.locator('select.rel-a')).toHaveValue('united-states');
  await expect(page.locator('select.rel-b')).toHaveValue('russia');
  await expect(page.locator('.rel-summary')).toHaveText(/^United States about Russia: \d+ statements; Russia about United States: 0 statements\. From \w+ 20\d\d to \w+ 20\d\d, by month\./);
  await expect(chart.locator('.rel-dir')).toHaveText(['\u2191 United States \u2192 Russia', '\u2193 Russia \u2192 United States']);
  const bars = await chart.evaluate((svg) => {
    const axis = Number(svg.querySelector('.rel-axis')!.getAttribute('y1'));
    const ys = [...svg.querySelectorAll('rect.rel-bar')].map((r) => Number(r.getAttribute('y')));
    return { above: ys.filter((y) => y < axis).length, below: ys.filter((y) => y >= axis).length };
  });
  expect(bars.above).toBeGreaterThan(2);
  expect(bars.below).toBe(0);
  await page.screenshot({ path: '../target/screenshots/relations-example-corpus.png', fullPage: true });
  // The timeline of the corpus runs from its first report (2007) to its last (2024).
  await page.getByRole('button', { name: 'Timeline', exact: true }).click();
  const ticks = await page.locator('svg.timeline .tick text').allTextContents();
  expect(ticks.some((t) => t.includes('2007'))).toBe(true);
  expect(ticks.some((t) => t.includes('2024'))).toBe(true);
  await page.screenshot({ path: '../target/screenshots/timeline-example-corpus.png', fullPage: true });
});

test('chart, table and sentence are linked both ways', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await openExample(page);
  const periods = page.locator('svg.rel-chart g.rel-period[role="button"]');
  expect(await periods.count()).toBeGreaterThan(1);
  // A bar lists its period's statements.
  await periods.first().click();
  await expect(periods.first()).toHaveClass(/picked/);
  const listed = page.locator('.rel-list .rel-statement');
  const n = await listed.count();
  expect(n).toBeGreaterThan(0);
  const label = (await periods.first().getAttribute('aria-label'))!;
  await expect(page.locator('.rel-list h3')).toHaveText(new RegExp(`^${label.split(':')[0]}: ${n} statements?$`));
  // A statement opens its sentence in the reader, in its article.
  await listed.first().click();
  await expect(page.locator('.article-body .stmt.selected')).toHaveCount(1);
  await expect(page).toHaveURL(/statement=c\d+/);
  await expect(listed.first()).toHaveAttribute('aria-current', 'true');
  // The table lists the same periods; a row's button lists its statements too.
  await page.getByText('Table of the chart').click();
  const rows = page.locator('.rel-table tbody tr');
  await expect(rows).toHaveCount(await periods.count());
  await rows.last().getByRole('button').click();
  await expect(rows.last()).toHaveClass(/picked/);
  await expect(periods.last()).toHaveClass(/picked/);
  // And a sentence chosen in the reader picks its bar: the selected statement's period.
  await page.goto(`./${EXAMPLE}&view=relations`);
  await periods.first().click();
  await listed.first().click();
  const url = page.url();
  await page.goto(url);
  await expect(periods.first()).toHaveClass(/picked/);
  await page.screenshot({ path: '../target/screenshots/relations-linked.png', fullPage: true });
});

test('the chart is one tab stop walked with the arrow keys', async ({ page }) => {
  await openExample(page);
  const periods = page.locator('svg.rel-chart g.rel-period[role="button"]');
  await expect(periods.first()).toHaveAttribute('tabindex', '0');
  await expect(periods.nth(1)).toHaveAttribute('tabindex', '-1');
  await periods.first().focus();
  await page.keyboard.press('ArrowRight');
  await expect(periods.nth(1)).toBeFocused();
  await expect(periods.nth(1)).toHaveClass(/picked/);
  await page.keyboard.press('End');
  await expect(periods.last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(periods.first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.rel-list .rel-statement').first()).toBeVisible();
});

test('the dyad lives in the URL: chosen, swapped, and restored by Back', async ({ page }) => {
  await openExample(page, '&view=relations&dyad=russia,united-states');
  await expect(page.locator('select.rel-a')).toHaveValue('russia');
  await expect(page.locator('select.rel-b')).toHaveValue('united-states');
  const before = await page.locator('.rel-summary').textContent();
  expect(before).toMatch(/^Russia about United States: /);
  await page.getByRole('button', { name: 'Swap the two parties' }).click();
  await expect(page).toHaveURL(/dyad=united-states%2Crussia|dyad=united-states,russia/);
  await expect(page.locator('.rel-summary')).toHaveText(/^United States about Russia: /);
  await page.locator('select.rel-b').selectOption('mali');
  await expect(page).toHaveURL(/dyad=united-states%2Cmali|dyad=united-states,mali/);
  await page.goBack();
  await expect(page.locator('select.rel-b')).toHaveValue('russia');
  // A dyad the corpus does not have falls back to the default.
  await openExample(page, '&view=relations&dyad=atlantis,russia');
  await expect(page.locator('svg.rel-chart')).toBeVisible();
});

test('the series exports as CSV and JSON', async ({ page }) => {
  await openExample(page, '&view=relations&dyad=russia,united-states');
  mkdirSync('../target/exports', { recursive: true });
  for (const [button, ext] of [['Series (CSV)', 'csv'], ['Series (JSON)', 'json']]) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
    expect(download.suggestedFilename()).toBe(`relations-russia-united-states.${ext}`);
    const path = `../target/exports/${download.suggestedFilename()}`;
    await download.saveAs(path);
    const text = readFileSync(path, 'utf8');
    if (ext === 'csv') {
      const lines = text.replace(/^\ufeff/, '').trim().split(/\r\n/);
      expect(lines[0]).toBe('a,b,period_start,period_end,a_to_b,b_to_a,a_to_b_tone,b_to_a_tone');
      expect(lines[1]).toMatch(/^Russia,United States,\d{4}-\d{2}-01,/);
    } else {
      const doc = JSON.parse(text);
      expect(doc.format).toBe('article-explorer/relations');
      expect([doc.a, doc.b, doc.period]).toEqual(['Russia', 'United States', 'month']);
      const named = doc.periods.flatMap((p: any) => p.statements);
      expect(named.length).toBeGreaterThan(0);
      expect(named[0].statement).toMatch(/^c\d+$/);
    }
  }
});

test('dark mode and print', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 1400, height: 1000 });
  await openExample(page, '&view=relations&dyad=russia,united-states');
  const bg = await page.locator('body').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(bg).toBe('rgb(22, 23, 26)');
  await page.screenshot({ path: '../target/screenshots/relations-dark.png', fullPage: true });
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await expect(page.locator('svg.rel-chart')).toBeVisible();
  await expect(page.locator('.rel-table')).toBeVisible();
  await expect(page.locator('.rel-choose')).toBeHidden();
  await page.screenshot({ path: '../target/screenshots/relations-print.png', fullPage: true });
});

// Invented test data (fictional people): a minister introduced in the first report and named
// by surname alone in the second, spelled another way in the third.
const castCorpus = JSON.stringify([
  { id: 'cast-1', title: 'TEST DATA: a pledge', source: 'TEST', date: '2023-01-10', paragraphs: [
    'Russian Foreign Minister Sergey Lavrenko said Moscow would keep its instructors in Mali.'] },
  { id: 'cast-2', title: 'TEST DATA: a visit', source: 'TEST', date: '2023-02-14', paragraphs: [
    'Lavrenko said the partnership with Bamako was strong.'] },
  { id: 'cast-3', title: 'TEST DATA: talks', source: 'TEST', date: '2023-04-02', paragraphs: [
    'Russian Foreign Minister Sergei Lavrenko praised Mali for its resolve.'] },
]);

test('a person introduced in one article and named by surname in the next is one actor', async ({ page }) => {
  await page.route('**/fixtures/cast.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: castCorpus }));
  await page.goto('./?src=fixtures/cast.json&lanes=speaker');
  await expect(page.locator('.switcher summary')).toHaveText('3 articles');
  // One lane, one speaker in the filter, three statements: the second article's by surname.
  await expect(page.locator('svg.timeline .lane-name')).toHaveText(['Sergey Lavrenko']);
  const speakers = await page.locator('.tl-filters select').first().locator('option').allTextContents();
  expect(speakers.filter((s) => s.includes('Lavrenko'))).toEqual(['Sergey Lavrenko']);
  await expect(page.locator('svg.timeline g.item')).toHaveCount(3);
  // The relations of Russia (his country, from the first article) and Mali have all three.
  await page.getByRole('button', { name: 'Relations', exact: true }).click();
  await expect(page.locator('.rel-summary')).toHaveText(/^Russia about Mali: 3 statements; Mali about Russia: 0 statements\. From week of 9 Jan 2023 to week of 27 Mar 2023, by week\.$/);
});

test('find searches every article of a corpus, and a hit elsewhere opens its article', async ({ page }) => {
  await page.route('**/fixtures/cast.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: castCorpus }));
  await page.goto('./?src=fixtures/cast.json');
  await expect(page.locator('.switcher summary')).toHaveText('3 articles');
  const box = page.getByRole('searchbox', { name: 'Find in all articles' });
  await box.fill('Lavrenko');
  await expect(page.locator('.search-summary')).toHaveText('3 matches in 3 articles');
  await expect(page.locator('.kwic-list .kwic-article')).toHaveCount(3);
  await expect(page.locator('.kwic-list .kwic-article').first()).toHaveAttribute('aria-current', 'true');
  // The second article's hit: the reader shows that article and selects the word in it.
  await page.locator('.kwic').nth(1).click();
  await expect(page.locator('.article-choice').nth(1)).toHaveAttribute('aria-current', 'true');
  await expect(page.locator('.article h1')).toHaveText('TEST DATA: a visit');
  await expect.poll(() => page.evaluate(() => String(getSelection()))).toBe('Lavrenko');
  // The query stays, so the list is there for the next hit.
  await expect(box).toHaveValue('Lavrenko');
  await expect(page.locator('.kwic-list .kwic-article').nth(1)).toHaveAttribute('aria-current', 'true');
});

test('the legend gives each theme its hits across the corpus', async ({ page }) => {
  await openExample(page, '');
  const across = page.locator('.legend-item .across');
  expect(await across.count()).toBeGreaterThan(3);
  for (const text of await across.allTextContents()) expect(text).toMatch(/^\d+ hits? in \d+ of 19 articles$/);
  // Alone, an article's legend has no corpus counts.
  await page.goto('./');
  await expect(page.locator('.article-body p')).toHaveCount(6);
  await expect(page.locator('.legend-item .across')).toHaveCount(0);
});
