// scripts/bundle.mjs: the Chinese words only the on-demand scripts name load
// with them (later.js); every word the page names at start stays in page.js.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { splitEnglish, splitOnDemandWords } from '../../scripts/bundle.mjs';
import { repo } from './helpers.mjs';

const web = path.join(repo, 'web');
const read = (name) => readFileSync(path.join(web, name), 'utf8');

// The words of a table as splitOnDemandWords leaves or moves them.
const table = (source, from) => {
  const lines = source.split('\n');
  const start = lines.indexOf(from);
  return new Function(`return {${lines.slice(start + 1, lines.indexOf('    },', start)).join('\n')}};`)();
};
const added = (statement) => new Function('NB', `${statement}; return NB.words;`)({
  addWords: function (name, words) { this.words = words; },
});

test('a word only on-demand scripts name moves to later.js; one the page or index.html names stays', () => {
  const source = ['(function () {', '  const words = {', '    zh: {',
    "      title: '年报体检', pass: '通过',", "      batchCaption: '批量检查 {0} 个文件', sheetTitle: '签核摘要',",
    "      unused: '未用',", '    },', '  };', '})();'].join('\n');
  const page = ['<h1 data-i18n="title">年报体检</h1>', "el.textContent = NB.t('pass');"];
  const later = ["NB.t('batchCaption', n)", "const VERDICT = { pass: 'pass', sheet: 'sheetTitle' };"];
  const split = splitOnDemandWords(source, page, later);
  assert.deepEqual(split.moved, ['batchCaption', 'sheetTitle']);
  assert.deepEqual(table(split.rest, '    zh: {'), { title: '年报体检', pass: '通过', unused: '未用' });
  assert.deepEqual(added(split.words), { batchCaption: '批量检查 {0} 个文件', sheetTitle: '签核摘要' });
});

test('the page\'s Chinese words: page.js keeps every one index.html and its start scripts name, none is lost', () => {
  const html = read('index.html');
  const tag = (attr) => [...html.matchAll(new RegExp(`<script src="([^"]+)" defer${attr}></script>`, 'g'))].map((m) => m[1]);
  const start = tag('').filter((n) => n !== 'i18n.js');
  const later = tag(' data-on-demand');
  assert.ok(start.includes('app.js') && later.includes('batch.js'), `${start} / ${later}`);
  const { rest } = splitEnglish(read('i18n.js'));
  const split = splitOnDemandWords(rest, [html, ...start.map(read)], later.map(read));
  const all = table(rest, '    zh: {');
  const kept = table(split.rest, '    zh: {');
  const moved = added(split.words);
  // The batch view's, the exports' and the two-year view's words, ~4 KB of the table.
  assert.ok(split.moved.length >= 30, split.moved.join());
  assert.deepEqual({ ...kept, ...moved }, all);
  for (const key of split.moved) {
    assert.ok(!(key in kept), key);
    for (const name of ['index.html', ...start])
      assert.ok(!new RegExp(`\\b${key}\\b`).test(read(name)), `${name} names ${key}, which moved to later.js`);
  }
  for (const key of ['title', 'check', 'loading', 'ready', 'error', 'warning', 'info', 'fail', 'pass']) assert.ok(key in kept, key);
});
