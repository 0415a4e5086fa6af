// What the page loads before it is ready and what it loads later (README,
// "What loads when"): the first module has no file or paste readers and no rule doc
// texts; the readers' module and rules.json have them.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { cliJson, loadModule, READERS, repo } from './helpers.mjs';

const dist = path.resolve(repo, process.env.NIANBAO_DIST || 'dist');
const LONG_TEXTS = ['what', 'what_en', 'why', 'why_en', 'example', 'example_en', 'basis'];

test('the first module checks but reads no file; nianbao-readers reads files', async () => {
  const [first, readers] = await Promise.all([loadModule('nianbao'), loadModule('nianbao-readers')]);
  for (const name of ['check', 'extract', 'rules', 'inputKinds', 'maxInputBytes']) {
    assert.equal(typeof first[name], 'function', `nianbao.${name}`);
  }
  for (const name of READERS) {
    assert.equal(first[name], undefined, `nianbao.${name} is not in the first load`);
    assert.equal(typeof readers[name], 'function', `nianbao-readers.${name}`);
  }
  assert.equal(readers.maxInputBytes(), first.maxInputBytes(), 'one size limit in both');
  assert.equal(readers.version(), first.version());
  // GB18030 bytes (年报 = C4EA B1A8) decode in the readers' module, as the CLI decodes them.
  const read = readers.readText(new Uint8Array([0xc4, 0xea, 0xb1, 0xa8, 0x0a]));
  assert.equal(read.text, '年报\n');
  assert.equal(read.encoding, 'gb18030');
});

test("the module's registry names every rule without the long texts; rules.json has them, as the CLI", async () => {
  const first = await loadModule('nianbao');
  const registry = JSON.parse(first.rules());
  const cli = cliJson(['rules', '--format', 'json']);
  assert.deepEqual(registry.map((r) => r.id), cli.map((r) => r.id));
  for (const r of registry) {
    for (const key of LONG_TEXTS) assert.equal(r[key], undefined, `${r.id}.${key} is not in the module`);
    const full = cli.find((c) => c.id === r.id);
    assert.deepEqual(r, { family: full.family, id: full.id, severity: full.severity, title: full.title });
  }
  const file = path.join(dist, 'rules.json');
  assert.ok(existsSync(file), `${file} (scripts/build.sh)`);
  assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), cli, 'dist/rules.json is the CLI\'s registry');
  for (const r of cli) for (const key of LONG_TEXTS) assert.ok(r[key], `${r.id}.${key} in rules.json`);
});

test('the service worker keeps what loads later; the one-file page carries it', () => {
  const sw = readFileSync(path.join(dist, 'sw.js'), 'utf8');
  for (const name of ['rules.json', 'nianbao-readers.js', 'nianbao-readers.wasm']) {
    assert.match(sw, new RegExp(`FILES\\s*=\\s*\\[[^\\]]*['"]${name.replace('.', '\\.')}['"]`), `sw.js keeps ${name}`);
    assert.ok(existsSync(path.join(dist, name)), `dist/${name}`);
  }
  const html = readFileSync(path.join(dist, 'nianbao.html'), 'utf8');
  assert.match(html, /<script type="text\/plain" id="nb-rules">\s*\[\{/, 'rules.json as a data block');
  assert.match(html, /<script type="text\/plain" id="nb-readers">[\s\S]*createNianbaoReaders/, 'the readers\' module as a data block');
  assert.match(html, /<script type="application\/octet-stream" id="nb-readers-wasm">AGFzbQ/, 'its wasm as base64');
});
