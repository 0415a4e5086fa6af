// The offline copy of the served page: on install it stores the site's files,
// then answers from that store first, so that the page opens and checks with
// no network. scripts/build.sh stamps BUILD with a hash of dist/, so a new
// build gets a new store and the old one is dropped.
'use strict';

const BUILD = '__NIANBAO_BUILD__';
const CACHE = 'nianbao-' + BUILD;
const FILES = ['./', 'index.html', 'style.css', 'favicon.svg', 'baseline.js', 'i18n.js', 'render.js', 'tables.js', 'export.js',
  'decode.js', 'pdftext.js', 'years.js', 'batch.js', 'batchgroups.js', 'batchstore.js', 'batchrun.js',
  'sample.js', 'textbuf.js', 'engine.js', 'ondemand.js', 'ruledocs.js', 'app.js', 'worker.js',
  'nianbao.js', 'nianbao.wasm', 'rules.json', 'nianbao-readers.js', 'nianbao-readers.wasm'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('nianbao-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  if (event.request.method !== 'GET') return;
  event.respondWith(caches.match(event.request, { ignoreSearch: true }).then((hit) => hit || fetch(event.request).then((res) => {
    // pdf.js and its CMaps load only when a PDF is dropped, the fallback inflater
    // only in a browser without 'deflate-raw': kept once fetched, for offline use.
    const pathname = new URL(event.request.url).pathname;
    if (res.ok && (pathname.includes('/pdfjs/') || pathname.endsWith('/inflate.js'))) {
      const copy = res.clone();
      caches.open(CACHE).then((cache) => cache.put(event.request, copy));
    }
    return res;
  })));
});
