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
// SHELL and VERSION are written by scripts/offline-hook.py into release builds; this copy
// (debug builds, `trunk serve`) is never registered (see src/app/offline.rs).
const VERSION = 'dev';
const SHELL = [];

const SHELL_CACHE = `article-explorer-shell-${VERSION}`;
const OPENED_CACHE = 'article-explorer-opened-v1';

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.addAll(SHELL)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
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
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  const sameOrigin = url.origin === self.location.origin;
  if (sameOrigin && request.mode === 'navigate') {
    // Any address of the app (`?src=…&view=…`) is the one page.
    event.respondWith(fromShell(new URL('index.html', self.registration.scope).href, request));
    return;
  }
  if (sameOrigin && SHELL.some((path) => new URL(path, self.registration.scope).pathname === url.pathname)) {
    event.respondWith(fromShell(url.origin + url.pathname, request));
    return;
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') event.respondWith(networkThenKept(request));
});

async function fromShell(key, request) {
  const cached = await caches.open(SHELL_CACHE).then((cache) => cache.match(key));
  return cached ?? fetch(request);
}

async function networkThenKept(request) {
  const cache = await caches.open(OPENED_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (offline) {
    const kept = await cache.match(request);
    if (kept) return kept;
    throw offline;
  }
}
