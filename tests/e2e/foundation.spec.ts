// The foundation: the release build opens the seed article, and every load failure is a
// specific message naming the URL and the cause.
import { test, expect, Page } from '@playwright/test';

const SEED_PARAGRAPHS = 6;

// Fails the test on any uncaught exception in the page (a panic would be one).
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

// Serves `body` at `path` under the app's origin, for inputs that are not in dist/.
async function serve(page: Page, path: string, body: string, contentType = 'application/json') {
  await page.route(`**/${path}`, (route) => route.fulfill({ status: 200, contentType, body }));
}

async function failureText(page: Page): Promise<string> {
  const failure = page.locator('.failure');
  await expect(failure).toBeVisible();
  return (await failure.textContent()) ?? '';
}

test('the default page shows the seed article', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./');
  const paragraphs = page.locator('article .article-body p');
  await expect(paragraphs).toHaveCount(SEED_PARAGRAPHS);
  await expect(paragraphs.first()).toHaveText(/^During a press conference, Mali's Foreign Minister, Abdoulaye Diop/);
  await expect(paragraphs.last()).toHaveText(/mutually beneficial cooperation remain promising\.$/);
  await expect(page.locator('article .meta .source')).toHaveText('MENAFN');
  await expect(page.locator('article .meta time')).toHaveAttribute('datetime', '2024-03-18');
  await expect(page.locator('article .meta time')).toHaveText('18 March 2024');
  await expect(page.locator('article h1')).toHaveText('MENAFN report of 18 March 2024');
  await expect(page.locator('.headline-note')).toContainText('without a headline');
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
  await page.screenshot({ path: '../target/screenshots/seed.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('a load asks for nothing that is missing: no 404, the favicon included', async ({ page }) => {
  const failed: string[] = [];
  page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  await page.goto('./');
  await expect(page.locator('.article-body p')).toHaveCount(SEED_PARAGRAPHS);
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', 'favicon.svg');
  const icon = await page.request.get('./favicon.svg');
  expect(icon.status()).toBe(200);
  expect(await icon.text()).toContain('<svg');
  await page.goto('./embed-example.html');
  await expect(page.frameLocator('#embed-main').locator('.article-body p')).toHaveCount(SEED_PARAGRAPHS);
  expect(failed).toEqual([]);
});

test('the seed also opens from its raw text, with the same paragraphs', async ({ page }) => {
  await page.goto('./?src=articles/mali-russia-2024-03-18.txt');
  const paragraphs = page.locator('article .article-body p');
  await expect(paragraphs).toHaveCount(SEED_PARAGRAPHS);
  await expect(paragraphs.first()).toHaveText(/^During a press conference/);
  await expect(page.locator('article .meta time')).toHaveText('18 March 2024');
});

test('a missing file names the URL and the HTTP status', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?src=articles/no-such-article.json');
  const text = await failureText(page);
  expect(text).toContain('Could not load articles/no-such-article.json');
  expect(text).toContain('HTTP 404');
  await expect(page.locator('article')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('malformed JSON shows the JSON error with its line and column', async ({ page }) => {
  await serve(page, 'fixtures/truncated.json', '{\n  "title": "Cut short",\n  "paragraphs": ["One.", ');
  await page.goto('./?src=fixtures/truncated.json');
  const text = await failureText(page);
  expect(text).toContain('fixtures/truncated.json');
  expect(text).toContain('The JSON is malformed at line 3, column 25: EOF while parsing a value');
  await page.screenshot({ path: '../target/screenshots/error-malformed-json.png' });
});

const badArticles: [string, string, string][] = [
  ['wrong-type.json', '{"paragraphs": ["One.", 3]}', 'Field `paragraphs[1]` has the wrong type (line 1, column 25): invalid type: integer `3`, expected a string'],
  ['no-text.json', '{"title": "Only a title"}', 'The article has no text: it needs `paragraphs` (a list of strings) or `body` (a string)'],
  ['bad-date.json', '{"date": "18/03/2024", "body": "Text."}', 'Field `date` is not valid: expected a date like 2024-03-18, found "18/03/2024"'],
  ['script-url.json', '{"url": "javascript:alert(1)", "body": "Text."}', 'Field `url` is not valid: expected an http:// or https:// address'],
  ['trailing-comma.json', '{"body": "Text.",}', 'The JSON is malformed at line 1, column 18: trailing comma'],
];

for (const [name, body, message] of badArticles) {
  test(`a bad article (${name}) gets its specific message`, async ({ page }) => {
    await serve(page, `fixtures/${name}`, body);
    await page.goto(`./?src=fixtures/${name}`);
    const text = await failureText(page);
    expect(text).toContain(`Could not read fixtures/${name}.`);
    expect(text).toContain(message);
  });
}

test('an HTML page instead of an article is refused, not shown as text', async ({ page }) => {
  await serve(page, 'fixtures/page.json', '<!DOCTYPE html><html><body><h1>Welcome</h1></body></html>', 'text/html');
  await page.goto('./?src=fixtures/page.json');
  expect(await failureText(page)).toContain('This is an HTML web page, not an article');
});

test('a javascript: src is refused before any request', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?src=javascript:alert(document.domain)');
  expect(await failureText(page)).toContain('only http and https addresses can be loaded, not javascript:');
  expect(errors).toEqual([]);
});

test('the loading state is shown while the article is on its way', async ({ page }) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/fixtures/slow.json', async (route) => {
    await held;
    await route.fulfill({ status: 200, contentType: 'application/json', body: '{"body": "Arrived."}' });
  });
  await page.goto('./?src=fixtures/slow.json');
  await expect(page.locator('.status.loading')).toContainText('Loading fixtures/slow.json');
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'true');
  release();
  await expect(page.locator('article .article-body p')).toHaveText(['Arrived.']);
});

test('phone width and dark mode stay readable', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto('./');
  await expect(page.locator('article .article-body p')).toHaveCount(SEED_PARAGRAPHS);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe('rgb(22, 23, 26)');
  await page.screenshot({ path: '../target/screenshots/seed-phone-dark.png', fullPage: true });
  await context.close();
});

test('a panic shows an error instead of a blank page', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?debug=panic');
  const crash = page.locator('.failure.crash[role=alert]');
  await expect(crash).toBeVisible();
  await expect(crash.locator('h1')).toHaveText('Article Explorer stopped because of an internal error');
  await expect(crash).toContainText('deliberate panic requested with ?debug=panic');
  expect(errors.length).toBeGreaterThan(0); // the abort surfaces as an uncaught wasm trap
});

test('a server error and a data: src get their own messages', async ({ page }) => {
  await page.route('**/fixtures/broken.json', (route) => route.fulfill({ status: 500, body: 'oops' }));
  await page.goto('./?src=fixtures/broken.json');
  expect(await failureText(page)).toContain('Could not load fixtures/broken.json: the server answered HTTP 500');
  await page.goto('./?src=' + encodeURIComponent('data:application/json,{"body":"x"}'));
  expect(await failureText(page)).toContain('only http and https addresses can be loaded, not data:');
});
