// README's layout table and docs/CONTRIBUTING.md against the tree: every path
// they name exists, and every part of the repository a newcomer looks for has
// a line in the table. Granularity (what must be mentioned): each top-level
// entry git tracks; each folder of core/src/ and of tests/; each file of
// core/include/nianbao/, scripts/, web/, docs/ and cmake/. A file is mentioned
// by its full path anywhere in the table, or by its name (or a glob such as
// `demo.*`) in the row of its folder. Needs no build; only git and the files.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (rel) => readFileSync(path.join(repo, rel), 'utf8');

// Made by builds, never tracked: named in the docs, not required to exist.
const GENERATED = /^(build-[^/]*|dist|node_modules|release)(\/|$)/;
// Where the table must go below the top level: folder -> what of it counts.
const COVERED = [
  { dir: 'core/src', kind: 'dir' },
  { dir: 'tests', kind: 'dir' },
  { dir: 'core/include/nianbao', kind: 'file' },
  { dir: 'scripts', kind: 'file' },
  { dir: 'web', kind: 'file' },
  { dir: 'docs', kind: 'file' },
  { dir: 'cmake', kind: 'file' },
];

const trim = (p) => p.replace(/\/+$/, '');
const codeSpans = (text) => [...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]);
const globRe = (g) => new RegExp('^' + g.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*') + '$');

function exists(rel) {
  if (!rel.includes('*')) return existsSync(path.join(repo, rel));
  const dir = path.posix.dirname(rel);
  if (dir.includes('*') || !existsSync(path.join(repo, dir))) return false;
  const re = globRe(path.posix.basename(rel));
  return readdirSync(path.join(repo, dir)).some((n) => re.test(n));
}

// The table under "## Layout" whose first column is `path`: [{paths, text}].
function layoutRows() {
  const lines = read('README.md').split('\n');
  const start = lines.findIndex((l) => /^\|\s*path\s*\|/.test(l));
  assert.ok(start >= 0, 'README.md has a table with a `path` column');
  const rows = [];
  for (let i = start + 2; i < lines.length && lines[i].startsWith('|'); i++) {
    const cells = lines[i].split('|').slice(1, -1);
    rows.push({ line: i + 1, paths: codeSpans(cells[0]).map(trim), text: cells.slice(1).join('|') });
  }
  return rows;
}

function tracked() {
  const r = spawnSync('git', ['ls-files', '-z'], { cwd: repo, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\0').filter(Boolean) : null;
}
const files = tracked();
const noGit = files ? false : 'not a git checkout';

// Paths written as `words` that look like paths of this repository.
function repoPaths(spans, topLevel) {
  const out = new Set();
  for (const span of spans) {
    for (let word of span.split(/\s+/)) {
      word = word.replace(/^[('"]+|[)'",;:.]+$/g, '');
      if (!word || word.includes('<') || word.startsWith('../') || GENERATED.test(word)) continue;
      const first = word.split('/')[0];
      if (topLevel.has(first) && (word.includes('/') || /\.\w+$/.test(word))) out.add(trim(word));
    }
  }
  return [...out];
}

const topLevelOf = (list) =>
  new Set(list.map((f) => f.split('/')[0]).filter((e) => (!e.startsWith('.') || e === '.ci') && !GENERATED.test(e)));

test('every path in the first column of README\'s layout table exists', (t) => {
  const rows = layoutRows();
  const paths = rows.flatMap((r) => r.paths);
  assert.ok(paths.length >= 10, `only ${paths.length} paths in the layout table`);
  t.diagnostic(`${paths.length} paths in the first column`);
  const missing = paths.filter((p) => !exists(p));
  assert.deepEqual(missing, [], 'README layout table names paths that do not exist');
});

test('every file or folder a layout row names inside its own folder exists', (t) => {
  // `app.js` in the `web/` row is web/app.js; `scripts/minify.mjs` is itself.
  const looksLikePath = /^([\w.-]+\/)*([\w-]+\.(js|mjs|cpp|h|css|html|sh|py|json|md|svg|cmake|txt|dict)|[\w*.-]+\.\*|[\w.-]+\/)$/;
  const wrong = [];
  let checked = 0;
  for (const row of layoutRows()) {
    const dir = row.paths.length === 1 && existsSync(path.join(repo, row.paths[0])) && !/\.\w+$/.test(row.paths[0]) ? row.paths[0] : '';
    for (const span of codeSpans(row.text)) {
      if (!looksLikePath.test(span) || GENERATED.test(span)) continue;
      const p = trim(span);
      checked++;
      if (!exists(p) && !(dir && exists(`${dir}/${p}`))) wrong.push(`line ${row.line}: ${span}`);
    }
  }
  t.diagnostic(`${checked} names checked in the rows`);
  assert.deepEqual(wrong, [], 'README layout table mentions files that are not there');
});

test('every tracked top-level entry has a row in README\'s layout table', { skip: noGit }, () => {
  const paths = layoutRows().flatMap((r) => r.paths);
  const missing = [...topLevelOf(files)].filter((e) => !paths.some((p) => p === e || p.startsWith(e + '/')));
  assert.deepEqual(missing, [], 'top-level entries without a row in README\'s layout table');
});

test('every folder of core/src and tests, and every file of the listed folders, is mentioned in the layout table', { skip: noGit }, (t) => {
  const rows = layoutRows();
  const firstColumn = rows.flatMap((r) => r.paths);
  const everySpan = new Set(rows.flatMap((r) => [...r.paths, ...codeSpans(r.text).map(trim)]));
  const mentioned = (entry, dir, kind) => {
    const name = entry.slice(dir.length + 1);
    if (firstColumn.some((p) => p === entry || p.startsWith(entry + '/'))) return true;
    if (everySpan.has(entry)) return true;
    const row = rows.find((r) => r.paths.includes(dir));
    if (!row) return false;
    return codeSpans(row.text).some((s) => {
      const t = trim(s);
      if (kind === 'dir') return t === name;
      return t === name || (t.includes('*') && !t.includes('/') && globRe(t).test(name));
    });
  };
  const missing = [];
  let checked = 0;
  for (const { dir, kind } of COVERED) {
    const entries = new Set();
    for (const f of files) {
      if (!f.startsWith(dir + '/')) continue;
      const rest = f.slice(dir.length + 1).split('/');
      if (kind === 'dir' && rest.length > 1) entries.add(`${dir}/${rest[0]}`);
      if (kind === 'file' && rest.length === 1) entries.add(f);
    }
    checked += entries.size;
    for (const e of entries) if (!mentioned(e, dir, kind)) missing.push(e);
  }
  t.diagnostic(`${checked} folders and files looked for`);
  assert.deepEqual(missing, [], 'not mentioned in README\'s layout table');
});

test('every repository path docs/CONTRIBUTING.md names exists', { skip: noGit }, (t) => {
  const text = read('docs/CONTRIBUTING.md');
  const indented = text.split('\n').filter((l) => /^ {4,}\S/.test(l));
  const paths = repoPaths([...codeSpans(text), ...indented], topLevelOf(files));
  assert.ok(paths.length >= 30, `only ${paths.length} paths found in docs/CONTRIBUTING.md`);
  t.diagnostic(`${paths.length} paths named`);
  const missing = paths.filter((p) => !exists(p));
  assert.deepEqual(missing, [], 'docs/CONTRIBUTING.md names paths that do not exist');
});

test('README links docs/CONTRIBUTING.md', () => {
  assert.match(read('README.md'), /docs\/CONTRIBUTING\.md/);
});
