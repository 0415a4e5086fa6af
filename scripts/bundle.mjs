#!/usr/bin/env node
// Joins the page's classic scripts into one file for dist/ (one request and
// one gzip stream instead of thirteen; about 3 KB gz less):
//   node scripts/bundle.mjs DIST
// Reads DIST/index.html, writes DIST/page.js (the scripts it loads, in order,
// each closed by ';'), replaces their <script> tags by one for page.js and
// puts page.js in place of them in DIST/sw.js's offline list. The scripts
// marked data-on-demand go into DIST/later.js instead (ending with
// NB.onDemand.loaded = true), named by <meta name="nianbao-on-demand"> for
// web/ondemand.js, which loads it on first need; so does i18n.js's English
// table (page.js keeps the Chinese; later.js adds the English with
// NB.addWords('en', …), which app.js loads before it switches), and the
// Chinese words that only the on-demand scripts name (NB.addWords('zh', …):
// a word that index.html or a script of page.js names stays). A bundled
// script stays in DIST only when another page there loads it (embed.html
// loads i18n.js, render.js, engine.js); the others would be served twice.
import { readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// i18n.js without its English table, and that table as a statement for later.js.
export function splitEnglish(source) {
  const lines = source.split('\n');
  const from = lines.indexOf('    en: {');
  const to = lines.indexOf('    },', from);
  if (from < 0 || to < 0) throw new Error('i18n.js: no "    en: {" … "    }," table to move into later.js');
  return {
    rest: [...lines.slice(0, from), ...lines.slice(to + 1)].join('\n'),
    english: `NB.addWords('en', {\n${lines.slice(from + 1, to).join('\n')}\n});\n`,
  };
}

// The Chinese table of i18n.js (what splitEnglish() left) without the words
// that only `laterTexts` name, and those words as a statement for later.js.
// A word is named where its key stands as a whole word: the page's scripts
// name the keys they build (SEVERITIES, VERDICT) in full, so none is missed.
export function splitOnDemandWords(source, pageTexts, laterTexts) {
  const lines = source.split('\n');
  const from = lines.indexOf('    zh: {');
  const to = lines.indexOf('    },', from);
  if (from < 0 || to < 0) throw new Error('i18n.js: no "    zh: {" … "    }," table');
  const zh = new Function(`return {${lines.slice(from + 1, to).join('\n')}};`)();
  const names = (texts, key) => texts.some((t) => new RegExp(`\\b${key}\\b`).test(t));
  const moved = Object.keys(zh).filter((k) => !names(pageTexts, k) && names(laterTexts, k));
  const entries = (keys) => keys.map((k) => `      ${k}: ${JSON.stringify(zh[k])},`);
  const kept = Object.keys(zh).filter((k) => !moved.includes(k));
  return {
    rest: [...lines.slice(0, from + 1), ...entries(kept), ...lines.slice(to)].join('\n'),
    words: moved.length ? `NB.addWords('zh', {\n${entries(moved).join('\n')}\n});\n` : '',
    moved,
  };
}

export function bundle(dist) {
  const indexFile = path.join(dist, 'index.html');
  let html = readFileSync(indexFile, 'utf8');
  const tags = [...html.matchAll(/<script src="([^"]+)" defer><\/script>\n/g)];
  if (tags.length < 2) throw new Error('index.html: fewer than two deferred scripts');
  const later = [...html.matchAll(/<script src="([^"]+)" defer data-on-demand><\/script>\n/g)];
  const names = tags.map((m) => m[1]);
  const laterNames = later.map((m) => m[1]);
  const read = (n) => readFileSync(path.join(dist, n), 'utf8');
  let english = '';
  let chinese = '';
  const source = (n) => {
    const text = read(n);
    if (n !== 'i18n.js' || !later.length) return text;
    const split = splitEnglish(text);
    english = split.english;
    const pageTexts = [html, ...names.filter((m) => m !== 'i18n.js').map(read)];
    const words = splitOnDemandWords(split.rest, pageTexts, laterNames.map(read));
    chinese = words.words;
    return words.rest;
  };
  const joined = (list) => list.map((n) => source(n).trim() + '\n;\n').join('');
  writeFileSync(path.join(dist, 'page.js'), joined(names));
  html = html.replace(tags[0][0], '<script src="page.js" defer></script>\n');
  for (const m of tags.slice(1)) html = html.replace(m[0], '');
  if (later.length) {
    if (!names.includes('ondemand.js')) throw new Error('index.html: data-on-demand scripts without ondemand.js');
    writeFileSync(path.join(dist, 'later.js'), chinese + joined(laterNames) + english + 'NB.onDemand.loaded = true;\n');
    for (const m of later) html = html.replace(m[0], '');
    html = html.replace('<script src="page.js" defer></script>\n',
      '<meta name="nianbao-on-demand" content="later.js">\n<script src="page.js" defer></script>\n');
  }
  writeFileSync(indexFile, html);
  const swFile = path.join(dist, 'sw.js');
  let sw = readFileSync(swFile, 'utf8');
  const list = /const FILES = \[([^\]]*)\];/.exec(sw);
  if (!list) throw new Error('sw.js: no FILES list');
  const files = list[1].split(',').map((s) => s.trim().replace(/^'|'$/g, '')).filter(Boolean);
  for (const n of [...names, ...laterNames]) if (!files.includes(n)) throw new Error(`sw.js does not keep ${n}`);
  const kept = files.filter((f) => !names.includes(f) && !laterNames.includes(f));
  kept.splice(kept.indexOf('style.css') + 1, 0, 'page.js', ...(later.length ? ['later.js'] : []));
  sw = sw.replace(list[0], `const FILES = [${kept.map((f) => `'${f}'`).join(', ')}];`);
  writeFileSync(swFile, sw);
  const otherPages = readdirSync(dist).filter((f) => f.endsWith('.html') && f !== 'index.html')
    .map((f) => readFileSync(path.join(dist, f), 'utf8'));
  for (const n of [...names, ...laterNames])
    if (!otherPages.some((html) => html.includes(`src="${n}"`))) unlinkSync(path.join(dist, n));
  return [...names, ...laterNames];
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
