// Everyday quality: the keyboard-shortcut panel, printing (article with highlights, then the
// statement table), reduced motion, and keyboard-only use of the legend and the timeline.
import { test, expect } from '@playwright/test';
import { analysed } from './analysed';

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
  await analysed(page);
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
  await page.screenshot({ path: '../target/screenshots/print.png', fullPage: true });
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  await expect(table).toHaveCount(0);
});

test('reduced motion turns animations off', async ({ browser }) => {
  const context = await browser.newContext({ reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto('./');
  await analysed(page);
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

test('on a phone: a file can be opened, the article starts on the first screen, the legend folds', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto('./');
  await expect(page.locator('.article-body p')).toHaveCount(6);
  await analysed(page);
  // "Open file…" is there (a phone cannot drop a file); the words about dropping are not.
  await expect(page.locator('.open-file')).toBeVisible();
  await expect(page.locator('.open-more')).toBeHidden();
  // The first screen shows the article: its first paragraph starts inside it.
  const first = await page.locator('.article-body p').first().boundingBox();
  expect(first!.y).toBeLessThan(844 - 60);
  // The legend is one bar, with the hit navigation; opening it shows every theme.
  const bar = page.locator('.tools-toggle');
  await expect(bar).toHaveText(/Themes: 7 of 7 on/);
  await expect(page.locator('.legend-item').first()).toBeHidden();
  await expect(page.locator('.hit-nav')).toBeVisible();
  await page.screenshot({ path: '../target/screenshots/phone-first-screen.png' });
  await bar.click();
  await expect(bar).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('.legend-item')).toHaveCount(7);
  await expect(page.locator('.legend-item').first()).toBeVisible();
  await page.screenshot({ path: '../target/screenshots/phone-legend-open.png' });
  // A file opened from the phone replaces the article.
  await page.locator('.open-file input').setInputFiles({
    name: 'phone.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('date 2024-05-02 (TEST) The minister said the talks went well.'),
  });
  await expect(page.locator('.article-body p')).toHaveCount(1);
  // Timeline cards show whole lines only, on a phone too: nothing runs past the card's text box.
  await page.goto('./');
  await expect(page.locator('svg.timeline g.item')).toHaveCount(10);
  await page.locator('svg.timeline').scrollIntoViewIfNeeded();
  const clipped = await page.locator('svg.timeline .card-text').evaluateAll((els) =>
    els.filter((el) => el.scrollHeight > el.clientHeight + 1).length,
  );
  expect(clipped).toBe(0);
  await context.close();
});
