// Static guards on the page: nothing that a strict CSP would block, nothing
// that turns text into markup or code, an offline list that names every
// file, and a one-file build with no outside references and a policy that
// allows exactly its own inline code.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { repo } from './helpers.mjs';

const web = path.join(repo, 'web');
const read = (name) => readFileSync(path.join(web, name), 'utf8');
const code = (js) => js.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');   // comments out
const scripts = readdirSync(web).filter((n) => n.endsWith('.js'));
// Not part of the main page: the embed frame, the custom element, the demo host page.
const EMBEDDING = ['embed.html', 'embed.css', 'embed.js', 'nianbao-check.js', 'demo.html', 'demo.css', 'demo.js'];
const single = path.resolve(repo, process.env.NIANBAO_DIST || 'dist', 'nianbao.html');
const noDist = existsSync(single) ? false : 'no dist/ (run scripts/build.sh)';

test('no page script parses strings as markup or code', () => {
  for (const name of scripts) {
    const js = code(read(name));
    for (const bad of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'eval(', 'new Function',
      'setTimeout(\'', 'setTimeout("', 'createContextualFragment', 'DOMParser', 'srcdoc']) {
      assert.ok(!js.includes(bad), `${name} uses ${bad}`);
    }
  }
});

test('no page script talks to the network', () => {
  for (const name of scripts) {
    const js = code(read(name));
    // worker.js imports nianbao.js (and nianbao-readers.js on the first file) and sw.js
    // fills its cache at install; ruledocs.js reads rules.json, from the page's own
    // folder, when the rule docs are first opened.
    const allowed = { 'worker.js': ['importScripts'], 'sw.js': ['fetch('], 'ruledocs.js': ['fetch('] }[name] || [];
    for (const bad of ['fetch(', 'XMLHttpRequest', 'sendBeacon', 'WebSocket', 'EventSource', 'importScripts', 'http://', 'https://']) {
      if (allowed.includes(bad)) continue;
      assert.ok(!js.includes(bad), `${name} uses ${bad}`);
    }
  }
});

test('code loads after start only from the page\'s folder: pdf.js on the first PDF, later.js on demand', () => {
  for (const name of scripts) {
    const js = code(read(name));
    if (name === 'pdftext.js') {
      assert.match(js, /const base = \(\) => new URL\('pdfjs\/', document\.baseURI\)/);
      assert.match(js, /import\(new URL\('pdf\.min\.mjs', base\(\)\)\.href\)/);
      assert.match(js, /new Worker\(new URL\('pdf\.worker\.min\.mjs', base\(\)\)\.href/);
    }
    else assert.doesNotMatch(js, /\bimport\s*\(/, `${name} imports code`);
    // ondemand.js adds one <script>, the one index.html's meta names (later.js, scripts/bundle.mjs).
    if (name === 'ondemand.js') assert.match(js, /script\.src = meta\.content/);
    else assert.doesNotMatch(js, /createElement\('script'\)/, `${name} adds a script`);
  }
  assert.match(code(read('pdftext.js')), /isEvalSupported: false/, 'pdf.js never tries eval under the CSP');
});

test('index.html has no inline script, style or handler, and loads every page script', () => {
  const html = read('index.html');
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    assert.match(m[1], /\bsrc="/, 'every script is external');
    assert.equal(m[2].trim(), '', 'no inline script');
  }
  assert.doesNotMatch(html, /<style\b/i, 'no <style>');
  assert.doesNotMatch(html, /\sstyle="/i, 'no style attribute');
  assert.doesNotMatch(html, /\son[a-z]+="/i, 'no event handler attribute');
  assert.match(html, /<html lang="zh-CN"/);
  const loaded = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
  // worker.js runs in the worker, sw.js as the service worker; the rest in the page.
  assert.deepEqual(scripts.filter((n) => !loaded.includes(n) && !EMBEDDING.includes(n)).sort(), ['sw.js', 'worker.js']);
  for (const id of ['input', 'check', 'sample', 'open', 'file', 'summary', 'findings', 'tables', 'rule-list', 'status',
    'export-json', 'export-csv', 'print', 'print-sheet', 'lang']) {
    assert.match(html, new RegExp(`id="${id}"`), id);
  }
});

test('the service worker keeps every file of the served page', () => {
  const files = JSON.parse(/const FILES = (\[[^\]]*\]);/.exec(read('sw.js'))[1].replace(/'/g, '"'));
  const expected = ['./', ...readdirSync(web).filter((n) => n !== 'sw.js' && !EMBEDDING.includes(n)), 'nianbao.js', 'nianbao.wasm',
    'rules.json', 'nianbao-readers.js', 'nianbao-readers.wasm'];
  assert.deepEqual([...files].sort(), expected.sort());
});

test('every text key exists in Chinese and in English', () => {
  const src = read('i18n.js');
  const section = (lang) => src.slice(src.indexOf(`    ${lang}: {`)).split('\n    },')[0];
  const block = (lang) => new Set([...section(lang).matchAll(/(?:^\s+|, )(\w+): /gm)].map((m) => m[1]).filter((k) => k !== lang));
  const zh = block('zh');
  const en = block('en');
  assert.ok(zh.size > 50, `${zh.size} Chinese keys`);
  assert.deepEqual([...zh].filter((k) => !en.has(k)), [], 'keys without English');
  assert.deepEqual([...en].filter((k) => !zh.has(k)), [], 'keys without Chinese');
  const used = new Set();
  for (const name of scripts) for (const m of read(name).matchAll(/NB\.t\('(\w+)'/g)) used.add(m[1]);
  for (const m of read('index.html').matchAll(/data-i18n(?:-attr)?="([^"]+)"/g)) {
    for (const part of m[1].split(';')) used.add(part.includes(':') ? part.split(':')[1] : part);
  }
  assert.deepEqual([...used].filter((k) => !zh.has(k)), [], 'keys used but not defined');
});

test('embed.html and demo.html have no inline script, style or handler', () => {
  for (const name of ['embed.html', 'demo.html']) {
    const html = read(name);
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      assert.match(m[1], /\bsrc="/, `${name}: every script is external`);
      assert.equal(m[2].trim(), '', `${name}: no inline script`);
    }
    assert.doesNotMatch(html, /<style\b|\sstyle="|\son[a-z]+="/i, name);
  }
  for (const src of [...read('embed.html').matchAll(/<script src="([^"]+)"/g)].map((m) => m[1])) {
    assert.ok(existsSync(path.join(web, src)), `embed.html loads ${src}`);
  }
});

test('the embed frame never posts to any origin ("*"), and checks where messages come from', () => {
  const js = code(read('embed.js'));
  assert.doesNotMatch(js, /postMessage\([^)]*['"]\*['"]/, 'no postMessage(…, "*")');
  assert.match(js, /e\.source !== window\.parent/, 'the source is the parent');
  assert.match(js, /!allowed\.has\(e\.origin\)/, 'the origin is one the webmaster named');
});

test('the custom element puts one global on window and no style element in the page', () => {
  const js = code(read('nianbao-check.js'));
  assert.deepEqual([...js.matchAll(/window\.(\w+)\s*=(?!=)/g)].map((m) => m[1]), [], 'no window.x = …');
  assert.deepEqual([...js.matchAll(/defineProperty\(window, '(\w+)'/g)].map((m) => m[1]), ['nianbao']);
  assert.doesNotMatch(js, /createElement\('style'\)|<style/, 'styles through a constructed sheet only');
});

test('the one-file page has everything inline', { skip: noDist }, () => {
  const html = readFileSync(single, 'utf8');
  assert.doesNotMatch(html, /<(script|link|img|iframe)\b[^>]*\b(src|href)="(?!data:)/i, 'no outside reference');
  assert.match(html, /<script type="text\/plain" id="nb-core">[\s\S]*createNianbao/, 'the module is a data block');
  assert.match(html, /<script type="text\/plain" id="nb-worker">/, 'the worker is a data block');
  assert.match(html, /<script type="application\/octet-stream" id="nb-wasm">AGFzbQ/, 'the wasm is base64 (\\0asm)');
  assert.match(html, /<style>/, 'the style is inlined');
});

test('the one-file page\'s policy allows exactly its inline scripts and styles', { skip: noDist }, () => {
  const html = readFileSync(single, 'utf8');
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
  assert.ok(policy, 'a CSP meta element');
  assert.ok(html.indexOf(policy[0]) < html.indexOf('<script'), 'the policy comes before any script');
  const directives = Object.fromEntries(policy[1].split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.deepEqual(directives['default-src'], ["'none'"]);
  assert.deepEqual(directives['worker-src'], ['blob:']);
  const hash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  const run = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => hash(m[1]));
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => hash(m[1]));
  assert.deepEqual(directives['script-src'], [...run, "'wasm-unsafe-eval'"]);
  assert.deepEqual(directives['style-src'], styles);
});
