import { expect, Page } from '@playwright/test';

// Waits until the workspace shows its analysis: the text paints first (app/analysis_status.rs)
// and the workspace is aria-busy until the analysis worker's results are in.
export async function analysed(page: Page, timeout = 30_000) {
  await expect(page.locator('.workspace')).toBeVisible({ timeout });
  await expect(page.locator('.workspace[aria-busy="true"]')).toHaveCount(0, { timeout });
}
