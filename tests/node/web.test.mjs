// Static guards on the page: nothing that a strict CSP would block, nothing
// that turns text into markup or code, and a one-file build with no outside
// references.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { repo } from './helpers.mjs';

const web = path.join(repo, 'web');
const read = (name) => readFileSync(path.join(web, name), 'utf8');
const code = (js) => js.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');   // comments out

test('app.js never parses strings as markup or code', () => {
  const js = code(read('app.js'));
  for (const bad of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'eval(', 'new Function',
    'setTimeout(\'', 'setTimeout("', 'createContextualFragment', 'DOMParser']) {
    assert.ok(!js.includes(bad), `app.js uses ${bad}`);
  }
});

test('index.html has no inline script, style or handler', () => {
  const html = read('index.html');
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    assert.match(m[1], /\bsrc="/, 'every script is external');
    assert.equal(m[2].trim(), '', 'no inline script');
  }
  assert.doesNotMatch(html, /<style\b/i, 'no <style>');
  assert.doesNotMatch(html, /\sstyle="/i, 'no style attribute');
  assert.doesNotMatch(html, /\son[a-z]+="/i, 'no event handler attribute');
  assert.match(html, /<html lang="zh-CN">/);
  for (const id of ['input', 'check', 'summary', 'findings', 'model']) assert.match(html, new RegExp(`id="${id}"`), id);
});

test('the one-file page has everything inline', { skip: existsSync(path.join(repo, 'dist', 'nianbao.html')) ? false : 'no dist/ (run scripts/build.sh)' }, () => {
  const html = readFileSync(path.join(repo, 'dist', 'nianbao.html'), 'utf8');
  assert.doesNotMatch(html, /<(script|link|img|iframe)\b[^>]*\b(src|href)="(?!data:)/i, 'no outside reference');
  assert.match(html, /createNianbao/, 'the module is inlined');
  assert.match(html, /<style>/, 'the style is inlined');
});
