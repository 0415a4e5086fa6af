// pandoc's GitHub Markdown of the web and Word fixtures (tests/fixtures/pandoc, made once
// with pandoc 2.17): each reads to the same cells and the same non-info findings as the
// page or document it was made from. pandoc keeps a page's <div>s as raw HTML before the
// pipe tables, so the text starts with a tag and is still Markdown, not a page.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { cliJson, repo } from './helpers.mjs';

const dir = path.join(repo, 'tests', 'fixtures', 'pandoc');
const sources = {
  web: path.join(repo, 'tests', 'fixtures', 'pdf', 'web'),
  writer: path.join(repo, 'tests', 'fixtures', 'pdf', 'writer'),
};

function sourceOf(name) {
  const base = name.replace(/\.gfm\.md$/, '');
  for (const [folder, ext] of [[sources.web, '.html'], [sources.writer, '.docx']]) {
    const file = path.join(folder, base + ext);
    if (readdirSync(folder).includes(base + ext)) return file;
  }
  throw new Error(`no source for ${name}`);
}

// Every row of tables 二-四: key -> found, cells as value/status.
function cells(file) {
  const out = {};
  for (const table of cliJson(['extract', '--format', 'json', file]).tables) {
    out[`${table.number}`] = table.found;
    for (const row of table.rows) out[`${table.number}:${row.key}`] = [row.found, (row.cells || []).map((c) => `${c.value}/${c.status}`)];
  }
  return out;
}

function notInfo(file) {
  return cliJson(['check', '--format', 'json', file]).findings
    .filter((f) => f.severity !== 'info').map((f) => `${f.id}:${f.severity}`).sort();
}

const copies = readdirSync(dir).filter((f) => f.endsWith('.gfm.md')).sort();

test('the pandoc fixtures are all there', () => {
  assert.equal(copies.length, 8);
});

for (const name of copies) {
  test(`pandoc's Markdown ${name} reads as its source`, () => {
    const copy = path.join(dir, name);
    const source = sourceOf(name);
    assert.deepEqual(cells(copy), cells(source));
    assert.deepEqual(notInfo(copy), notInfo(source));
  });
}
