// The release zip (scripts/package.sh) from the current build: it unpacks, its SHA256SUMS
// hold, site/ is dist/ whole, the notes are there (EMBEDDING.md's SRI matches the element's
// script), the unpacked site serves with the right types under scripts/serve.mjs, and its
// own nianbao.js + nianbao.wasm check seed 001 as the native CLI does.
// Fails (does not skip) without dist/: run scripts/build.sh first.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { serve } from '../../scripts/serve.mjs';
import { cliJson, repo, shared } from './helpers.mjs';

const dist = path.resolve(repo, process.env.NIANBAO_DIST || 'dist');
const version = /^project\(nianbao VERSION ([0-9][0-9A-Za-z.-]*)/m.exec(readFileSync(path.join(repo, 'CMakeLists.txt'), 'utf8'))[1];
const seed = path.join(shared, 'seeds', '001_596907d86b561f89.txt');

let tmp, top, site, zipFile;

function walk(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  }).sort();
}
const sha = (algo, file) => createHash(algo).update(readFileSync(file));

before(() => {
  assert.ok(existsSync(path.join(dist, 'index.html')), `no build in ${dist}: run scripts/build.sh first`);
  tmp = mkdtempSync(path.join(os.tmpdir(), 'nianbao-package-'));
  const out = path.join(tmp, 'out');
  const log = execFileSync(path.join(repo, 'scripts', 'package.sh'), { env: { ...process.env, OUT: out }, encoding: 'utf8' });
  zipFile = path.join(out, `nianbao-${version}.zip`);
  assert.ok(existsSync(zipFile), `package.sh made no ${zipFile}:\n${log}`);
  const unpacked = path.join(tmp, 'unpacked');
  execFileSync('python3', ['-m', 'zipfile', '-e', zipFile, unpacked]);
  assert.deepEqual(readdirSync(unpacked), [`nianbao-${version}`], 'the zip holds one folder, nianbao-<version>');
  top = path.join(unpacked, `nianbao-${version}`);
  site = path.join(top, 'site');
});

after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test('the zip holds the site, the notes and the licenses', () => {
  for (const f of ['DEPLOY.md', 'EMBEDDING.md', 'LICENSE', 'THIRD_PARTY_NOTICES.md', 'CHANGELOG.md', 'SHA256SUMS',
    'site/index.html', 'site/nianbao.html', 'site/embed.html', 'site/nianbao-check.js', 'site/demo.html',
    'site/nianbao.js', 'site/nianbao.wasm', 'site/worker.js', 'site/sw.js', 'site/pdfjs/LICENSE.txt']) {
    assert.ok(existsSync(path.join(top, f)), f);
  }
  for (const f of ['LICENSE', 'THIRD_PARTY_NOTICES.md', 'CHANGELOG.md']) {
    assert.equal(readFileSync(path.join(top, f), 'utf8'), readFileSync(path.join(repo, f), 'utf8'), f);
  }
  assert.equal(readFileSync(path.join(top, 'DEPLOY.md'), 'utf8'), readFileSync(path.join(repo, 'docs', 'DEPLOY.md'), 'utf8'));
});

test('site/ is dist/, nothing missing, nothing added', () => {
  const files = walk(dist);
  assert.deepEqual(walk(site), files);
  for (const f of files) assert.ok(sha('sha256', path.join(site, f)).digest('hex') === sha('sha256', path.join(dist, f)).digest('hex'), f);
});

test('SHA256SUMS lists every other file with its hash', () => {
  const lines = readFileSync(path.join(top, 'SHA256SUMS'), 'utf8').trim().split('\n');
  const listed = lines.map((line) => {
    const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    assert.ok(m, `SHA256SUMS line: ${line}`);
    assert.equal(sha('sha256', path.join(top, m[2])).digest('hex'), m[1], m[2]);
    return m[2];
  });
  assert.deepEqual(listed, walk(top).filter((f) => f !== 'SHA256SUMS'));
});

test('DEPLOY.md: Chinese first, then English; the CSP, the wasm type, the service worker', () => {
  const text = readFileSync(path.join(top, 'DEPLOY.md'), 'utf8');
  assert.ok(text.indexOf('## 中文') >= 0 && text.indexOf('## 中文') < text.indexOf('## English'));
  assert.ok(text.includes("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'"));
  assert.ok(text.includes('application/wasm'));
  assert.match(text, /Service Worker/i);
});

test('EMBEDDING.md: README\'s snippets, the element\'s script pinned by its sha384', () => {
  const text = readFileSync(path.join(top, 'EMBEDDING.md'), 'utf8');
  const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
  const snippet = (name) => new RegExp(`<!-- snippet: ${name} -->\\n\`\`\`html\\n([\\s\\S]*?)\`\`\`\\n`).exec(readme)[1];
  const sri = `sha384-${sha('sha384', path.join(site, 'nianbao-check.js')).digest('base64')}`;
  assert.ok(text.includes(snippet('iframe')), 'the iframe snippet as in README');
  const element = snippet('element').replace(/(<script src="[^"]*nianbao-check\.js")/, `$1 integrity="${sri}" crossorigin="anonymous"`);
  assert.ok(text.includes(element), `the element snippet with integrity="${sri}"`);
  const inline = /<script>([\s\S]*?)<\/script>/.exec(snippet('iframe'))[1];
  assert.ok(text.includes(`'sha256-${createHash('sha256').update(inline).digest('base64')}'`), 'the iframe script\'s CSP hash');
});

test('the unpacked site serves, and its module checks seed 001 as the CLI does', async (t) => {
  const server = await serve({ root: site, port: 0 });
  let wasmBytes;
  try {
    const get = async (name) => {
      const res = await fetch(new URL(name, server.url));
      assert.equal(res.status, 200, name);
      return res;
    };
    const index = await get('index.html');
    assert.match(index.headers.get('content-type'), /^text\/html/);
    assert.match(index.headers.get('content-security-policy'), /wasm-unsafe-eval/);
    assert.match(await index.text(), /<script src="page\.js" defer><\/script>/);
    const js = await get('nianbao.js');
    assert.match(js.headers.get('content-type'), /^text\/javascript/);
    assert.equal(Buffer.compare(Buffer.from(await js.arrayBuffer()), readFileSync(path.join(site, 'nianbao.js'))), 0);
    const wasm = await get('nianbao.wasm');
    assert.equal(wasm.headers.get('content-type'), 'application/wasm');
    wasmBytes = Buffer.from(await wasm.arrayBuffer());
    assert.equal(Buffer.compare(wasmBytes, readFileSync(path.join(site, 'nianbao.wasm'))), 0);
  } finally {
    await server.close();
  }
  assert.ok(existsSync(seed), `${seed} is there (SHARED)`);
  // The unpacked folder's own loader, fed the bytes the server sent.
  const factory = createRequire(import.meta.url)(path.join(site, 'nianbao.js'));
  const nb = await factory({ wasmBinary: wasmBytes });
  assert.equal(nb.version(), version);
  const text = new TextDecoder('utf-8').decode(readFileSync(seed));
  const page = JSON.parse(nb.check(text, '{}', '')).findings.map((f) => f.id);
  const cli = cliJson(['check', '--format', 'json', seed]).findings.map((f) => f.id);
  assert.ok(cli.length > 0, 'seed 001 has findings');
  assert.deepEqual(page, cli);
});
