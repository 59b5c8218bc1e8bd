// The downloads: each export of the seed is offered as a file with the expected content.
// Their sizes are written to target/measurements/exports.json for the record.
import { test, expect, Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

async function grab(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.exports button', { hasText: button }).click(),
  ]);
  mkdirSync('../target/exports', { recursive: true });
  const path = `../target/exports/${download.suggestedFilename()}`;
  await download.saveAs(path);
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

test('every export of the seed downloads with its content', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('svg.timeline g.item')).toHaveCount(10);
  const sizes: Record<string, number> = {};

  const csv = await grab(page, 'CSV');
  expect(csv.name).toBe('mali-russia-2024-03-18-statements.csv');
  const lines = csv.text.trimEnd().split('\r\n');
  expect(lines).toHaveLength(11);
  // A byte-order mark first, so spreadsheets read UTF-8; the article's source, URL and date;
  // the shown headline marked as derived (the seed has none of its own).
  expect(csv.text.startsWith('\uFEFF')).toBe(true);
  expect(lines[0]).toMatch(/^\uFEFFnumber,article_id,article_headline,article_headline_derived,article_source,article_url,article_date,speaker,role,country,cue,category/);
  expect(lines[1]).toMatch(/^1,mali-russia-2024-03-18,MENAFN report of 18 March 2024,true,MENAFN,,2024-03-18,Abdoulaye Diop,/);
  expect(lines[8]).toContain('Sergey Lavrov');
  sizes[csv.name] = Buffer.byteLength(csv.text);

  const json = await grab(page, 'JSON');
  expect(JSON.parse(json.text).statements).toHaveLength(10);
  sizes[json.name] = Buffer.byteLength(json.text);

  const tl = await grab(page, 'TimelineJS');
  const timeline = JSON.parse(tl.text);
  expect(timeline.events).toHaveLength(12);
  expect(timeline.events[7].text.headline).toBe('Sergey Lavrov: reiterated');
  sizes[tl.name] = Buffer.byteLength(tl.text);

  const ann = await grab(page, 'Annotations');
  const collection = JSON.parse(ann.text);
  expect(collection.type).toBe('AnnotationCollection');
  expect(collection.first.items.length).toBe(collection.total);
  expect(collection.first.items[0].target.selector.map((s: any) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
  sizes[ann.name] = Buffer.byteLength(ann.text);

  const html = await grab(page, 'HTML');
  expect(html.text.startsWith('<!DOCTYPE html>')).toBe(true);
  expect(html.text).not.toMatch(/<script/i);
  expect(html.text.match(/<tr><td>/g)).toHaveLength(10);
  sizes[html.name] = Buffer.byteLength(html.text);

  mkdirSync('../target/measurements', { recursive: true });
  writeFileSync('../target/measurements/exports.json', JSON.stringify(sizes, null, 2) + '\n');
  console.log('export sizes:', JSON.stringify(sizes));
});
