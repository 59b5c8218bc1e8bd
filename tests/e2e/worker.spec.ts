// The analysis worker (src/jobs, src/worker, app/analyst.rs): the text is on screen before the
// analysis, and stays where the reader is when the highlights arrive; progress on a corpus,
// and a newer load replacing an older one mid-analysis; a worker that fails or dies (message,
// Retry, what was open stays usable); messages of the wrong shape or version ignored and
// logged.
import { test, expect, Page } from '@playwright/test';
import { readFileSync, mkdirSync } from 'node:fs';
import { drop } from './drop';
import { analysed } from './analysed';

const seed = JSON.parse(readFileSync('../public/articles/mali-russia-2024-03-18.json', 'utf8'));
const items = (page: Page) => page.locator('svg.timeline g.item');
mkdirSync('../target/screenshots', { recursive: true });

test('the text paints while the worker is held back, and the highlights arrive without moving it', async ({ page }) => {
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.context().route('**/worker_bg.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.setViewportSize({ width: 1280, height: 700 });
  await page.goto('./');
  await expect(page.locator('.article-body p')).toHaveCount(6);
  await expect(page.locator('h1')).toHaveText('MENAFN report of 18 March 2024');
  await expect(page.locator('.article-body #p1')).toHaveText(seed.paragraphs[0]);
  await expect(page.locator('.analysis-status')).toHaveText('Analysing…');
  await expect(page.locator('.workspace')).toHaveAttribute('aria-busy', 'true');
  await expect(page.locator('svg.timeline text.empty')).toHaveText('Statements appear here once the analysis is done.');
  expect(await page.locator('.article-body mark').count()).toBe(0);
  // No hit count before there are hits to count.
  await expect(page.locator('.hit-nav .hit-count')).toHaveText('');
  // Nothing to export before the analysis.
  await expect(page.getByRole('button', { name: 'CSV' })).toBeDisabled();
  await page.screenshot({ path: '../target/screenshots/worker-text-first.png' });

  // The reader goes to the fourth paragraph; the analysis arrives.
  await page.locator('#p4').evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 100));
  const before = await page.evaluate(() => [window.scrollY, document.querySelector('#p4')!.getBoundingClientRect().top]);
  release();
  await analysed(page);
  await expect(items(page)).toHaveCount(10);
  await expect(page.locator('.article-body mark.hl').first()).toBeAttached();
  await expect(page.locator('.analysis-status')).toHaveCount(0);
  const after = await page.evaluate(() => [window.scrollY, document.querySelector('#p4')!.getBoundingClientRect().top]);
  // The legend and the density strip above it filled in; the paragraph is where it was.
  expect(Math.abs(after[1] - before[1])).toBeLessThan(2);
  await expect(page.getByRole('button', { name: 'CSV' })).toBeEnabled();
  await expect(page.locator('.hit-nav .hit-count')).toHaveText('53 hits');
});

test('a long text paints its first part at once, the rest follows in parts, and the worker gets it all', async ({ page }) => {
  // About 1.5 MB: the seed's paragraphs 600 times over.
  const paragraphs = Array.from({ length: 600 }, () => seed.paragraphs).flat();
  const n = paragraphs.length;
  const body = JSON.stringify({ id: 'parts', source: 'Test Wire', date: '2024-03-18', paragraphs });
  await page.route('**/fixtures/parts.json', (route) => route.fulfill({ contentType: 'application/json', body }));
  // How many paragraphs the body held when the first one appeared.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('#p1')) {
        (window as any).__firstPart = document.querySelectorAll('.article-body p').length;
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto('./?src=fixtures/parts.json');
  await expect(page.locator('#p1')).toHaveText(paragraphs[0]);
  const first = await page.evaluate(() => (window as any).__firstPart);
  expect(first).toBeGreaterThan(0);
  expect(first).toBeLessThan(n / 10);
  await expect(page.locator('.article-body p')).toHaveCount(n, { timeout: 30_000 });
  await expect(page.locator(`#p${n}`)).toHaveText(paragraphs[n - 1]);
  // The worker read the whole text, sent in parts: every copy's ten statements.
  await analysed(page, 60_000);
  await expect(page.locator('.tl-count')).toHaveText((10 * 600).toLocaleString('en-US'));
});

// A corpus of `n` articles, each the seed's paragraphs `times` over, with its own id and date.
function corpus(n: number, id: string, times = 1): string {
  const articles = Array.from({ length: n }, (_, k) => ({
    id: `${id}-${k + 1}`,
    source: 'Test Wire',
    date: `2024-${String((k % 12) + 1).padStart(2, '0')}-${String((k % 27) + 1).padStart(2, '0')}`,
    paragraphs: Array.from({ length: times }, () => seed.paragraphs).flat(),
  }));
  return JSON.stringify(articles);
}

test('a corpus reports its progress, and a newer load replaces it mid-analysis', async ({ page }) => {
  await page.goto('./');
  await analysed(page);
  // Every status line shown, with its bar's maximum, as the page shows them.
  await page.evaluate(() => {
    const seen: string[] = ((window as any).statuses = []);
    new MutationObserver(() => {
      const p = document.querySelector('.analysis-status');
      const line = p ? `${p.textContent} [${p.querySelector('progress')?.getAttribute('max') ?? ''}]` : '';
      if (line && seen[seen.length - 1] !== line) seen.push(line);
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await drop(page, 'big-corpus.json', corpus(500, 'big', 3));
  const status = page.locator('.analysis-status');
  await expect(status).toContainText(/Analysing \d+ of 500 articles/, { timeout: 30_000 });
  await page.screenshot({ path: '../target/screenshots/worker-progress.png' });
  // The text of the first article is readable meanwhile, and a theme-less page answers.
  await expect(page.locator('.article-body #p1')).toHaveText(seed.paragraphs[0]);

  // A newer load while the corpus is still analysed: the older analysis stops, its results
  // never show.
  await expect(page.locator('.workspace')).toHaveAttribute('aria-busy', 'true');
  await drop(page, 'small-corpus.json', corpus(2, 'small'));
  await analysed(page);
  await expect(page.locator('.switcher summary')).toHaveText('2 articles');
  const count = await items(page).count();
  expect(count).toBeGreaterThanOrEqual(10);
  expect(count).toBeLessThanOrEqual(20);
  await page.waitForTimeout(1500);
  await expect(page.locator('.switcher summary')).toHaveText('2 articles');
  await expect(items(page)).toHaveCount(count);
  await expect(status).toHaveCount(0);
  const seen: string[] = await page.evaluate(() => (window as any).statuses);
  // The bar counted the big corpus's articles up, then the small one's.
  const big = seen.filter((s) => / of 500 articles \[500\]$/.test(s)).map((s) => Number(s.match(/Analysing (\d+)/)![1]));
  expect(big.length).toBeGreaterThan(1);
  expect([...big].sort((a, b) => a - b)).toEqual(big);
  expect(big[big.length - 1]).toBeLessThan(500);
  expect(seen.some((s) => / 2 articles/.test(s))).toBe(true);
});

test('a worker that cannot start says so, and Retry starts one that works', async ({ page }) => {
  await page.context().route('**/worker-loader.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: "throw new Error('test: the worker broke');" }),
  );
  await page.goto('./');
  const failure = page.locator('.analysis-failed');
  await expect(failure).toContainText('The analysis stopped:');
  await expect(failure).toContainText('test: the worker broke');
  await expect(failure).toContainText('The text stays open and nothing you had is lost.');
  await expect(page.locator('.workspace')).not.toHaveAttribute('aria-busy', 'true');
  await expect(page.locator('.article-body p')).toHaveCount(6);
  await page.screenshot({ path: '../target/screenshots/worker-failed.png' });

  // A module whose wasm cannot load: its loader says so through the protocol.
  await page.context().unroute('**/worker-loader.js');
  await page.context().route('**/worker_bg.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await failure.getByRole('button', { name: 'Retry the analysis' }).click();
  await expect(failure).toContainText('the analysis could not start');

  await page.context().unroute('**/worker_bg.wasm');
  await failure.getByRole('button', { name: 'Retry the analysis' }).click();
  await analysed(page);
  await expect(failure).toHaveCount(0);
  await expect(items(page)).toHaveCount(10);
});

test('a worker that dies keeps the analysis on screen usable, and Retry brings a new one', async ({ page }) => {
  await page.goto('./');
  await analysed(page);
  await expect(items(page)).toHaveCount(10);
  await expect.poll(() => page.workers().length).toBeGreaterThan(0);
  // An exception thrown in the worker, outside any message: its error event reaches the page.
  await page.workers()[0].evaluate(() => {
    setTimeout(() => {
      throw new Error('test: the worker died');
    });
  });
  const failure = page.locator('.analysis-failed');
  await expect(failure).toContainText('test: the worker died');
  // What was analysed stays, and works: a theme toggles, a statement selects its sentence.
  await expect(items(page)).toHaveCount(10);
  const toggle = page.locator('.legend-item[data-theme="humanitarian"] .toggle');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await items(page).nth(1).click();
  await expect(page.locator('.stmt.selected')).toHaveText(/^Diop emphasized that collaboration/);
  await failure.getByRole('button', { name: 'Retry the analysis' }).click();
  await analysed(page);
  await expect(failure).toHaveCount(0);
  await expect(items(page)).toHaveCount(10);
});

test('messages of another version or of the wrong shape are logged and ignored', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  // A loader that first sends three bad messages, then starts the real worker.
  await page.context().route('**/worker-loader.js', (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: [
        "postMessage(JSON.stringify({ v: 99, body: { kind: 'done', job: 1 } }));",
        "postMessage('not a message');",
        "postMessage(JSON.stringify({ v: 2, body: { analysed: { job: 1 } } }));",
        "import('./worker-loader.js?real');",
      ].join('\n'),
    }),
  );
  await page.goto('./');
  await analysed(page);
  await expect(items(page)).toHaveCount(10);
  await expect(page.locator('.analysis-failed')).toHaveCount(0);
  const ignored = warnings.filter((w) => w.startsWith('Article Explorer ignored a message from its analysis worker'));
  expect(ignored).toEqual([
    'Article Explorer ignored a message from its analysis worker: a message of version 99, where this app reads version 2',
    expect.stringMatching(/^Article Explorer ignored a message from its analysis worker: a message of the wrong shape \(/),
    expect.stringMatching(/^Article Explorer ignored a message from its analysis worker: a message of the wrong shape \(missing field `article`/),
  ]);
});
