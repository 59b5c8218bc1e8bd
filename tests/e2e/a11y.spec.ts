// Accessibility: axe-core (injected from npm) reports no violations on the reader with themes
// on, the timeline, the table view, the embed example page and the error state.
import { test, expect, Page } from '@playwright/test';

const AXE = require.resolve('axe-core/axe.min.js');

// The release build's CSP rightly refuses the injected axe script; the checks bypass it.
test.use({ bypassCSP: true });

async function violations(page: Page, frame?: string) {
  const target = frame ? page.frame({ url: new RegExp(frame) })! : page.mainFrame();
  await target.addScriptTag({ path: AXE });
  const result = await target.evaluate(async () => {
    // @ts-ignore
    const r = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n: any) => n.target.join(' ')) }));
  });
  if (result.length) console.log(JSON.stringify(result, null, 1));
  return result;
}

const pages: [string, string, string][] = [
  ['the reader with themes on and the timeline', './', '.article-body p'],
  ['the table view', './?view=table', 'table.statements tbody tr'],
  ['the error state', './?src=articles/no-such-article.json', '.failure'],
  ['a selected statement with a narrowed theme set', './?themes=economy,humanitarian&statement=8', '.stmt.selected'],
];

for (const [name, url, ready] of pages) {
  test(`axe: no violations on ${name}`, async ({ page }) => {
    await page.goto(url);
    await expect(page.locator(ready).first()).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });
}

test('axe: no violations in dark mode', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark', bypassCSP: true });
  const page = await context.newPage();
  await page.goto('./');
  await expect(page.locator('.article-body p').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await context.close();
});

test('axe: no violations on the embed example page and inside its iframe', async ({ page }) => {
  await page.goto('./embed-example.html');
  await expect(page.frameLocator('#embed-main').locator('.article-body p').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
  expect(await violations(page, 'embed=1&origin=http')).toEqual([]);
});
