// Security: article text and metadata are always text (XSS payloads in every field run
// nothing and show literally), and the built app and the example host page run under a
// strict Content-Security-Policy without violations.
import { test, expect, Page } from '@playwright/test';

// Payloads from the usual filter-evasion lists; each would set window.__xss if it ran.
const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '<svg onload="window.__xss=1">',
  '<svg><script>window.__xss=1</script></svg>',
  '<iframe src="javascript:window.top.__xss=1"></iframe>',
  '<a href="javascript:window.__xss=1">click</a>',
  '<body onload="window.__xss=1">',
  '<input autofocus onfocus="window.__xss=1">',
  '<details open ontoggle="window.__xss=1">',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=1">',
  '"><img src=x onerror=window.__xss=1>',
  "'><svg/onload=window.__xss=1>",
  '</p><script>window.__xss=1</script><p>',
  '&lt;img src=x onerror=window.__xss=1&gt;',
  '&#60;script&#62;window.__xss=1&#60;/script&#62;',
  '<IMG SRC=JaVaScRiPt:window.__xss=1>',
  '<img src="x` `<script>window.__xss=1</script>"` `>',
  '<object data="javascript:window.__xss=1">',
  '<embed src="javascript:window.__xss=1">',
  '<style>@import "javascript:window.__xss=1";</style>',
  '<marquee onstart="window.__xss=1">',
  '<video><source onerror="window.__xss=1">',
  '{{constructor.constructor("window.__xss=1")()}}',
  '<div style="background:url(javascript:window.__xss=1)">',
];

async function noScriptRan(page: Page) {
  expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
}

test(`XSS: ${PAYLOADS.length} payloads in every field are shown as text and run nothing`, async ({ page }) => {
  const paragraphs = PAYLOADS.map((p, i) => `Mali's Foreign Minister, Abdoulaye Diop, said ${p} in statement ${i + 1}.`);
  const article = {
    id: PAYLOADS[0],
    title: PAYLOADS.slice(0, 4).join(' '),
    source: PAYLOADS[2],
    date: '2024-03-18',
    language: 'en"><script>window.__xss=1</script>',
    paragraphs,
  };
  await page.route('**/fixtures/xss.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(article) }));
  await page.goto('./?src=fixtures/xss.json');
  await expect(page.locator('.article-body p')).toHaveCount(PAYLOADS.length);
  for (let i = 0; i < PAYLOADS.length; i++) {
    await expect(page.locator(`#p${i + 1}`)).toHaveText(paragraphs[i]);
  }
  await expect(page.locator('article h1')).toHaveText(article.title);
  await expect(page.locator('article .meta .source')).toHaveText(PAYLOADS[2]);
  await expect(page.locator('.article-body img, .article-body svg, .article-body iframe, .article-body script, article h1 script')).toHaveCount(0);
  // Every view of the same text: timeline cards, the table, tooltips, search results.
  // The timeline draws the cards near its view: scroll it through so every card is drawn once.
  const drawn = new Set<string>();
  const scroller = page.locator('.tl-scroll');
  for (let top = 0; drawn.size < PAYLOADS.length && top < 20_000; top += 300) {
    await scroller.evaluate((el, top) => { el.scrollTop = top; }, top);
    await page.waitForTimeout(50);
    for (const id of await page.locator('svg.timeline g.item').evaluateAll((els) => els.map((e) => e.getAttribute('data-item') ?? ''))) drawn.add(id);
  }
  expect(drawn.size).toBe(PAYLOADS.length);
  await scroller.evaluate((el) => { el.scrollTop = 0; });
  await page.locator('svg.timeline g.item').nth(1).click();
  await page.getByRole('button', { name: 'Table', exact: true }).click();
  await expect(page.locator('table.statements tbody tr')).toHaveCount(PAYLOADS.length);
  await page.getByRole('searchbox', { name: 'Find in the article' }).fill('onerror');
  await expect(page.locator('.kwic').first()).toBeVisible();
  await page.locator('.article-body mark').first().hover();
  await page.waitForTimeout(300);
  await noScriptRan(page);
});

test('XSS: a user theme and a search query with markup stay text', async ({ page }) => {
  await page.goto('./');
  await page.locator('.user-themes summary').click();
  await page.locator('.theme-form').getByLabel('Name').fill('<img src=x onerror="window.__xss=1">');
  await page.locator('.theme-form').getByLabel('Terms').fill('wheat');
  await page.locator('.theme-form').getByRole('button', { name: 'Add theme' }).click();
  await expect(page.locator('.legend-item .name', { hasText: '<img src=x' })).toHaveCount(1);
  await page.getByRole('searchbox', { name: 'Find in the article' }).fill('<script>window.__xss=1</script>');
  await expect(page.locator('.search-summary')).toContainText('No match');
  await noScriptRan(page);
});

async function watchCsp(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as any).__csp = ((window as any).__csp || []).concat(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return problems;
}

test('the built app runs under its strict CSP without violations', async ({ page }) => {
  const problems = await watchCsp(page);
  const response = await page.goto('./');
  const html = await response!.text();
  expect(html).toContain(`http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'`);
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  await expect(page.locator('.article-body p')).toHaveCount(6);
  // Exercise what styles and scripts the page: highlights, tooltips, timeline, table, exports.
  await page.locator('.legend-item[data-theme="humanitarian"] .toggle').click();
  await page.locator('.article-body mark').first().hover();
  await page.locator('svg.timeline g.item').nth(7).click();
  await page.getByRole('button', { name: 'Table', exact: true }).click();
  await page.getByRole('button', { name: 'Timeline', exact: true }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(page.locator('.stmt.selected')).toHaveCount(1);
  expect(await page.evaluate(() => (window as any).__csp ?? [])).toEqual([]);
  expect(problems).toEqual([]);
});

test('the example host page and its iframes run under CSP without violations', async ({ page }) => {
  const problems = await watchCsp(page);
  await page.goto('./embed-example.html');
  await expect(page.frameLocator('#embed-main').locator('.article-body p')).toHaveCount(6);
  await page.locator('#select-8').click();
  await expect(page.frameLocator('#embed-main').locator('.stmt.selected')).toHaveCount(1);
  expect(await page.evaluate(() => (window as any).__csp ?? [])).toEqual([]);
  expect(problems).toEqual([]);
});

test('links to sources open with noopener noreferrer, and only http(s) URLs become links', async ({ page }) => {
  const article = { title: 'Linked', url: 'https://example.org/story', body: "Mali's Foreign Minister, Abdoulaye Diop, praised the talks." };
  await page.route('**/fixtures/linked.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(article) }));
  await page.goto('./?src=fixtures/linked.json');
  const link = page.locator('article a.original');
  await expect(link).toHaveAttribute('href', 'https://example.org/story');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(link).toHaveAttribute('target', '_blank');
});
