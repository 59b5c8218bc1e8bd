// Corrections kept across reloads and in the exports; adding a missed statement from selected
// text; importing an annotation file into a fresh browser profile; and the exported TimelineJS
// JSON rendered by the real TimelineJS3 library.
import { test, expect, Page, Download } from '@playwright/test';
import { readFileSync } from 'node:fs';

const items = (page: Page) => page.locator('svg.timeline g.item');

async function save(download: Download): Promise<string> {
  const path = `../target/exports/${download.suggestedFilename()}`;
  await download.saveAs(path);
  return path;
}

async function exportFile(page: Page, button: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.exports button', { hasText: button }).click()]);
  return save(download);
}

async function openEditor(page: Page) {
  const summary = page.locator('.corrector summary');
  if (!(await page.locator('.corrector').evaluate((d: HTMLDetailsElement) => d.open))) await summary.click();
  return page.locator('.corrector');
}

test('a correction: reassigned then undone, a deletion that survives a reload and reaches the CSV', async ({ page }) => {
  await page.goto('./');
  await expect(items(page)).toHaveCount(10);
  await items(page).nth(7).click();
  const editor = await openEditor(page);
  // The speaker field starts with the selected statement's speaker, and follows the selection
  // whether it is made in the timeline or by clicking a sentence in the reader.
  const speakerField = editor.locator('.corr-row input').first();
  await expect(speakerField).toHaveValue('Sergey Lavrov');
  await page.locator('.article-body .stmt[data-st="0"]').click();
  await expect(speakerField).toHaveValue('Abdoulaye Diop');
  await items(page).nth(7).click();
  await expect(speakerField).toHaveValue('Sergey Lavrov');
  await editor.locator('.corr-row input').first().fill('Abdoulaye Diop');
  await editor.getByRole('button', { name: 'Set speaker' }).click();
  await expect(items(page).nth(7)).toHaveAttribute('aria-label', /^Abdoulaye Diop reiterated ✎ corrected /);
  await expect(items(page).nth(7)).toHaveAttribute('data-lane', 'Mali');
  await expect(items(page).nth(7).locator('.corrected-mark')).toBeVisible();
  await editor.getByRole('button', { name: 'Undo last' }).click();
  await expect(items(page).nth(7)).toHaveAttribute('aria-label', /^Sergey Lavrov reiterated /);

  await items(page).nth(9).click();
  await editor.getByRole('button', { name: 'Delete this statement' }).click();
  await expect(items(page)).toHaveCount(9);
  await page.reload();
  await expect(items(page)).toHaveCount(9);
  await expect(page.locator('.corrector summary')).toContainText('1 made');
  const csv = readFileSync(await exportFile(page, 'CSV'), 'utf8').trimEnd().split('\r\n');
  expect(csv).toHaveLength(10);
  expect(csv.some((line) => line.includes('He lauded'))).toBe(false);
  // Back to the extractor's reading for the next test in this profile.
  await (await openEditor(page)).getByRole('button', { name: 'Undo last' }).click();
  await expect(items(page)).toHaveCount(10);
});

test('a missed statement is added from selected text', async ({ page }) => {
  await page.goto('./');
  await expect(items(page)).toHaveCount(10);
  const sentence = 'As both nations continue to strengthen their ties';
  await page.evaluate((words) => {
    const p = document.querySelector('#p6')!;
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    let node: Node | null;
    while ((node = walker.nextNode())) {
      const at = node.textContent!.indexOf(words.slice(0, 20));
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        // The words may run over several text nodes (highlights); end at the last one.
        let end: Node = node;
        let rest = words.length - (node.textContent!.length - at);
        while (rest > 0 && (end = walker.nextNode()!)) rest -= end.textContent!.length;
        range.setEnd(end, end.textContent!.length + Math.min(rest, 0));
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return;
      }
    }
  }, sentence);
  const editor = await openEditor(page);
  await editor.locator('.corr-add input').fill('MENAFN');
  await editor.locator('.corr-add select').selectOption('neutral');
  await editor.getByRole('button', { name: 'Add the selected text' }).click();
  await expect(items(page)).toHaveCount(11);
  await expect(items(page).nth(10)).toHaveAttribute('aria-label', new RegExp(`^MENAFN added by a reader ✎ corrected ${sentence}`));
  await expect(page.locator('.stmt.selected')).toHaveText(new RegExp(`^${sentence}`));
  await editor.getByRole('button', { name: 'Undo last' }).click();
  await expect(items(page)).toHaveCount(10);
});

test('importing an exported annotation file restores the user theme and the corrections', async ({ browser }) => {
  const first = await browser.newContext({ acceptDownloads: true });
  const page = await first.newPage();
  await page.goto('./');
  await expect(items(page)).toHaveCount(10);
  await page.locator('.user-themes summary').click();
  await page.locator('.theme-form').getByLabel('Name').fill('Agriculture');
  await page.locator('.theme-form').getByLabel('Terms').fill('wheat, fertilizer');
  await page.locator('.theme-form').getByRole('button', { name: 'Add theme' }).click();
  await items(page).nth(9).click();
  await (await openEditor(page)).getByRole('button', { name: 'Delete this statement' }).click();
  await expect(items(page)).toHaveCount(9);
  const file = await exportFile(page, 'Annotations');
  await first.close();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto('./');
  await expect(items(other)).toHaveCount(10);
  await expect(other.locator('.legend-item[data-theme="agriculture"]')).toHaveCount(0);
  await other.locator('.exports input[type=file]').setInputFiles(file);
  await expect(other.locator('.notice')).toContainText('Imported mali-russia-2024-03-18-annotations.jsonld');
  await expect(other.locator('.notice')).toContainText('1 theme added, 1 correction restored');
  await expect(other.locator('.legend-item[data-theme="agriculture"] .count')).toHaveText('2');
  await expect(items(other)).toHaveCount(9);
  await other.reload();
  await expect(items(other)).toHaveCount(9);
  await fresh.close();
});

test('the exported TimelineJS JSON renders in the real TimelineJS3 library', async ({ page }) => {
  await page.goto('./');
  await expect(items(page)).toHaveCount(10);
  const data = JSON.parse(readFileSync(await exportFile(page, 'TimelineJS'), 'utf8'));
  const lib = 'node_modules/@knight-lab/timelinejs/dist';
  await page.route('**/tljs/**', (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^\/tljs\//, '');
    if (path === 'host.html') {
      return route.fulfill({
        contentType: 'text/html',
        body: '<!DOCTYPE html><html><head><link rel="stylesheet" href="/tljs/css/timeline.css"><script src="/tljs/js/timeline.js"></script></head><body><div id="tl" style="width:1000px;height:650px"></div></body></html>',
      });
    }
    try {
      return route.fulfill({ body: readFileSync(`${lib}/${path}`), contentType: path.endsWith('.css') ? 'text/css' : 'text/javascript' });
    } catch {
      return route.fulfill({ status: 404, body: '' });
    }
  });
  await page.goto('./tljs/host.html');
  await page.evaluate((d) => {
    // @ts-ignore
    (window as any).tl = new TL.Timeline('tl', d, { script_path: location.origin + '/tljs/js/', language: 'en' });
  }, data);
  await expect(page.locator('.tl-timemarker')).toHaveCount(12);
  const headlines = await page.locator('.tl-slide .tl-headline').allTextContents();
  expect(headlines.filter((h) => /^(Abdoulaye Diop|Sergey Lavrov): /.test(h))).toHaveLength(10);
  expect(headlines).toContain('Sergey Lavrov: reiterated');
  await page.screenshot({ path: '../target/screenshots/timelinejs-seed.png' });
});

test('saved corrections that no longer match the text are reported, not silently dropped', async ({ page }) => {
  await page.addInitScript(() =>
    localStorage.setItem('article-explorer.corrections.v1.mali-russia-2024-03-18', JSON.stringify([{ op: 'delete', at: 999999 }])),
  );
  await page.goto('./');
  await expect(items(page)).toHaveCount(10);
  await expect(page.locator('.notice')).toHaveText(/^1 saved correction no longer matches the article's text; it is listed under “Correct statements”\./);
  // Listed there with what it did, and kept until the reader forgets it.
  await page.locator('.corrector summary').click();
  await expect(page.locator('.corr-orphans li')).toHaveText(/^statement deleted, at character 999999/);
});

test('a statement link stays true when a statement is added before it', async ({ page }) => {
  await page.goto('./?statement=c1096');
  await expect(items(page)).toHaveCount(10);
  await expect(page.locator('.stmt.selected')).toHaveText(/^Additionally, he reiterated/);
  // Add a statement from the first sentence's words (before the selected one).
  await page.evaluate(() => {
    // "During a " : the first words of the first paragraph, before its first highlight.
    const text = document.createTreeWalker(document.querySelector('#p1')!, NodeFilter.SHOW_TEXT).nextNode()!;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, Math.min(9, text.textContent!.length));
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  const editor = await openEditor(page);
  await editor.locator('.corr-add input').fill('A reader');
  await editor.getByRole('button', { name: 'Add the selected text' }).click();
  await expect(items(page)).toHaveCount(11);
  // The added statement is selected; the old link still names the same statement, now the
  // ninth (the old number, 8, names another one).
  await page.goto('./?statement=c1096');
  await expect(page.locator('.stmt.selected')).toHaveText(/^Additionally, he reiterated/);
  await page.goto('./?statement=8');
  await expect(page.locator('.stmt.selected')).not.toHaveText(/^Additionally, he reiterated/);
  // Undo renumbers again: the selection follows its statement, and so does the URL.
  await page.goto('./?statement=c1096');
  await expect(items(page)).toHaveCount(11);
  await (await openEditor(page)).getByRole('button', { name: 'Undo last' }).click();
  await expect(items(page)).toHaveCount(10);
  await expect(page.locator('.stmt.selected')).toHaveText(/^Additionally, he reiterated/);
  await expect(items(page).nth(7)).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/statement=c1096/);
});
