// Article Explorer's service worker: the explorer opens and works with the network cut.
//
// - The app shell (the page, its script, wasm, styles, icons, the seed and the example
//   corpus) is cached when this worker installs, under a cache named by the build's version,
//   and served from there: a page always runs one version, whole.
// - Articles opened from other addresses (`?src=`) go to the network first and are kept, so
//   an article read once opens offline too.
// - A new deployment installs a new worker, which waits: the page shows "New version —
//   Reload", and only the reader's click (a `skip-waiting` message) swaps versions.
//
// SHELL and VERSION are written by scripts/offline-hook.py into release builds. A debug
// build (`trunk serve`) registers no worker and unregisters any left from a release build on
// the same address (src/app/offline.rs); this copy, if it is ever installed, unregisters
// itself.
const VERSION = 'dev';
const SHELL = [];
// Articles larger than the explorer reads are not kept.
const MAX_BYTES = 20 * 1024 * 1024;

const SHELL_CACHE = `article-explorer-shell-${VERSION}`;
const OPENED_CACHE = 'article-explorer-opened-v1';

self.addEventListener('install', (event) => {
  // From the network, not the browser's HTTP cache: an older page must not be kept beside
  // this version's files.
  const fresh = SHELL.map((path) => new Request(path, { cache: 'reload' }));
  event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.addAll(fresh)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      if (VERSION === 'dev') {
        await self.registration.unregister();
        return;
      }
      for (const name of await caches.keys()) {
        if (name.startsWith('article-explorer-shell-') && name !== SHELL_CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || VERSION === 'dev') return;
  const url = new URL(request.url);
  const scope = new URL(self.registration.scope);
  const sameOrigin = url.origin === self.location.origin;
  const page = url.pathname === scope.pathname || url.pathname === `${scope.pathname}index.html`;
  if (sameOrigin && request.mode === 'navigate' && page) {
    // Any address of the app (`?src=…&view=…`) is the one page.
    event.respondWith(fromShell(new URL('index.html', scope).href, request));
    return;
  }
  if (sameOrigin && SHELL.some((path) => new URL(path, scope).pathname === url.pathname)) {
    event.respondWith(fromShell(url.origin + url.pathname, request));
    return;
  }
  // Other pages of the site (the embed example) are the network's business.
  if (request.mode === 'navigate') return;
  if (url.protocol === 'http:' || url.protocol === 'https:') event.respondWith(networkThenKept(event));
});

async function fromShell(key, request) {
  const cached = await caches.open(SHELL_CACHE).then((cache) => cache.match(key));
  return cached ?? fetch(request);
}

// The network's answer goes to the page at once; a copy is kept (not blocking the answer)
// when it is a success the explorer could read.
async function networkThenKept(event) {
  const request = event.request;
  try {
    const response = await fetch(request);
    const size = Number(response.headers.get('content-length') ?? 0);
    if (response.ok && size <= MAX_BYTES) {
      const copy = response.clone();
      event.waitUntil(caches.open(OPENED_CACHE).then((cache) => cache.put(request, copy)).catch(() => {}));
    }
    return response;
  } catch (offline) {
    const kept = await caches.open(OPENED_CACHE).then((cache) => cache.match(request));
    if (kept) return kept;
    throw offline;
  }
}
