// Measurements, not assertions: what toggling a theme costs (click to the next painted frame)
// on the seed and on a ~1 MB article, and how long the 1 MB article takes to appear. Written to
// target/measurements/reader.json and printed; the only checks are that the pages work.
import { test, expect, Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { analysed } from './analysed';

const seed = JSON.parse(readFileSync('../public/articles/mali-russia-2024-03-18.json', 'utf8'));

// Medians over `runs` toggles of the humanitarian theme: `work_ms`, the click handler plus the
// style and layout it forces; `frame_ms`, from the click to the frame after the next paint
// (includes waiting for the frame, so ~16 ms at least on a 60 Hz clock).
async function toggleCost(page: Page, runs = 9): Promise<{ work_ms: number; frame_ms: number }> {
  const work: number[] = [];
  const frame: number[] = [];
  for (let k = 0; k < runs; k++) {
    const [w, f] = await page.evaluate(async () => {
      const button = document.querySelector<HTMLButtonElement>('.legend-item[data-theme="humanitarian"] .toggle')!;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      const t0 = performance.now();
      button.click();
      void document.body.getBoundingClientRect().height; // force style and layout now
      const t1 = performance.now();
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return [t1 - t0, performance.now() - t0];
    });
    work.push(w);
    frame.push(f);
  }
  const median = (xs: number[]) => Math.round(xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] * 10) / 10;
  return { work_ms: median(work), frame_ms: median(frame) };
}

test('toggle cost on the seed and on a ~1 MB article', async ({ page }) => {
  test.setTimeout(180_000);
  const results: Record<string, unknown> = {};

  await page.goto('./');
  await expect(page.locator('.article-body p')).toHaveCount(6);
  await analysed(page);
  results.seed_toggle = await toggleCost(page);

  // ~1 MB: the seed's paragraphs repeated.
  const paragraphs: string[] = [];
  while (paragraphs.join('\n\n').length < 1_000_000) paragraphs.push(...seed.paragraphs);
  const body = JSON.stringify({ id: 'big', source: 'MENAFN', date: '2024-03-18', paragraphs });
  await page.route('**/fixtures/big.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
  const t0 = Date.now();
  await page.goto('./?src=fixtures/big.json');
  await expect(page.locator('.article-body p')).toHaveCount(paragraphs.length, { timeout: 150_000 });
  // The text paints first; the analysis worker's marks follow.
  results.big_load_to_text_ms = Date.now() - t0;
  await analysed(page, 150_000);
  results.big_article_bytes = body.length;
  results.big_article_paragraphs = paragraphs.length;
  results.big_marks = await page.locator('.article-body mark').count();
  results.big_load_to_rendered_ms = Date.now() - t0;
  results.big_toggle = await toggleCost(page, 7);

  mkdirSync('../target/measurements', { recursive: true });
  writeFileSync('../target/measurements/reader.json', JSON.stringify(results, null, 2) + '\n');
  console.log('reader measurements:', JSON.stringify(results));
});
