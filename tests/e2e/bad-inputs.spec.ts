// The catalogue of bad and odd inputs (tests/fixtures/bad/catalogue.json), dropped one by one
// on the open seed article: each refused input shows its specific message while the seed stays
// open and usable; each odd but valid one opens. The same catalogue runs natively in
// tests/bad_inputs.rs.
import { test, expect } from '@playwright/test';
import { drop } from './drop';
import { readFileSync } from 'node:fs';

const catalogue = JSON.parse(readFileSync('fixtures/bad/catalogue.json', 'utf8')).inputs as {
  file?: string;
  generate?: string;
  error?: string;
  paragraphs?: number;
}[];

test(`${catalogue.length} bad and odd inputs, each with its outcome`, async ({ page }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./');
  await expect(page.locator('.article-body p')).toHaveCount(6);
  for (const entry of catalogue) {
    const name = entry.file ?? entry.generate!;
    const bytes = entry.file ? [...readFileSync(`fixtures/bad/${entry.file}`)] : null;
    await drop(page, name, bytes, entry.generate);
    if (entry.error) {
      await expect(page.locator('.load-problem'), name).toContainText(entry.error, { timeout: 30_000 });
      await expect(page.locator('.load-problem')).toContainText('The articles already open stay open.');
      // What was open is still there and works.
      await expect(page.locator('.article-body p').first()).toBeVisible();
      await page.locator('.load-problem button').click();
    } else {
      await expect(page.locator('.article-body p'), name).toHaveCount(entry.paragraphs!, { timeout: 60_000 });
      await expect(page.locator('.load-problem')).toHaveCount(0);
    }
  }
  // Still usable at the end: the last article's legend toggles.
  await page.locator('.legend-item .toggle').first().click();
  expect(errors).toEqual([]);
});
