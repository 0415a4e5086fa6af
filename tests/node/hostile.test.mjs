// Hostile inputs through both builds (issue E): every one the native CLI and the
// wasm module can both take gives identical JSON; an input over the module's
// memory budget gives input-too-large there, and the module stays usable; every
// fixture is also checked against last year's report in both.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { assertResultShape, cliJson, cliPath, label, loadNianbao, repo, sampleFiles, wasmDir } from './helpers.mjs';

// Both builds are needed (scripts/build.sh makes them): without one these fail, never skip.
const missing = !existsSync(path.join(wasmDir, 'nianbao.js')) ? `no wasm module in ${wasmDir}`
  : !existsSync(cliPath) ? `no native CLI at ${cliPath}` : '';

const real = path.join(repo, 'tests', 'fixtures', 'real', '008_hongze_district_2024.txt');
const previousYear = path.join(repo, 'tests', 'fixtures', 'real', '007_hongze_district_2023.txt');
const OPTIONS = '{"today":"2025-06-30"}';

// name -> bytes, as a file would hold them (the CLI reads the file, the page
// gets the decoded text).
function hostileInputs() {
  const report = readFileSync(real, 'utf8');
  const i3 = report.indexOf('四、');
  const row = '\t\t其他情形\t0\t0\t0\t0\t0\t0\t0\n';
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(report, 'utf16le')]);
  const inputs = {
    'empty': '',
    'whitespace': '  \n\t\u3000\u3000\n\u00a0\n',
    'one 1 MB line': '政府信息公开工作年度报告正文'.repeat(Math.ceil(1e6 / 42)),
    '100,000 short lines': '第一行文字\n'.repeat(100000),
    'UTF-16 with BOM': utf16,
    '30-digit numbers': report.replace(/(\t|\s)0(\t|\s)/, '$1123456789012345678901234567890$2'),
    '19-digit numbers': report.replace(/(\t|\s)0(\t|\s)/g, '$19223372036854775807$2'),
    'report repeated 50 times': report.repeat(50),
    'table of 1,000 rows': report.slice(0, i3) + row.repeat(1000) + report.slice(i3),
    'deep Markdown nesting': '> '.repeat(20000) + '一、总体情况\n' +
      Array.from({ length: 2000 }, (_, k) => '  '.repeat(k % 100) + '- 项目\n').join(''),
    'deep HTML nesting': '<html><body>' + '<div><span>'.repeat(20000) +
      '<table><tr><td>规章</td><td>0</td></tr></table>' + '</span></div>'.repeat(20000),
    "HTML '&' without ';'": '<p>' + '&'.repeat(200000),
    'astral characters': '𠀀'.repeat(100000),
  };
  return Object.entries(inputs).map(([name, v]) => [name, Buffer.isBuffer(v) ? v : Buffer.from(v, 'utf8')]);
}

// The text the page hands the module: a file's bytes read by the core, as
// the page's worker does (readText: the CLI's decoder, a web page as its text).
function pageText(nb, bytes) {
  return nb.readText(new Uint8Array(bytes)).text;
}

let nb;
let tmp;
before(async () => {
  assert.equal(missing, '', 'both builds are there');
  nb = await loadNianbao();
  tmp = mkdtempSync(path.join(tmpdir(), 'nianbao-hostile-'));
});
after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('hostile inputs: native/wasm parity', () => {
  for (const [name, bytes] of hostileInputs()) {
    test(name, () => {
      const ext = name.includes('HTML') ? '.html' : '.txt';
      const file = path.join(tmp, name.replace(/[^A-Za-z0-9]+/g, '_') + ext);
      writeFileSync(file, bytes);
      const native = cliJson(['check', '--format', 'json', '--today', '2025-06-30', file]);
      const text = pageText(nb, bytes);
      const wasm = JSON.parse(nb.check(text, OPTIONS, ''));
      assertResultShape(assert, wasm, text);
      assert.ok(wasm.findings.length > 0 || name.includes('HTML'), `${name}: at least one finding`);
      assert.deepEqual(wasm, native);
    });
  }
});

describe('the module memory budget', () => {
  test('maxInputBytes() is the core\'s one limit, 8 MiB, whose worst shape fits the memory cap', () => {
    assert.equal(nb.maxInputBytes(), 8 * (1 << 20));
    // The cap is 1 GB (wasm/CMakeLists.txt, -sMAXIMUM_MEMORY; limits.h's kWasmMemoryCap): the module says so if it was built smaller.
    assert.match(readFileSync(path.join(repo, 'wasm', 'CMakeLists.txt'), 'utf8'), /-sMAXIMUM_MEMORY=1GB/);
    assert.match(readFileSync(path.join(repo, 'core', 'include', 'nianbao', 'limits.h'), 'utf8'), /kWasmMemoryCap = size_t\(1\) << 30;/);
  });

  test('an input over the budget gives input-too-large, and the next input is checked', () => {
    const report = readFileSync(real, 'utf8');
    const max = nb.maxInputBytes();
    const big = report.repeat(Math.ceil((max + 1) / Buffer.byteLength(report)));
    const r = JSON.parse(nb.check(big, OPTIONS, ''));
    assert.deepEqual(r.findings.map((f) => f.id), ['input-too-large']);
    assert.equal(r.findings[0].severity, 'error');
    assert.match(r.findings[0].message.zh ?? JSON.stringify(r.findings[0]), new RegExp(String(Buffer.byteLength(big))));
    JSON.parse(nb.extract(big));
    // The module is still fine: the next input is checked as the CLI does.
    assert.deepEqual(JSON.parse(nb.check(report, OPTIONS, '')),
      cliJson(['check', '--format', 'json', '--today', '2025-06-30', real]));
    // A previous report over the budget is skipped, the text still checked.
    const withPrev = JSON.parse(nb.check(report, OPTIONS, big));
    assert.ok(withPrev.findings.some((f) => f.id === 'input-too-large'));
  });
});

describe('native/wasm parity with last year\'s report', () => {
  const prev = existsSync(previousYear) ? readFileSync(previousYear, 'utf8') : '';
  for (const file of sampleFiles()) {
    test(`check --previous: ${label(file)}`, () => {
      const text = new TextDecoder('utf-8').decode(readFileSync(file));
      const wasm = JSON.parse(nb.check(text, OPTIONS, prev));
      const native = cliJson(['check', '--format', 'json', '--today', '2025-06-30', '--previous', previousYear, file]);
      assert.deepEqual(wasm, native);
    });
  }
});
