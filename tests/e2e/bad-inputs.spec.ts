// The catalogue of bad and odd inputs (tests/fixtures/bad/catalogue.json), dropped one by one
// on the open seed article: each refused input shows its specific message while the seed stays
// open and usable; each odd but valid one opens. The same catalogue runs natively in
// tests/bad_inputs.rs.
import { test, expect, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

const catalogue = JSON.parse(readFileSync('fixtures/bad/catalogue.json', 'utf8')).inputs as {
  file?: string;
  generate?: string;
  error?: string;
  paragraphs?: number;
}[];

// Drops a file on the page; `generate` builds big inputs inside the page instead of sending them.
async function drop(page: Page, name: string, bytes: number[] | null, generate?: string) {
  await page.evaluate(
    ({ name, bytes, generate }) => {
      let data: BlobPart;
      if (generate === 'fifty-megabytes') data = new Uint8Array(50 * 1024 * 1024).fill(97);
      else if (generate === 'nesting-10000') data = '['.repeat(10000) + ']'.repeat(10000);
      else if (generate === 'paragraph-5mb') {
        const s = 'the delegates went over the agenda at length and without a break ';
        data = 'date 2024-03-18 (TEST) ' + s.repeat(Math.ceil((5 * 1024 * 1024) / s.length));
      } else data = new Uint8Array(bytes!);
      const dt = new DataTransfer();
      dt.items.add(new File([data], name));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { name, bytes, generate },
  );
}

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
