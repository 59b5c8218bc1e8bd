// Loading what users have: schema.org JSON-LD, a corpus with its article switcher, an index
// with a missing article, a dropped file, pasted text, refused inputs that leave the open
// article in place; and embedding in a host page (iframe height, host commands, origins).
import { test, expect, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { drop } from './drop';

const fixture = (name: string) => readFileSync(`fixtures/${name}`, 'utf8');

async function serve(page: Page, path: string, body: string, status = 200) {
  await page.route(`**/${path}`, (route) => route.fulfill({ status, contentType: 'application/json', body }));
}

test('a schema.org NewsArticle (JSON-LD in a @graph) loads via ?src=', async ({ page }) => {
  await serve(page, 'fixtures/article.jsonld', fixture('newsarticle-test.jsonld'));
  await page.goto('./?src=fixtures/article.jsonld');
  await expect(page.locator('article h1')).toHaveText('TEST DATA: Bamako hosts talks on grain');
  await expect(page.locator('article .meta .source')).toHaveText('Example News (test data)');
  await expect(page.locator('article .meta time')).toHaveAttribute('datetime', '2024-02-10');
  await expect(page.locator('article .meta a.original')).toHaveAttribute('href', 'https://news.example/test/1');
  await expect(page.locator('svg.timeline g.item')).toHaveCount(2);
});

test('a three-article corpus: timeline over three dates and a working article switcher', async ({ page }) => {
  await serve(page, 'fixtures/corpus.json', fixture('multi-article-test-corpus.json'));
  await page.goto('./?src=fixtures/corpus.json');
  const choices = page.locator('.switcher .article-choice');
  await expect(choices).toHaveCount(3);
  await expect(choices.nth(1)).toContainText('15 Jan 2024');
  await expect(choices.nth(1)).toContainText('TEST DATA: Moscow pledges training');
  await expect(choices.nth(1)).toContainText('2 statements');
  await expect(page.locator('svg.timeline .tick.band text')).toHaveText(['2 Nov 2023', '15 Jan 2024', '5 Mar 2024']);
  await choices.nth(2).click();
  await expect(page.locator('article h1')).toHaveText('TEST DATA: Dakar talks');
  await expect(choices.nth(2)).toHaveAttribute('aria-current', 'true');
  await expect(page).toHaveURL(/article=3/);
  await page.screenshot({ path: '../target/screenshots/corpus-timeline.png', fullPage: true });
});

test('an index with a missing article loads the others and shows the failure', async ({ page }) => {
  const corpus = JSON.parse(fixture('multi-article-test-corpus.json'));
  await serve(page, 'fixtures/index.json', JSON.stringify({ articles: ['one.json', 'missing.json', '../articles/mali-russia-2024-03-18.json'] }));
  await serve(page, 'fixtures/one.json', JSON.stringify(corpus[0]));
  await serve(page, 'fixtures/missing.json', 'not found', 404);
  await page.goto('./?src=fixtures/index.json');
  await expect(page.locator('.switcher .article-choice')).toHaveCount(2);
  await expect(page.locator('.index-failures')).toContainText('2 of 3 articles loaded');
  await expect(page.locator('.index-failures .failed')).toHaveText(['Could not load missing.json: the server answered HTTP 404 Not Found.']);
  await expect(page.locator('svg.timeline g.item')).toHaveCount(12);
});

test('dropping the seed .txt opens it; refused files leave the open article in place', async ({ page }) => {
  await serve(page, 'fixtures/corpus.json', fixture('multi-article-test-corpus.json'));
  await page.goto('./?src=fixtures/corpus.json');
  await expect(page.locator('.switcher .article-choice')).toHaveCount(3);
  await drop(page, 'mali-russia-2024-03-18.txt', fixture('seed-copy-for-drop-test.txt'));
  await expect(page.locator('article .article-body p')).toHaveCount(6);
  await expect(page.locator('article h1')).toHaveText('MENAFN report of 18 March 2024');
  await expect(page.locator('svg.timeline g.item')).toHaveCount(10);
  await expect(page).not.toHaveURL(/src=/);

  for (const [name, content, message] of [
    ['empty.txt', '', 'Could not read empty.txt. The file is empty (0 bytes)'],
    ['latin1.txt', [0x43, 0x61, 0x66, 0xe9], 'The file is not UTF-8 text (an invalid byte sequence at byte 3)'],
    ['page.html', '<!DOCTYPE html><p>hi</p>', 'This is an HTML web page, not an article'],
    ['huge.txt', 'x'.repeat(21 * 1024 * 1024), 'the explorer reads files up to 20 MB'],
    ['trailing.json', '{"body": "Text.",}', 'column 18: trailing comma. The articles already open stay open.'],
    ['photo.json', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'This is an image (PNG), not an article'],
  ] as [string, string | number[], string][]) {
    await drop(page, name, content);
    await expect(page.locator('.load-problem')).toContainText(message);
    await expect(page.locator('.load-problem')).toContainText('The articles already open stay open.');
    await expect(page.locator('article .article-body p')).toHaveCount(6);
    await page.locator('.load-problem button').click();
  }
});

test('pasting an article opens it', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('svg.timeline g.item')).toHaveCount(10);
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData('text/plain', 'date 2024-05-01 (TEST) TEST DATA: Mali\'s Foreign Minister, Abdoulaye Diop, praised the talks.');
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  await expect(page.locator('article h1')).toHaveText('TEST report of 1 May 2024');
  await expect(page.locator('svg.timeline g.item')).toHaveCount(1);
});

test('the example host page: iframe sized by its content, host commands, origin checks', async ({ page }) => {
  await page.goto('./embed-example.html');
  const main = page.frameLocator('#embed-main');
  await expect(main.locator('.article-body p')).toHaveCount(6);
  await expect(main.locator('.app-bar')).toHaveCount(0);
  await expect(main.locator('.embed-bar a')).toHaveText(/Open in full explorer/);
  await expect.poll(async () => (await page.locator('#embed-main').boundingBox())!.height).toBeGreaterThan(1000);
  await page.locator('#select-8').click();
  await expect(main.locator('.stmt.selected')).toHaveText(/^Additionally, he reiterated/);
  await page.locator('#themes').click();
  await expect(main.locator('.legend-item[data-theme="economy"] .toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect(main.locator('.legend-item[data-theme="security"] .toggle')).toHaveAttribute('aria-pressed', 'false');

  const strict = page.frameLocator('#embed-strict');
  await expect(strict.locator('.article-body p')).toHaveCount(6);
  await page.locator('#select-other').click();
  await page.waitForTimeout(500);
  await expect(strict.locator('.stmt.selected')).toHaveCount(0);
  await page.screenshot({ path: '../target/screenshots/embed-example.png', fullPage: true });
});

test('an embed never scrolls the page around it: not on load with a statement, not on a host command', async ({ page }) => {
  await page.goto('./embed-example.html');
  const main = page.frameLocator('#embed-main');
  await expect(main.locator('.article-body p')).toHaveCount(6);
  // The script embed far down the page opens with data-statement="8" selected…
  const timeline = page.frameLocator('#script-timeline iframe');
  await expect(timeline.locator('svg.timeline g.item.selected')).toHaveAttribute('data-item', '7');
  await page.waitForTimeout(500);
  // …and the host page stays where the reader is.
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await page.locator('#select-8').click();
  await expect(main.locator('.stmt.selected')).toHaveText(/^Additionally, he reiterated/);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  // "Open in full explorer" carries what changed inside the embed: the selection and themes.
  await main.locator('.legend-item[data-theme="security"] .only').click();
  const link = main.locator('.embed-bar a');
  await link.hover();
  await expect(link).toHaveAttribute('href', /statement=c1096/);
  await expect(link).toHaveAttribute('href', /themes=security/);
  await expect(link).not.toHaveAttribute('href', /embed=1/);
});

test('script embeds: one include, two independent explorers with their own settings', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./embed-example.html');
  await page.locator('#script-reader').scrollIntoViewIfNeeded();
  const reader = page.frameLocator('#script-reader iframe');
  await expect(reader.locator('.article-body p')).toHaveCount(6);
  await expect(reader.locator('.timeline-panel')).toBeHidden();
  await expect(reader.locator('.legend-item[data-theme="economy"] .toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect(reader.locator('.legend-item[data-theme="security"] .toggle')).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(async () => (await page.locator('#script-reader iframe').boundingBox())!.height).toBeGreaterThan(800);

  await page.locator('#script-timeline').scrollIntoViewIfNeeded();
  const timeline = page.frameLocator('#script-timeline iframe');
  await expect(timeline.locator('svg.timeline g.item')).toHaveCount(10);
  await expect(timeline.locator('.workspace-reader')).toBeHidden();
  await expect(timeline.locator('svg.timeline g.item.selected')).toHaveAttribute('data-item', '7');
  // Independent: a theme turned on in one explorer stays off in the other.
  await reader.locator('.legend-item[data-theme="security"] .toggle').click();
  await expect(reader.locator('.legend-item[data-theme="security"] .toggle')).toHaveAttribute('aria-pressed', 'true');
  // …and turning it off in another explorer of the page leaves this one alone.
  const main = page.frameLocator('#embed-main');
  await main.locator('.legend-item[data-theme="security"] .toggle').click();
  await expect(main.locator('.legend-item[data-theme="security"] .toggle')).toHaveAttribute('aria-pressed', 'false');
  await expect(reader.locator('.legend-item[data-theme="security"] .toggle')).toHaveAttribute('aria-pressed', 'true');
  expect(page.url()).not.toContain('themes=');
  expect(errors).toEqual([]);
  await page.screenshot({ path: '../target/screenshots/embed-example-all.png', fullPage: true });
});
