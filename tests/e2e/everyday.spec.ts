// Everyday quality: the keyboard-shortcut panel, printing (article with highlights, then the
// statement table), reduced motion, and keyboard-only use of the legend and the timeline.
import { test, expect } from '@playwright/test';

test('"?" opens the keyboard-shortcut list and Esc closes it', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('.article-body p')).toHaveCount(6);
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeHidden();
  await page.keyboard.press('?');
  await expect(help).toBeVisible();
  await expect(help.locator('dt')).toHaveCount(10);
  await expect(help.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  const opener = page.getByRole('button', { name: 'all keys (?)' });
  await opener.click();
  await expect(help).toBeVisible();
  // Esc gives focus back to the button that opened the list, not to the page body.
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(opener).toBeFocused();
});

test('the screen-reader message "No hits" goes when a theme is turned back on', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('.article-body p')).toHaveCount(6);
  const status = page.locator('.reader p.sr-only[aria-live]');
  await page.getByRole('button', { name: 'None', exact: true }).click();
  await page.keyboard.press('n');
  await expect(status).toHaveText(/^No hits/);
  await page.getByRole('button', { name: 'All', exact: true }).click();
  await expect(status).toHaveText('');
  await page.keyboard.press('n');
  await expect(status).toHaveText(/^Hit 1 of \d+/);
});

test('printing shows the article with highlights and the statement table', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('.article-body p')).toHaveCount(6);
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  const table = page.locator('table.print-statements');
  await expect(table).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(10);
  await expect(page.locator('.timeline-panel')).toBeHidden();
  await expect(page.locator('.reader-side')).toBeHidden();
  const tinted = await page.locator('.article-body mark', { hasText: 'wheat' }).evaluate((el) => getComputedStyle(el).backgroundImage.includes('gradient'));
  expect(tinted).toBe(true);
  // The key to the colours and patterns is printed with the article: one entry per active theme.
  const key = page.locator('.print-key');
  await expect(key).toBeVisible();
  await expect(key.locator('mark')).toHaveCount(await page.locator('.legend-item:not(.off)').count());
  const keyed = await key.locator('mark').first().evaluate((el) => getComputedStyle(el).backgroundImage.includes('gradient'));
  expect(keyed).toBe(true);
  await page.pdf({ path: '../target/screenshots/print.pdf' });
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  await expect(table).toHaveCount(0);
});

test('reduced motion turns animations off', async ({ browser }) => {
  const context = await browser.newContext({ reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto('./');
  await expect(page.locator('.density .col')).toHaveCount(6);
  await page.locator('.density .col').nth(2).click();
  await expect(page.locator('#p3')).toHaveClass(/flash/);
  expect(await page.locator('#p3').evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
  await context.close();
});

test('keyboard alone: a theme toggled from the legend, a statement chosen in the timeline', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('.article-body p')).toHaveCount(6);
  const toggle = page.locator('.legend-item[data-theme="security"] .toggle');
  await toggle.focus();
  await page.keyboard.press('Space');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const item = page.locator('svg.timeline g.item').nth(2);
  await item.focus();
  const ring = await item.evaluate((el) => getComputedStyle(el.querySelector('rect.card')!).strokeWidth);
  expect(parseFloat(ring)).toBeGreaterThanOrEqual(3);
  await page.keyboard.press('Enter');
  await expect(page.locator('.stmt.selected')).toHaveText(/^Following discussions with Russian Foreign Minister/);
});
