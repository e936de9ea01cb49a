// shenbao's service worker: the whole site works offline after one visit.
//
// One versioned cache per build (the version is a hash of every file of the site), so
// a page is always served the js, wasm and fonts of its own build. A new build installs
// beside the old one and waits: the page offers 新版本可用，点击刷新 and only the person
// decides when to switch (never in the middle of a draft). Font chunks are cached when a
// character first needs them; once the app is idle, all of them are fetched ahead (the
// common ones first, the rest only where storage leaves room for them), so that any
// character typed offline is drawn.
'use strict';
const VERSION = '@VERSION@';
const PRECACHE = @PRECACHE@;
const WARM = @WARM@;          // every font chunk, the common ones first
const WARM_COMMON = @WARM_COMMON@;  // how many of them hold GB2312's characters
const CACHE = 'shenbao-' + VERSION;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('shenbao-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
  if (event.data === 'warm') event.waitUntil(warm());
});

// Whether storage has room for the rarer chunks too (about 13 MB in all): keep a wide
// margin, so that the drafts never compete with fonts for space.
async function roomForAll() {
  try {
    const { usage, quota } = await navigator.storage.estimate();
    return quota - usage > 200 * 1024 * 1024;
  } catch (e) {
    return false;
  }
}

async function warm() {
  const cache = await caches.open(CACHE);
  const all = await roomForAll();
  for (const [i, url] of WARM.entries()) {
    if (i >= WARM_COMMON && !all) return;
    if (await cache.match(url)) continue;
    try {
      const res = await fetch(url);
      if (res.ok) await cache.put(url, res);
    } catch (e) {
      return;  // offline: try another time
    }
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const key = request.mode === 'navigate' ? 'index.html' : request;
    const hit = await cache.match(key, { ignoreSearch: true });
    if (hit) return hit;
    const res = await fetch(request);
    if (res.ok && url.pathname.includes('/fonts/')) await cache.put(request, res.clone());
    return res;
  })());
});
