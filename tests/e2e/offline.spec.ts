// The explorer offline, and what it keeps: the service worker serves the app with the network
// cut; an article dropped on the page is kept in IndexedDB ("Recent") and reopens after a
// reload, offline too; "Forget" removes it; a browser that refuses to keep it, or an entry
// that cannot be read, is reported while what is open stays; a new deployment is offered, not
// swapped in.
import { test, expect, Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { drop } from './drop';

test.use({ serviceWorkers: 'allow' });

async function controlled(page: Page) {
  await page.goto('./');
  await expect(page.locator('.article-body p')).toHaveCount(6);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
}

async function dropChanged(page: Page) {
  await drop(page, 'v1.json', [...readFileSync('fixtures/changed/v1.json')]);
  await expect(page.locator('h1')).toHaveText('Harbour talks (invented test article, first version)');
}

test('offline: the seed and an article dropped earlier open, and their exports work', async ({ page, context }) => {
  await controlled(page);
  // The worker gives the app for the app's addresses only: another page of the site is itself.
  await page.goto('./embed-example.html');
  await expect(page).toHaveTitle('Article Explorer: embedding example');
  await page.goto('./');
  // The app is up (its drop listener with it) before the file is dropped.
  await expect(page.locator('.article-body p')).toHaveCount(6);
  await dropChanged(page);
  await expect(page).toHaveURL(/recent=article%3Aharbour-talks|recent=article:harbour-talks/);
  await page.getByText('Recent', { exact: false }).first().click();
  await expect(page.locator('.recent-panel li')).toHaveCount(1);
  await expect(page.locator('.recent-panel li a')).toHaveText('Harbour talks (invented test article, first version)');
  await expect(page.locator('.recent-meta')).toContainText('1 article');
  await expect(page.locator('.recent-usage')).toContainText('Storage used:');
  await page.screenshot({ path: '../target/screenshots/recent-menu.png' });

  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  const again = await page.reload();
  expect(again!.fromServiceWorker()).toBe(true);
  await expect(page.locator('h1')).toHaveText('Harbour talks (invented test article, first version)');
  await expect(page.locator('svg.timeline g.item')).toHaveCount(3);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.exports button', { hasText: 'CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('harbour-talks-statements.csv');
  // The seed, from the app shell.
  await page.goto('./');
  await expect(page.locator('.article-body p')).toHaveCount(6);
  await expect(page.locator('svg.timeline g.item')).toHaveCount(10);
  await page.screenshot({ path: '../target/screenshots/offline-seed.png' });
  await context.setOffline(false);

  // Forget: gone from the list, and its address says so.
  await page.getByText('Recent', { exact: false }).first().click();
  await page.locator('.recent-panel').getByRole('button', { name: 'Forget' }).click();
  await expect(page.locator('.recent-panel li')).toHaveCount(0);
  await expect(page.locator('.recent-panel .hint')).toContainText('Nothing kept yet');
  await page.goto('./?recent=article%3Aharbour-talks');
  await expect(page.locator('.failure')).toContainText('it is no longer kept in this browser');
});

test('a browser that refuses to keep an article says so, and the article stays open', async ({ page }) => {
  await page.addInitScript(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await controlled(page);
  await dropChanged(page);
  await expect(page.locator('.load-problem')).toHaveText(/^This could not be kept for later \(the browser's storage for this site is full\); it stays open until you close the page\./);
  await expect(page.locator('svg.timeline g.item')).toHaveCount(3);
});

test('a kept entry that cannot be read is set aside and reported', async ({ page }) => {
  await controlled(page);
  await dropChanged(page);
  // Kept and listed (the list is read once the entry is in) before the bad entry is written.
  await expect(page.locator('details.recent summary')).toContainText('Recent (1)');
  await page.evaluate(() => new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('article-explorer', 1);
    open.onsuccess = () => {
      const tx = open.result.transaction('kept', 'readwrite');
      tx.objectStore('kept').put('{"key": "article:broken", "title": ', 'article:broken');
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }));
  await page.reload();
  await page.getByText('Recent', { exact: false }).first().click();
  await expect(page.locator('.recent-panel .notice')).toContainText('A kept entry (article:broken) could not be read');
  await expect(page.locator('.recent-panel li')).toHaveCount(1);
  const aside = await page.evaluate(() => new Promise<string>((resolve) => {
    const open = indexedDB.open('article-explorer', 1);
    open.onsuccess = () => {
      const get = open.result.transaction('set-aside').objectStore('set-aside').get('article:broken');
      get.onsuccess = () => resolve(get.result);
    };
  }));
  expect(aside).toBe('{"key": "article:broken", "title": ');
});

test('a new deployment is offered with "Reload", not swapped in', async ({ page }) => {
  await controlled(page);
  const path = '../dist/sw.js';
  const deployed = readFileSync(path, 'utf8');
  try {
    writeFileSync(path, deployed + '\n// a new deployment\n');
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r!.update()));
    const notice = page.locator('.new-version');
    await expect(notice).toContainText('New version of the explorer.', { timeout: 20_000 });
    // The page goes on with its version until the reader chooses.
    await expect(page.locator('.article-body p')).toHaveCount(6);
    await page.screenshot({ path: '../target/screenshots/new-version.png' });
    await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Reload' }).click()]);
    await expect(page.locator('.article-body p')).toHaveCount(6);
    await expect(page.locator('.new-version')).toHaveCount(0);
  } finally {
    writeFileSync(path, deployed);
  }
});
