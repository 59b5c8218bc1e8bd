import { test, expect } from '@playwright/test';
test('probe', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('./?view=table');
  await expect(page.locator('table.statements tbody tr')).toHaveCount(10);
  await page.screenshot({ path: '../target/screenshots/probe-table.png' });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./');
  await expect(page.locator('.article-body p')).toHaveCount(6);
  await page.screenshot({ path: '../target/screenshots/probe-phone.png' });
});
