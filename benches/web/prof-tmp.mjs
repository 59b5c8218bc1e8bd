import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
const SITE = '/work/main/target/bench/site';
const T = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.css': 'text/css' };
const server = createServer((q, r) => { let p = decodeURIComponent(new URL(q.url, 'http://x').pathname); if (p.endsWith('/')) p += 'index.html'; const f = join(SITE, p); if (!existsSync(f) || statSync(f).isDirectory()) { r.writeHead(404).end(); return; } r.writeHead(200, { 'content-type': T[extname(f)] ?? 'application/octet-stream' }); r.end(readFileSync(f)); });
await new Promise((r) => server.listen(8123, '127.0.0.1', r));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const rule of process.argv.slice(3)) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
  if (rule !== 'none') await page.addInitScript((rule) => document.addEventListener('DOMContentLoaded', () => { const s = document.createElement('style'); s.textContent = rule; document.head.append(s); }), rule);
  await page.goto('http://127.0.0.1:8123/?src=bench/data/' + process.argv[2]);
  await page.waitForFunction(() => document.querySelector('.timeline-panel rect.card'), undefined, { timeout: 300000, polling: 200 });
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,blink,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  const t = await page.evaluate(async (rule) => {  const out = []; for (let i = 0; i < 6; i++) { const t0 = performance.now(); window.scrollBy(0, 500); void document.body.getBoundingClientRect().height; out.push(Math.round(performance.now() - t0)); await new Promise((r) => requestAnimationFrame(() => setTimeout(r))); } return out; }, rule);
  console.log(rule, JSON.stringify(t));
  await cdp.send('Tracing.end'); await done;
  const big = events.filter((e) => e.name === 'ScrollLayer' && e.ph === 'X').sort((a, b) => b.dur - a.dur)[0];
  if (big) {
    const inner = new Map();
    for (const e of events) if (e.tid === big.tid && e.ts >= big.ts && e.ts <= big.ts + big.dur && e !== big) inner.set(`${e.ph} ${e.name}`, [(inner.get(`${e.ph} ${e.name}`)?.[0] ?? 0) + (e.dur ?? 0), (inner.get(`${e.ph} ${e.name}`)?.[1] ?? 0) + 1]);
    console.log('inside ScrollLayer:', [...inner].sort((a, b) => b[1][0] - a[1][0] || b[1][1] - a[1][1]).slice(0, 25).map(([k, v]) => `${(v[0] / 1000).toFixed(0)}ms x${v[1]} ${k}`).join('\n'));
  }
  const agg = new Map();
  for (const e of events) if (e.ph === 'X' && e.dur) agg.set(e.name, (agg.get(e.name) ?? 0) + e.dur);
  console.log([...agg].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${(v / 1000).toFixed(0).padStart(8)} ms ${k}`).join('\n'));
  await page.close();
}
await browser.close(); server.close();
