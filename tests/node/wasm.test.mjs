// The WebAssembly module under node: it loads, its four functions answer with
// the documented shapes, and it reads every sample exactly as the native CLI does.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';

import { assertResultShape, cliJson, cliPath, label, loadNianbao, readText, sampleFiles, seedFiles, wasmDir } from './helpers.mjs';

let nb;
before(async () => {
  assert.ok(existsSync(path.join(wasmDir, 'nianbao.js')), `build the wasm module first (${wasmDir})`);
  nb = await loadNianbao();
});

test('the module exports check, extract, rules and version', () => {
  for (const name of ['check', 'extract', 'rules', 'version']) assert.equal(typeof nb[name], 'function', name);
});

test('version() is a non-empty string', () => {
  assert.equal(typeof nb.version(), 'string');
  assert.ok(nb.version().length > 0);
});

test('rules() is JSON', () => {
  const rules = JSON.parse(nb.rules());
  assert.ok(Array.isArray(rules) || typeof rules === 'object');
});

test('check() of empty, odd and non-report text returns a result', () => {
  for (const text of ['', '   \n', 'hello', '年报', '\uFFFD', 'a\u0000b', '𠀀'.repeat(100)]) {
    assertResultShape(assert, JSON.parse(nb.check(text, '{}', '')), text);
    JSON.parse(nb.extract(text));
  }
});

test('check() accepts options JSON and a previous report', () => {
  const [seed] = seedFiles();
  const text = seed ? readText(seed) : '一、总体情况\n';
  const options = JSON.stringify({ lang: 'en', disable: [], severity: {}, today: '2025-02-01' });
  assertResultShape(assert, JSON.parse(nb.check(text, options, text)), text);
});

test('a 4 MB input fits (memory growth)', () => {
  const [seed] = seedFiles();
  const unit = seed ? readText(seed) : '一、总体情况\n本年度未收到申请。\n';
  const text = unit.repeat(Math.ceil((4 << 20) / Buffer.byteLength(unit)));
  assertResultShape(assert, JSON.parse(nb.check(text, '{}', '')), text);
});

describe('seeds', () => {
  const seeds = seedFiles();
  test('there are seeds', () => {
    assert.ok(seeds.length > 0, 'the seeds folder is there (SHARED)');
  });
  for (const file of seeds) {
    test(`check() of ${path.basename(file)} returns JSON with a findings array`, () => {
      const text = readText(file);
      assertResultShape(assert, JSON.parse(nb.check(text, '{}', '')), text);
    });
  }
});

describe('native/wasm parity', () => {
  const hasCli = existsSync(cliPath);
  for (const file of sampleFiles()) {
    const name = label(file);
    test(`extract: ${name}`, () => {
      assert.ok(hasCli, `the native CLI is at ${cliPath}`);
      assert.deepEqual(JSON.parse(nb.extract(readText(file))), cliJson(['extract', '--format', 'json', file]));
    });
    test(`check: ${name}`, () => {
      assert.ok(hasCli, `the native CLI is at ${cliPath}`);
      const wasm = JSON.parse(nb.check(readText(file), '{"today":"2025-06-30"}', ''));
      const native = cliJson(['check', '--format', 'json', '--today', '2025-06-30', file]);
      assert.deepEqual(wasm, native);
    });
  }
});
