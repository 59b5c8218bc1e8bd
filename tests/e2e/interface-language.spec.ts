// The interface in French: chosen from the browser's preferred language, switched in the app
// bar (kept in the URL and in localStorage), every part of the page in the chosen language —
// labels, key help, the timeline and table, errors, dates and numbers, the HTML export —
// without losing the article, its analysis or the selection.
import { test, expect, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

const items = (page: Page) => page.locator('svg.timeline g.item');
const switcher = (page: Page) => page.locator('.app-bar select.ui-language-select');

async function openSeed(page: Page, query = '') {
  await page.goto(`./${query}`);
  await expect(items(page).first()).toBeVisible();
}

test.describe('a browser that prefers French', () => {
  test.use({ locale: 'fr-FR' });

  test('opens the interface in French: labels, dates, timeline, table and key help', async ({ page }) => {
    await openSeed(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(switcher(page)).toHaveValue('fr');
    // The article stays in its own language, the interface speaks French.
    await expect(page.locator('article.article')).toHaveAttribute('lang', 'en');
    await expect(page.locator('#legend-title')).toHaveText('Thèmes');
    await expect(page.locator('.legend')).toContainText('Aide humanitaire');
    await expect(page.locator('.article-head time')).toHaveText('18 mars 2024');
    await expect(page.locator('.language')).toContainText('Analysé en');
    await expect(page.locator('.language-basis')).toHaveText('détecté d’après le texte');
    await expect(page.locator('#tl-title')).toHaveText('Déclarations');
    await expect(page.locator('.tl-filters')).toContainText('Locuteur');
    await expect(page.locator('.tl-legend')).toContainText('éloge ou soutien');
    await expect(page.locator('.tl-legend')).toContainText('coopératif');
    // A card's accessible name: category, tone and date in French.
    const label = await items(page).first().getAttribute('aria-label');
    expect(label).toMatch(/\(coopératif|\(neutre|\(conflictuel/);
    expect(label).toContain('18 mars 2024');
    expect(label).toContain('confiance');
    // The axis labels the day in French.
    await expect(page.locator('svg.timeline .tick.band text').first()).toHaveText('18 mars 2024');
    await page.screenshot({ path: '../target/screenshots/interface-french.png', fullPage: true });

    // The table: French column heads, French categories.
    await page.getByRole('button', { name: 'Tableau' }).click();
    const heads = await page.locator('table.statements thead th').allTextContents();
    expect(heads).toEqual(['#', 'Locuteur', 'Phrase', 'Fonction', 'Pays', 'Verbe', 'Catégorie', 'Cible', 'Date', 'Attribution']);
    await expect(page.locator('table.statements tbody tr').first()).toContainText('mars 2024');
    await page.screenshot({ path: '../target/screenshots/interface-french-table.png', fullPage: true });

    // Key help.
    await page.keyboard.press('?');
    await expect(page.locator('.key-help h2')).toHaveText('Raccourcis clavier');
    await expect(page.locator('.key-help')).toContainText('occurrence suivante des thèmes actifs');
    await expect(page.locator('.key-help')).toContainText('Échap');
  });

  test('says what went wrong in French', async ({ page }) => {
    await page.route('**/missing-fr.json', (route) => route.fulfill({ status: 404, body: '' }));
    await page.goto('./?src=missing-fr.json');
    const failure = page.locator('.failure');
    await expect(failure.locator('h1')).toHaveText('Cet article n’a pas pu être ouvert');
    await expect(failure).toContainText('Impossible de charger missing-fr.json : le serveur a répondu HTTP 404');
    await expect(failure.getByRole('link')).toHaveText('Ouvrir l’article par défaut');

    await page.route('**/broken-fr.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"title": "x", "paragraphs": [1]}' }));
    await page.goto('./?src=broken-fr.json');
    await expect(page.locator('.failure')).toContainText('Impossible de lire broken-fr.json. Le champ `paragraphs[0]` n’a pas le bon type');
  });

  test('?ui=en overrides the browser preference', async ({ page }) => {
    await openSeed(page, '?ui=en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('#legend-title')).toHaveText('Themes');
  });
});

test('the app bar switch changes the language in place, keeps it in the URL and for the next visit', async ({ page }) => {
  await openSeed(page, '?statement=3');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(switcher(page)).toHaveAttribute('aria-label', 'Interface language');
  await expect(page.locator('svg.timeline g.item.selected')).toHaveCount(1);
  const selectedBefore = await page.locator('svg.timeline g.item.selected').getAttribute('data-item');

  await switcher(page).selectOption('fr');
  await expect(page.locator('#legend-title')).toHaveText('Thèmes');
  await expect(switcher(page)).toHaveAttribute('aria-label', 'Langue de l’interface');
  await expect(page).toHaveURL(/ui=fr/);
  await expect(page).toHaveURL(/statement=3/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  // Nothing the user had is lost: same article, same statements, same selection.
  await expect(items(page)).toHaveCount(10);
  await expect(page.locator('svg.timeline g.item.selected')).toHaveAttribute('data-item', selectedBefore!);
  expect(await page.evaluate(() => localStorage.getItem('article-explorer.ui-language.v1'))).toBe('fr');

  // The next visit, without ?ui=, opens in French.
  await page.goto('./');
  await expect(page.locator('#legend-title')).toHaveText('Thèmes');
  await expect(switcher(page)).toHaveValue('fr');

  // The HTML export speaks the interface's language.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.exports button', { hasText: 'HTML' }).click(),
  ]);
  const path = `../target/exports/fr-${download.suggestedFilename()}`;
  await download.saveAs(path);
  const html = readFileSync(path, 'utf8');
  expect(html).toContain('<caption>Déclarations</caption>');
  expect(html).toContain('<th>Locuteur</th>');
  expect(html).toContain('18 mars 2024');
  expect(html).toContain('Annoté avec Article Explorer.');

  // And back to English.
  await switcher(page).selectOption('en');
  await expect(page.locator('#legend-title')).toHaveText('Themes');
  await expect(page.locator('.article-head time')).toHaveText('18 March 2024');
});
