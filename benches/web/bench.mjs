// The browser half of `scripts/bench`: serves target/bench/site (the release build, the bench
// pages, the generated inputs and the npm peers), drives one headless Chromium through the five
// measurements of issue 9, each next to its peer, prints a table and writes target/bench.md and
// target/bench.json. Measurements only: nothing here passes or fails on a figure.
//
// Inputs (made by scripts/bench): site/bench/data/{corpus-1mb,article-1mb,article-5mb}.json
// and seed.txt from `cargo bench --bench analyze -- --write`, seed-timelinejs.json from
// `cargo run --bin analyze -- --timelinejs`, site/bench/pkg/ the analysis core alone as wasm.
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFileSync, writeFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, extname, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SITE = join(ROOT, 'target', 'bench', 'site');
const DATA = join(SITE, 'bench', 'data');
const PEERS = join(ROOT, 'benches', 'web', 'node_modules');
const only = new Set(process.argv.slice(2)); // e.g. `scripts/bench toggle long`

// ---------------------------------------------------------------------------------------------
// A static server for the site (application/wasm for streaming compilation).

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.txt': 'text/plain', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.png': 'image/png' };

function serve() {
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = join(SITE, path);
    if (!file.startsWith(SITE) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// ---------------------------------------------------------------------------------------------
// Helpers

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
const ms = (x) => (x >= 100 ? `${Math.round(x)} ms` : `${x.toFixed(1)} ms`);
/** How ours compares with the peer's figure, for a measure where `more` is better or worse. */
const compare = (ours, peer, more) => {
  const better = more === 'better' ? ours >= peer : ours <= peer;
  const r = ours >= peer ? ours / peer : peer / ours;
  const word = more === 'better' ? (better ? 'higher' : 'lower') : (better ? 'faster' : 'slower');
  return `ours ${r.toFixed(1)}× ${word}`;
};
const textBytes = (articles) => articles.reduce((n, a) => n + a.paragraphs.reduce((m, p) => m + Buffer.byteLength(p), 0), 0);

/** The terms of one built-in theme, from the lexicon the app compiles in. */
function themeTerms(id) {
  const lines = readFileSync(join(ROOT, 'src', 'analysis', 'data', 'themes.txt'), 'utf8').split('\n');
  const terms = [];
  let inside = false;
  for (const raw of lines) {
    const line = raw.trim();
    if (line.startsWith('==')) inside = line.slice(2).split('|')[0].trim() === id;
    else if (inside && line && !line.startsWith('#')) terms.push(line);
  }
  return terms;
}

/** One regular expression for mark.js: whole words, `*` as a prefix, longest first. */
function termsRegExpSource(terms) {
  const esc = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const alts = [...terms].sort((a, b) => b.length - a.length)
    .map((t) => (t.endsWith('*') ? `${esc(t.slice(0, -1))}\\w*` : `${esc(t)}\\w*`));
  return `\\b(?:${alts.join('|')})\\b`;
}

// Click a theme's toggle and measure: `work`, the handler plus the style and layout it forces;
// `frame`, from the click to the frame after the next paint.
async function appToggle(page, theme, runs) {
  const work = [], frame = [];
  for (let k = 0; k < runs; k++) {
    const [w, f] = await page.evaluate(async (theme) => {
      const button = document.querySelector(`.legend-item[data-theme="${theme}"] .toggle`);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      const t0 = performance.now();
      button.click();
      void document.body.getBoundingClientRect().height;
      const t1 = performance.now();
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return [t1 - t0, performance.now() - t0];
    }, theme);
    work.push(w); frame.push(f);
  }
  return { work: median(work), frame: median(frame) };
}

// Scroll the window by `step` px a frame for `frames` frames; frame intervals and long tasks.
async function scrollCost(page, frames = 90, step = 500) {
  return page.evaluate(async ({ frames, step }) => {
    const long = [];
    const obs = new PerformanceObserver((l) => l.getEntries().forEach((e) => long.push(e.duration)));
    obs.observe({ type: 'longtask' });
    const gaps = [];
    let last = await new Promise((r) => requestAnimationFrame(r));
    for (let i = 0; i < frames; i++) {
      window.scrollBy(0, step);
      const now = await new Promise((r) => requestAnimationFrame(r));
      gaps.push(now - last); last = now;
    }
    obs.disconnect();
    gaps.sort((a, b) => a - b);
    return { median: gaps[Math.floor(gaps.length / 2)], p95: gaps[Math.floor(gaps.length * 0.95)], max: gaps[gaps.length - 1], long_tasks: long.length, long_ms: long.reduce((a, b) => a + b, 0), y: window.scrollY };
  }, { frames, step });
}

/** Navigation start to the first frame painted after `ready()` holds, in ms. */
async function navigateUntil(page, url, ready, arg, timeout = 180_000) {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(ready, arg, { polling: 'raf', timeout });
  return page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now())))));
}

// ---------------------------------------------------------------------------------------------
// The measurements

const results = {};
const rows = [];
const row = (what, ours, peer, peerName, note = '') => rows.push({ what, ours, peer, peerName, note });

function sizes() {
  const dist = join(ROOT, 'dist');
  const all = readdirSync(dist);
  // The main thread's part (what paints the text) and the analysis worker's (src/bin/worker.rs).
  const main = all.filter((f) => /^(index\.html|article-explorer-.*\.(js|wasm)|init-.*\.js|(main|highlights|reader|timeline|relations)-.*\.css)$/.test(f));
  const worker = all.filter((f) => /^(worker\.js|worker_bg\.wasm|worker-loader\.js)$/.test(f));
  const part = (files, re) => files.filter((f) => re.test(f)).reduce((n, f) => n + gz(join(dist, f)), 0);
  const app = { html: part(main, /\.html$/), js: part(main, /\.js$/), wasm: part(main, /\.wasm$/), css: part(main, /\.css$/) };
  app.main = app.html + app.js + app.wasm + app.css;
  app.worker_wasm = part(worker, /\.wasm$/);
  app.worker_js = part(worker, /\.js$/);
  app.total = app.main + app.worker_wasm + app.worker_js;
  const peer = {
    timelinejs: gz(join(PEERS, '@knight-lab/timelinejs/dist/js/timeline.js')) + gz(join(PEERS, '@knight-lab/timelinejs/dist/css/timeline.css')),
    markjs: gz(join(PEERS, 'mark.js/dist/mark.min.js')),
    compromise: gz(join(PEERS, 'compromise/builds/compromise.js')),
  };
  peer.total = peer.timelinejs + peer.markjs + peer.compromise;
  results.size = { app, peer, wasm_raw: [...main, ...worker].filter((f) => f.endsWith('.wasm')).reduce((n, f) => n + statSync(join(dist, f)).size, 0) };
  row('Transfer, main thread (html+js+wasm+css that paint the text, gzip -9)', kb(app.main), '–', '(target ≤ 200 KB)',
    `wasm ${kb(app.wasm)}, js ${kb(app.js)}, css ${kb(app.css)}, html ${kb(app.html)}`);
  row('Transfer, whole app (main thread + analysis worker, gzip -9)', kb(app.total), kb(peer.total), 'TimelineJS3 + mark.js + compromise',
    `worker wasm ${kb(app.worker_wasm)}, worker js ${kb(app.worker_js)}; peers: TimelineJS3 ${kb(peer.timelinejs)}, mark.js ${kb(peer.markjs)}, compromise ${kb(peer.compromise)}`);
  console.log('size', JSON.stringify(results.size));
}

async function analysis(browser, base) {
  const corpus = JSON.parse(readFileSync(join(DATA, 'corpus-1mb.json'), 'utf8'));
  const bytes = textBytes(corpus);
  const page = await browser.newPage();
  await page.goto(base + 'bench/blank.html');
  const ours = await page.evaluate(async () => {
    const m = await import('/bench/pkg/wasm_analyze.js');
    await m.default();
    const json = await (await fetch('/bench/data/corpus-1mb.json')).text();
    const counts = Array.from(m.analyze_corpus(json)); // warm-up
    const times = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      m.analyze_corpus(json);
      times.push(performance.now() - t0);
    }
    return { counts, times };
  });
  await page.addScriptTag({ url: '/bench/peers/compromise.js' });
  const text = corpus.map((a) => a.paragraphs.join('\n\n')).join('\n\n');
  const peer = await page.evaluate((text) => {
    const times = [];
    let counts;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const doc = window.nlp(text);
      counts = [doc.sentences().length, doc.people().out('array').length, doc.places().out('array').length, doc.quotations().out('array').length];
      times.push(performance.now() - t0);
      if (times[0] > 30_000) break;
    }
    return { counts, times };
  }, text);
  await page.close();
  const mbps = (t) => bytes / 1e6 / (t / 1000);
  const [articles, sentences, hits, actors, statements] = ours.counts;
  results.analysis = { bytes, seed: readFileSync(join(DATA, 'seed.txt'), 'utf8').trim(), ours: { ...ours, best_ms: Math.min(...ours.times), mb_s: mbps(Math.min(...ours.times)), articles, sentences, hits, actors, statements }, peer: { ...peer, best_ms: Math.min(...peer.times), mb_s: mbps(Math.min(...peer.times)) } };
  const a = results.analysis;
  row(`Analysis in the browser, ${(bytes / 1e6).toFixed(2)} MB corpus (${articles} articles)`, `${a.ours.mb_s.toFixed(1)} MB/s`, `${a.peer.mb_s.toFixed(2)} MB/s`, 'compromise (sentences, people, places, quotations)',
    `${compare(a.ours.mb_s, a.peer.mb_s, 'better')}; best of 5 (ours, ${ms(a.ours.best_ms)}: ${sentences} sentences, ${hits} theme hits, ${statements} statements) and of ${peer.times.length} (peer, ${ms(a.peer.best_ms)}: ${peer.counts[0]} sentences, ${peer.counts[1]} people, ${peer.counts[2]} places, ${peer.counts[3]} quotations); corpus seed ${a.seed}`);
  console.log('analysis', JSON.stringify(results.analysis));
}

async function toggle(browser, base) {
  const article = JSON.parse(readFileSync(join(DATA, 'article-1mb.json'), 'utf8'));
  const theme = 'security';
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const load = await navigateUntil(page, base + '?src=bench/data/article-1mb.json', (n) => document.querySelectorAll('.article-body p').length === n && document.querySelector('.legend-item .toggle'), article.paragraphs.length);
  const marks = await page.locator('.article-body mark').count();
  const ours = await appToggle(page, theme, 9);
  await page.close();

  const peerPage = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await peerPage.goto(base + 'bench/blank.html');
  await peerPage.addScriptTag({ url: '/bench/peers/mark.min.js' });
  const source = termsRegExpSource(themeTerms(theme));
  const peer = await peerPage.evaluate(async ({ paragraphs, source }) => {
    const body = document.createElement('article');
    for (const p of paragraphs) { const el = document.createElement('p'); el.textContent = p; body.append(el); }
    document.body.append(body);
    const instance = new window.Mark(body);
    const mark = () => new Promise((r) => instance.markRegExp(new RegExp(source, 'gi'), { done: r }));
    const unmark = () => new Promise((r) => instance.unmark({ done: r }));
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    let marks = await mark();
    await frame();
    const times = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      await unmark();
      marks = await mark();
      await frame();
      times.push(performance.now() - t0);
    }
    return { times, marks };
  }, { paragraphs: article.paragraphs, source });
  await peerPage.close();
  const peerMs = median(peer.times);
  results.toggle = { theme, paragraphs: article.paragraphs.length, bytes: textBytes([article]), marks, load_ms: load, ours, peer: { ...peer, median_ms: peerMs } };
  row(`Theme toggle, ${(results.toggle.bytes / 1e6).toFixed(2)} MB article (click to painted frame)`, ms(ours.frame), ms(peerMs), 'mark.js unmark + mark, same terms',
    `${compare(ours.frame, peerMs, 'worse')} (handler + style/layout ${ms(ours.work)}); theme "${theme}"; ${marks} marks in the app, ${peer.marks} by mark.js; medians of 9 and 3`);
  console.log('toggle', JSON.stringify(results.toggle));
}

// Long tasks on the page from its first script on, read back with `longTasks(page)`; and when
// the article's first paragraph was painted (Element Timing: the reader marks it
// `elementtiming="article-text"`), read back with `textPainted(page)`.
const watchLongTasks = (page) => page.addInitScript(() => {
  window.__long = [];
  new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
});
const watchTextPaint = (page) => page.addInitScript(() => {
  new PerformanceObserver((l) => l.getEntries().forEach((e) => { if (e.identifier === 'article-text') window.__textPainted ??= e.renderTime || e.loadTime; })).observe({ type: 'element', buffered: true });
});
const textPainted = (page) => page.waitForFunction(() => window.__textPainted).then((h) => h.jsonValue());
const longTasks = (page, from = 0, to = Infinity) => page.evaluate(([from, to]) => window.__long.filter(([t]) => t >= from && t <= to).map(([, d]) => d), [from, to]);
const paintedNow = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now())))));

async function coldStart(browser, base) {
  const ours = [], text = [], painted = [], peer = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await watchTextPaint(page);
    text.push(await navigateUntil(page, base, () => document.querySelectorAll('.article-body p').length === 6));
    painted.push(await textPainted(page));
    await page.waitForFunction(() => document.querySelectorAll('.article-body mark').length > 0 && document.querySelectorAll('.timeline-panel rect.card').length === 10, undefined, { polling: 'raf' });
    ours.push(await paintedNow(page));
    await context.close();
    const c2 = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const p2 = await c2.newPage();
    peer.push(await navigateUntil(p2, base + 'bench/timelinejs.html', () => document.querySelectorAll('.tl-timemarker').length === 12 && document.querySelector('.tl-slide-content')));
    await c2.close();
  }
  results.cold = { ours, text, painted, peer, ours_ms: median(ours), text_ms: median(text), painted_ms: median(painted), peer_ms: median(peer) };
  row('Cold start: navigation to seed highlighted + timeline painted', ms(results.cold.ours_ms), ms(results.cold.peer_ms), 'TimelineJS3 rendering our export (12 markers)',
    `${compare(results.cold.ours_ms, results.cold.peer_ms, 'worse')}; fresh browser context each run, median of 5 (target ≤ 1.0×)`);
  row('Cold start: navigation to the seed\'s text painted', ms(results.cold.text_ms), ms(results.cold.peer_ms), 'TimelineJS3 rendering our export (12 markers)',
    `${(results.cold.text_ms / results.cold.peer_ms).toFixed(2)}× the peer (target ≤ 0.5×); same runs; measured as the page's next task after the frame that shows it, as before`);
  row('Cold start: the seed\'s text painted (Element Timing)', ms(results.cold.painted_ms), ms(results.cold.peer_ms), 'TimelineJS3 rendering our export (12 markers)',
    `${(results.cold.painted_ms / results.cold.peer_ms).toFixed(2)}× the peer (target ≤ 0.5×); the first paragraph's render time, same runs`);
  console.log('cold', JSON.stringify(results.cold));
}

async function long(browser, base) {
  const article = JSON.parse(readFileSync(join(DATA, 'article-5mb.json'), 'utf8'));
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await watchLongTasks(page);
  await watchTextPaint(page);
  const text = await navigateUntil(page, base + '?src=bench/data/article-5mb.json', () => document.querySelector('.article-body p'), undefined, 300_000);
  const painted = await textPainted(page);
  // While the worker analyses: the main thread's long tasks, and scrolling the text.
  const scrollText = await scrollCost(page, 60, 500);
  await page.waitForFunction(() => document.querySelector('.article-body p mark'), undefined, { polling: 'raf', timeout: 300_000 });
  const first = await paintedNow(page);
  await page.waitForFunction(() => document.querySelector('.timeline-panel rect.card, .timeline-panel .empty') && !document.querySelector('.workspace[aria-busy]'), undefined, { polling: 'raf', timeout: 300_000 });
  const settled = await paintedNow(page);
  // From the text's paint: the tasks that write the rest of the text and send it to the worker count.
  const during = await longTasks(page, painted, first);
  const after = await longTasks(page, first, settled);
  await page.evaluate(() => window.scrollTo(0, 0));
  const scroll = await scrollCost(page);
  const toggleCost = await appToggle(page, 'security', 5);
  await page.close();
  const longest = (xs) => (xs.length ? Math.max(...xs) : 0);
  results.long = { bytes: textBytes([article]), paragraphs: article.paragraphs.length, text_ms: text, painted_ms: painted, first_ms: first, timeline_ms: settled, long_tasks_while_analysed: during, long_tasks_receiving: after, scroll_while_analysed: scrollText, scroll, toggle: toggleCost };
  row(`Long article, ${(results.long.bytes / 1e6).toFixed(2)} MB: text on screen`, `${ms(painted)} painted, ${ms(text)} as before`, '–', '(target ≤ 1 s)',
    `the first paragraph's render time (Element Timing), and the page's next task after that frame; highlights at ${ms(first)}, timeline at ${ms(settled)}; ${results.long.paragraphs} paragraphs`);
  row(`Long article: main thread while the worker analyses`, `${during.length} long tasks, longest ${ms(longest(during))}`, '–', '(target: none over 50 ms)',
    `scrolling the text meanwhile: frames ${ms(scrollText.median)} median; receiving and painting the analysis: ${after.length} long tasks, longest ${ms(longest(after))}`);
  row(`Long article: scroll and toggle once analysed`, `frames ${ms(scroll.median)} median, ${ms(scroll.p95)} p95; toggle ${ms(toggleCost.frame)}`, '–', '(target ≤ 17 ms median)',
    `scroll ${scroll.long_tasks} long tasks (${ms(scroll.long_ms)}) over 90 frames of 500 px`);
  console.log('long', JSON.stringify(results.long));
}

// A 500-article corpus: how the page answers input while the worker analyses it, first when it
// opens (choosing another article) and then while it is analysed again (a theme toggled while an
// article is read in another language).
async function corpus(browser, base) {
  const articles = JSON.parse(readFileSync(join(DATA, 'corpus-500.json'), 'utf8'));
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await watchLongTasks(page);
  // (A build without the worker analyses before it paints: the figures then show that.)
  const text = await navigateUntil(page, base + '?src=bench/data/corpus-500.json', () => document.querySelector('.article-body p'), undefined, 300_000);
  const choose = await page.evaluate(async () => {
    document.querySelector('.switcher').open = true;
    const button = document.querySelectorAll('.article-choice')[3];
    const t0 = performance.now();
    button.click();
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return [performance.now() - t0, !!document.querySelector('.workspace[aria-busy]')];
  });
  await page.waitForFunction(() => !document.querySelector('.workspace[aria-busy]') && document.querySelector('.legend-item .toggle'), undefined, { polling: 'raf', timeout: 300_000 });
  const done = await paintedNow(page);
  const during = await longTasks(page, text, done);
  // Analysed again: the shown article read in French; a theme toggled meanwhile.
  await page.selectOption('.language-select', 'fr');
  await page.waitForFunction(() => document.querySelector('.workspace[aria-busy]'), undefined, { polling: 'raf', timeout: 5_000 }).catch(() => {});
  const theme = await page.evaluate(() => document.querySelector('.legend-item').dataset.theme);
  const toggle = await appToggle(page, theme, 5);
  const stillBusy = await page.evaluate(() => !!document.querySelector('.workspace[aria-busy]'));
  await page.close();
  const longest = (xs) => (xs.length ? Math.max(...xs) : 0);
  results.corpus = { articles: articles.length, bytes: textBytes(articles), text_ms: text, analysed_ms: done, choose_ms: choose[0], choose_while_busy: choose[1], long_tasks: during, toggle_while_reanalysed: toggle, still_busy_after_toggles: stillBusy };
  row(`Corpus of ${articles.length} articles (${(results.corpus.bytes / 1e6).toFixed(1)} MB): input while analysed`, `article chosen ${ms(choose[0])}; theme toggled ${ms(toggle.frame)} (re-analysis${stillBusy ? ' still running' : ' done by then'})`, '–', '(target ≤ 100 ms)',
    `text at ${ms(text)}, analysed at ${ms(done)}; ${during.length} main-thread long tasks meanwhile, longest ${ms(longest(during))}`);
  console.log('corpus', JSON.stringify(results.corpus));
}

// ---------------------------------------------------------------------------------------------

const server = await serve();
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const version = browser.version();
const want = (name) => only.size === 0 || only.has(name);
try {
  if (want('size')) sizes();
  if (want('analysis')) await analysis(browser, base);
  if (want('toggle')) await toggle(browser, base);
  if (want('cold')) await coldStart(browser, base);
  if (want('long')) await long(browser, base);
  if (want('corpus')) await corpus(browser, base);
} finally {
  await browser.close();
  server.close();
}

const header = `| Measure | Article Explorer | Peer | Peer is | Notes |\n|---|---|---|---|---|`;
const table = [header, ...rows.map((r) => `| ${r.what} | ${r.ours} | ${r.peer} | ${r.peerName} | ${r.note} |`)].join('\n');
const md = `# Article Explorer benchmarks\n\n${new Date().toISOString()}, headless Chromium ${version}, ${process.env.BENCH_MACHINE ?? ''}\n\n${table}\n`;
writeFileSync(join(ROOT, 'target', 'bench.md'), md);
writeFileSync(join(ROOT, 'target', 'bench.json'), JSON.stringify(results, null, 2) + '\n');
console.log('\n' + table + '\n\nwritten to target/bench.md and target/bench.json');
