// The wasm memory budget (issue L items 1 and 4, G's budget): an input of
// exactly the module's size limit in each of issue L's shapes ('1' lines, one
// long line, table rows, 30-digit cells, binary, HTML cells, Word paragraphs)
// goes through the page's reading (nianbao-readers: readText, or zipRead's
// rounds) and check (nianbao, with the model, as the page asks) in fresh
// modules (and a pipe row as long as the input): it completes with findings, no abort, and each module's memory
// grows by at most kMemoryPerInputByte times the input over an empty input's
// (core/include/nianbao/limits.h), which at the limit fits the memory cap.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';

import { countedSize, shapes, wasmGrowth } from '../../scripts/hostile_shapes.mjs';
import { loadNianbao, repo, wasmDir } from './helpers.mjs';


const limits = readFileSync(path.join(repo, 'core', 'include', 'nianbao', 'limits.h'), 'utf8');
const constant = (name) => Number(limits.match(new RegExp(`${name} = (\\d+)`))[1]);
const PER_BYTE = constant('kMemoryPerInputByte');
// -sMAXIMUM_MEMORY=1GB (wasm/CMakeLists.txt), limits.h's kWasmMemoryCap.
const [, amount, unit] = readFileSync(path.join(repo, 'wasm', 'CMakeLists.txt'), 'utf8').match(/-sMAXIMUM_MEMORY=(\d+)(MB|GB)/);
const CAP = Number(amount) * (unit === 'GB' ? 1 << 30 : 1 << 20);

describe('the wasm memory budget', () => {
  test('the limit is the core\'s, and kMemoryPerInputByte times it fits the memory cap', async () => {
    assert.ok(existsSync(path.join(wasmDir, 'nianbao-readers.js')), `the wasm modules are in ${wasmDir} (scripts/build.sh)`);
    const nb = await loadNianbao();
    assert.equal(nb.maxInputBytes(), 8 * 1024 * 1024);
    assert.equal(CAP, 2 ** Number(limits.match(/kWasmMemoryCap = size_t\(1\) << (\d+);/)[1]), 'limits.h names the cap');
    assert.ok(nb.maxInputBytes() * PER_BYTE <= CAP / 4, `${PER_BYTE} x ${nb.maxInputBytes()} within a quarter of the cap`);
  });

  // Issue L's seven shapes, and a pipe row as long as the input (a Markdown
  // row's edit once copied the line and its origins: 10.6 times the input).
  for (const shape of [...shapes().slice(0, 7), ...shapes().filter((s) => s.name.startsWith("'| 1 '"))]) {
    test(`${shape.name} at exactly the limit`, { timeout: 300000 }, async () => {
      const limit = (await loadNianbao()).maxInputBytes();
      const bytes = shape.make(limit);
      assert.equal(countedSize(bytes, shape.ext), limit, 'the size the limit counts');
      const g = await wasmGrowth(wasmDir, bytes, shape.ext);
      assert.ok(g.findings > 0, `${shape.name}: findings`);
      assert.ok(!g.ids.includes('input-too-large'), `${shape.name}: read, not refused (${g.ids})`);
      for (const module of ['check', 'read']) {
        assert.ok(g[module] <= PER_BYTE * limit,
          `${shape.name}: ${module} module grew ${(g[module] / limit).toFixed(1)} x the input (budget ${PER_BYTE})`);
      }
    });
  }
});
