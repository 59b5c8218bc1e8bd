// The statements timeline on the seed (lanes, reading order, linking both ways with the text,
// filters, URL state, the table, referenced events) and on a multi-article test corpus.
import { test, expect, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

const corpus = readFileSync('fixtures/multi-article-test-corpus.json', 'utf8');

async function open(page: Page, query = '') {
  await page.goto(`./${query}`);
  await expect(page.locator('.article-body p').first()).toBeVisible();
  await expect(page.locator('svg.timeline, table.statements')).toBeVisible();
}

const items = (page: Page) => page.locator('svg.timeline g.item');

// The y of each item's card, and the y of a band's tick, in SVG units.
const cardY = (page: Page) => items(page).evaluateAll((els) => els.map((el) => Number(el.querySelector('rect.card')!.getAttribute('y'))));

test('the seed: 10 items, 8 in the Mali lane and 2 in the Russia lane, in reading order', async ({ page }) => {
  await open(page);
  await expect(items(page)).toHaveCount(10);
  const lanes = await items(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-lane')));
  expect(lanes).toEqual(['Mali', 'Mali', 'Mali', 'Mali', 'Mali', 'Mali', 'Russia', 'Russia', 'Mali', 'Mali']);
  const ys = await cardY(page);
  for (let k = 1; k < ys.length; k++) expect(ys[k]).toBeGreaterThan(ys[k - 1]);
  await expect(page.locator('svg.timeline .lane-name')).toHaveText(['Mali', 'Russia']);
  await expect(page.locator('svg.timeline .tick.band text')).toHaveText(['18 Mar 2024']);
  await page.screenshot({ path: '../target/screenshots/timeline-wide.png', fullPage: true });
});

test('the "he reiterated" item is Lavrov\'s; selecting it scrolls to its sentence and marks it', async ({ page }) => {
  await open(page);
  const item = items(page).nth(7);
  await expect(item).toHaveAttribute('aria-label', /^Sergey Lavrov reiterated Moscow's dedication to providing humanitarian aid/);
  await item.click();
  const sentence = page.locator('.stmt.selected');
  await expect(sentence).toHaveCount(1);
  await expect(sentence).toHaveText(/^Additionally, he reiterated Moscow's dedication to providing humanitarian aid to Mali/);
  await expect(sentence).toBeInViewport();
  await expect(item).toHaveAttribute('aria-pressed', 'true');
  // The link names the statement by where its cue starts (code point 1096), not its number.
  await expect(page).toHaveURL(/statement=c1096/);
});

test('clicking the sentence "He lauded…" selects Diop\'s item', async ({ page }) => {
  await open(page);
  // A real click on the sentence's first word (a sentence wraps, so its box is not its text).
  const sentence = page.locator('.stmt', { hasText: /^He lauded Russia's fulfillment of promises/ });
  await sentence.scrollIntoViewIfNeeded();
  const at = await sentence.evaluate((el) => {
    const r = el.getClientRects()[0];
    return { x: r.left + 8, y: r.top + r.height / 2 };
  });
  await page.mouse.click(at.x, at.y);
  const selected = page.locator('svg.timeline g.item.selected');
  await expect(selected).toHaveCount(1);
  await expect(selected).toHaveAttribute('aria-label', /^Abdoulaye Diop lauded Russia's fulfillment of promises/);
  await expect(selected).toHaveAttribute('data-item', '9');
});

test('filtering to Russia leaves 2 items, and the filter is in the URL', async ({ page }) => {
  await open(page);
  await page.getByRole('combobox', { name: 'Country' }).selectOption('Russia');
  await expect(items(page)).toHaveCount(2);
  await expect(page).toHaveURL(/country=Russia/);
  await expect(page.locator('.tl-count')).toHaveText('2 of 10');
  await page.reload();
  await expect(items(page)).toHaveCount(2);
  await page.getByRole('combobox', { name: 'Country' }).selectOption('');
  await expect(items(page)).toHaveCount(10);
  await page.getByRole('combobox', { name: 'Category' }).selectOption('aid');
  await expect(items(page)).toHaveCount(2);
  await page.getByRole('combobox', { name: 'Category' }).selectOption('');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('humanitarian');
  await expect(items(page)).toHaveCount(2);
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('');
  await page.getByRole('combobox', { name: 'Speaker' }).selectOption('Sergey Lavrov');
  await expect(items(page)).toHaveCount(2);
});

test('?statement= restores a selection after reload', async ({ page }) => {
  await open(page, '?statement=3');
  await expect(page.locator('svg.timeline g.item.selected')).toHaveAttribute('data-item', '2');
  await expect(page.locator('.stmt.selected')).toHaveText(/^Following discussions with Russian Foreign Minister Sergey Lavrov, Diop commended/);
  await page.reload();
  await expect(page.locator('.stmt.selected')).toHaveCount(1);
  await items(page).nth(0).click();
  await expect(page).toHaveURL(/statement=c68/);
  await page.reload();
  await expect(page.locator('svg.timeline g.item.selected')).toHaveAttribute('data-item', '0');
  await page.goBack();
  await expect(page.locator('svg.timeline g.item.selected')).toHaveAttribute('data-item', '2');
});

test('lanes by speaker', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'by speaker' }).click();
  await expect(page.locator('svg.timeline .lane-name')).toHaveText(['Abdoulaye Diop', 'Sergey Lavrov']);
  await expect(page).toHaveURL(/lanes=speaker/);
});

test('the referenced past events appear before 2024-03-18', async ({ page }) => {
  await open(page);
  const events = page.locator('svg.timeline g.event');
  await expect(events).toHaveCount(2);
  await expect(events.nth(0)).toHaveAttribute('aria-label', /^Referred to: political instability and coups \(18 Mar 2019 – 18 Mar 2024, approximate\)/);
  await expect(events.nth(1)).toHaveAttribute('aria-label', /^Referred to: provision of humanitarian aid such as wheat and fertilizer \(18 Mar 2023 – 17 Mar 2024, approximate\)/);
  const band = Number(await page.locator('svg.timeline .tick.band line').first().getAttribute('y1'));
  const tops = await events.evaluateAll((els) => els.map((el) => Number(el.querySelector('rect')!.getAttribute('y'))));
  for (const top of tops) expect(top).toBeLessThan(band);
});

test('the table view lists the same 10 rows, sortable', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Table', exact: true }).click();
  const rows = page.locator('table.statements tbody tr');
  await expect(rows).toHaveCount(10);
  await expect(rows.nth(7).locator('td').nth(1)).toHaveText('Sergey Lavrov');
  await expect(rows.nth(7).locator('td').nth(2)).toHaveText(/^Additionally, he reiterated/);
  await expect(rows.nth(7).locator('td').nth(4)).toHaveText('Russia');
  await expect(rows.nth(7).locator('td').nth(5)).toHaveText('reiterated');
  await expect(rows.nth(7).locator('td').nth(6)).toHaveText('pledge or provide aid');
  await expect(rows.nth(7).locator('td').nth(7)).toHaveText('Mali');
  await expect(rows.nth(7).locator('td.sentence')).toHaveText(/^Additionally, he reiterated/);
  await expect(page).toHaveURL(/view=table/);
  await page.getByRole('button', { name: 'Speaker', exact: true }).click();
  await expect(page.locator('th[aria-sort="ascending"]')).toHaveText('Speaker');
  await expect(rows.nth(9).locator('td').nth(1)).toHaveText('Sergey Lavrov');
  await page.getByRole('button', { name: 'Speaker', exact: true }).click();
  await expect(rows.nth(0).locator('td').nth(1)).toHaveText('Sergey Lavrov');
  await rows.nth(0).getByRole('button').click();
  await expect(page.locator('.stmt.selected')).toHaveCount(1);
  // A click anywhere on a row selects it, the sentence cell included.
  await rows.nth(3).locator('td.sentence').click();
  await expect(rows.nth(3)).toHaveClass(/selected/);
  await expect(page.locator('.stmt.selected')).toHaveText(await rows.nth(3).locator('td.sentence').innerText());
  // The sentence is on screen and wraps, at a laptop's width and on a phone.
  for (const width of [1400, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const cell = await rows.nth(7).locator('td.sentence').boundingBox();
    const panel = await page.locator('.timeline-panel').boundingBox();
    expect(cell!.x + Math.min(cell!.width, 200)).toBeLessThanOrEqual(panel!.x + panel!.width);
    expect(cell!.height).toBeGreaterThan(30);
  }
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.screenshot({ path: '../target/screenshots/timeline-table.png', fullPage: true });
});

test('keyboard: items are focusable and Enter selects', async ({ page }) => {
  await open(page);
  await items(page).nth(4).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.stmt.selected')).toHaveText(/^While acknowledging the strides made in military collaboration, Diop stressed/);
});

test('a multi-article test corpus spreads items over a real date axis', async ({ page }) => {
  await page.route('**/fixtures/corpus.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: corpus }));
  await open(page, '?src=fixtures/corpus.json');
  await expect(items(page)).toHaveCount(6);
  await expect(page.locator('svg.timeline .tick.band text')).toHaveText(['2 Nov 2023', '15 Jan 2024', '5 Mar 2024']);
  const bands = await page.locator('svg.timeline .tick.band line').evaluateAll((els) => els.map((el) => Number(el.getAttribute('y1'))));
  const ys = await cardY(page);
  // Gaps are proportional to days: 2 Nov -> 15 Jan is 74 days, 15 Jan -> 5 Mar is 50.
  const gap1 = bands[1] - (bands[0] + 2 * 76);
  const gap2 = bands[2] - (bands[1] + 2 * 76);
  expect(Math.abs(gap1 / gap2 - 74 / 50)).toBeLessThan(0.05);
  expect(ys).toEqual([...ys].sort((a, b) => a - b));
  await expect(page.locator('svg.timeline .lane-name')).toHaveText(['Mali', 'Russia', 'Senegal']);
  // Selecting an item of another article opens that article in the reader.
  await items(page).nth(2).click();
  await expect(page.locator('article h1')).toHaveText('TEST DATA: Moscow pledges training');
  await expect(page.locator('.stmt.selected')).toHaveText(/^Russian Deputy Foreign Minister Ivan Petrov pledged/);
  await expect(page).toHaveURL(/statement=c\d+/);
  await expect(page).toHaveURL(/article=2/);
  // Another article chosen in the switcher: the old statement link goes.
  await page.locator('.article-choice').nth(0).click();
  await expect(page).not.toHaveURL(/statement=/);
  await expect(page.locator('.stmt.selected')).toHaveCount(0);
  await page.goBack();
  await expect(page.locator('.stmt.selected')).toHaveText(/^Russian Deputy Foreign Minister Ivan Petrov pledged/);
  // Zoom stretches the axis.
  const before = Number(await page.locator('.tl-canvas').getAttribute('data-height'));
  await page.getByRole('button', { name: 'Zoom in' }).click();
  const after = Number(await page.locator('.tl-canvas').getAttribute('data-height'));
  expect(after).toBeGreaterThan(before);
  await page.screenshot({ path: '../target/screenshots/timeline-corpus.png', fullPage: true });
});

test('phone width: the reader and the timeline are stacked', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  await open(page);
  const article = await page.locator('article.article').boundingBox();
  const panel = await page.locator('.timeline-panel').boundingBox();
  expect(panel!.y).toBeGreaterThan(article!.y + article!.height - 1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await page.locator('.timeline-panel').scrollIntoViewIfNeeded();
  await page.screenshot({ path: '../target/screenshots/timeline-phone.png', fullPage: true });
  await context.close();
});

// Six countries' speakers over three years (invented test data: not real news, fictional
// people), with referred-to events: the busy timeline a corpus gives.
const sixLanes = JSON.stringify([
  { id: 'six-1', title: 'TEST DATA: ministers meet', source: 'TEST', date: '2022-02-10', paragraphs: [
    "Mali's Foreign Minister, Amara Keita, praised the talks. Russian Foreign Minister Ivan Petrov welcomed the offer.",
    'French Foreign Minister Claire Martin criticised the deal. Coups shook the region in recent years.'] },
  { id: 'six-2', title: 'TEST DATA: a summit', source: 'TEST', date: '2023-06-20', paragraphs: [
    "Niger's Prime Minister, Ali Maiga, called for calm. Algerian Foreign Minister Karim Benali urged dialogue.",
    'Floods hit the capital last year.'] },
  { id: 'six-3', title: 'TEST DATA: a visit', source: 'TEST', date: '2024-09-05', paragraphs: [
    "Chad's Foreign Minister, Mahamat Idriss, praised the visit. Mali's Foreign Minister, Amara Keita, thanked Russia.",
    'Russian Foreign Minister Ivan Petrov pledged aid to Mali.'] },
]);

test('six lanes stay readable: a minimum width and sideways scrolling, lanes hidden and shown, a date range, thinned labels', async ({ page }) => {
  await page.route('**/fixtures/six.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: sixLanes }));
  await page.setViewportSize({ width: 1280, height: 900 });
  await open(page, '?src=fixtures/six.json');
  const names = page.locator('svg.timeline .lane-name');
  await expect(names).toHaveCount(6);
  // No lane name runs into the next one, and the drawing scrolls sideways instead.
  const boxes = await names.evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => [r.left, r.right]));
  for (let k = 1; k < boxes.length; k++) expect(boxes[k - 1][1]).toBeLessThanOrEqual(boxes[k][0]);
  const scroll = page.locator('.tl-scroll');
  expect(await scroll.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  // Scrolled to the last lanes, the dates stay in view.
  await scroll.evaluate((el) => { el.scrollLeft = el.scrollWidth; el.dispatchEvent(new Event('scroll')); });
  const band = page.locator('svg.timeline .tick.band text').first();
  await expect.poll(async () => {
    const [b, s] = [await band.boundingBox(), await scroll.boundingBox()];
    return b!.x >= s!.x && b!.x + b!.width <= s!.x + s!.width;
  }).toBe(true);
  await page.screenshot({ path: '../target/screenshots/timeline-six-lanes-scrolled.png' });
  await scroll.evaluate((el) => { el.scrollLeft = 0; el.dispatchEvent(new Event('scroll')); });
  await page.screenshot({ path: '../target/screenshots/timeline-six-lanes.png', fullPage: true });

  // Hide a lane; a chip brings it back; the URL keeps it.
  const count = await items(page).count();
  await page.getByRole('button', { name: 'Hide the lane France' }).click();
  await expect(names).toHaveCount(5);
  await expect(items(page)).toHaveCount(count - 1);
  await expect(page).toHaveURL(/hide=France/);
  // Focus goes to the chip that brings the lane back, and the chip shows in the table too,
  // whose rows the hidden lane also leaves out.
  const chip = page.getByRole('button', { name: 'Show the lane France again' });
  await expect(chip).toBeFocused();
  await page.getByRole('button', { name: 'Table', exact: true }).click();
  await expect(chip).toBeVisible();
  await expect(page.locator('table.statements tbody tr')).toHaveCount(count - 1);
  await page.getByRole('button', { name: 'Timeline', exact: true }).click();
  await page.reload();
  await expect(names).toHaveCount(5);
  await page.getByRole('button', { name: 'Show the lane France again' }).click();
  await expect(names).toHaveCount(6);

  // A date range: only 2023's statements, and the event that reaches into it.
  await page.locator('.tl-from').fill('2023-01-01');
  await page.locator('.tl-from').dispatchEvent('change');
  await page.locator('.tl-to').fill('2023-12-31');
  await page.locator('.tl-to').dispatchEvent('change');
  await expect(items(page)).toHaveCount(2);
  await expect(page).toHaveURL(/from=2023-01-01/);
  await expect(page.locator('.tl-count')).toHaveText(/^2 of \d+/);
  await page.locator('.tl-from').fill('');
  await page.locator('.tl-from').dispatchEvent('change');
  await page.locator('.tl-to').fill('');
  await page.locator('.tl-to').dispatchEvent('change');
  await expect(items(page)).toHaveCount(count);

  // Zoomed far out, no two axis or event labels print over each other.
  for (let k = 0; k < 8; k++) await page.getByRole('button', { name: 'Zoom out' }).click();
  const gaps = await page.locator('svg.timeline .tick text, svg.timeline .event-label').evaluateAll((els) => {
    const rects = els.map((el) => el.getBoundingClientRect()).sort((a, b) => a.top - b.top);
    const overlaps: string[] = [];
    for (let i = 1; i < rects.length; i++) {
      const [a, b] = [rects[i - 1], rects[i]];
      const sideBySide = a.right <= b.left || b.right <= a.left;
      if (!sideBySide && b.top < a.bottom - 1) overlaps.push(`${a.top}-${a.bottom} / ${b.top}`);
    }
    return overlaps;
  });
  expect(gaps).toEqual([]);
  await page.screenshot({ path: '../target/screenshots/timeline-six-lanes-zoomed-out.png', fullPage: true });
});
