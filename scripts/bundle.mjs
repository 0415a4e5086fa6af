#!/usr/bin/env node
// Joins the page's classic scripts into one file for dist/ (one request and
// one gzip stream instead of thirteen; about 3 KB gz less):
//   node scripts/bundle.mjs DIST
// Reads DIST/index.html, writes DIST/page.js (the scripts it loads, in order,
// each closed by ';'), replaces their <script> tags by one for page.js and
// puts page.js in place of them in DIST/sw.js's offline list. A bundled
// script stays in DIST only when another page there loads it (embed.html
// loads i18n.js, render.js, engine.js); the others would be served twice.
import { readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function bundle(dist) {
  const indexFile = path.join(dist, 'index.html');
  let html = readFileSync(indexFile, 'utf8');
  const tags = [...html.matchAll(/<script src="([^"]+)" defer><\/script>\n/g)];
  if (tags.length < 2) throw new Error('index.html: fewer than two deferred scripts');
  const names = tags.map((m) => m[1]);
  writeFileSync(path.join(dist, 'page.js'), names.map((n) => readFileSync(path.join(dist, n), 'utf8').trim() + '\n;\n').join(''));
  html = html.replace(tags[0][0], '<script src="page.js" defer></script>\n');
  for (const m of tags.slice(1)) html = html.replace(m[0], '');
  writeFileSync(indexFile, html);
  const swFile = path.join(dist, 'sw.js');
  let sw = readFileSync(swFile, 'utf8');
  const list = /const FILES = \[([^\]]*)\];/.exec(sw);
  if (!list) throw new Error('sw.js: no FILES list');
  const files = list[1].split(',').map((s) => s.trim().replace(/^'|'$/g, '')).filter(Boolean);
  for (const n of names) if (!files.includes(n)) throw new Error(`sw.js does not keep ${n}`);
  const kept = files.filter((f) => !names.includes(f));
  kept.splice(kept.indexOf('style.css') + 1, 0, 'page.js');
  sw = sw.replace(list[0], `const FILES = [${kept.map((f) => `'${f}'`).join(', ')}];`);
  writeFileSync(swFile, sw);
  const otherPages = readdirSync(dist).filter((f) => f.endsWith('.html') && f !== 'index.html')
    .map((f) => readFileSync(path.join(dist, f), 'utf8'));
  for (const n of names)
    if (!otherPages.some((html) => html.includes(`src="${n}"`))) unlinkSync(path.join(dist, n));
  return names;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  try {
    const names = bundle(process.argv[2] || 'dist');
    console.log(`bundle: page.js from ${names.join(', ')}`);
  } catch (e) {
    console.error(`bundle: ${e.message}`);
    process.exit(1);
  }
}
