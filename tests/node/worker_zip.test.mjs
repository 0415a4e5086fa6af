// The page's worker (web/worker.js) reading .docx files through the core's zip
// reader, run under node with the wasm module: with DecompressionStream
// ('deflate-raw'), and with it removed, as in Chromium < 103 or Firefox < 113,
// where the worker loads the fallback inflater (dist/inflate.js, made by
// scripts/inflate-lib.mjs from fflate) with importScripts. Both read a real
// .docx as the CLI does; a zip bomb is "too large", not "damaged".
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { deflateRawSync } from 'node:zlib';

import { inflateLib } from '../../scripts/inflate-lib.mjs';
import { makeDocx, zip } from '../lib/docx.mjs';
import { cliJson, loadNianbao, readText, repo, seedFiles } from './helpers.mjs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';

const workerCode = readFileSync(path.join(repo, 'web', 'worker.js'), 'utf8');
const inflateCode = await inflateLib();

// worker.js in this realm (the module's std::string takes only this realm's
// Uint8Array), its globals given as parameters: self, postMessage,
// importScripts, createNianbao and DecompressionStream (undefined: removed).
async function startWorker({ deflateRaw }) {
  const module = await loadNianbao();
  const self = { addEventListener() {}, onmessage: null };
  const imported = [];
  const waiting = new Map();
  let ready;
  const readyPromise = new Promise((resolve) => { ready = resolve; });
  const postMessage = (m) => {
    if (m.op === 'ready') return ready(m);
    const w = waiting.get(m.id);
    if (w) w(m);
  };
  const importScripts = (name) => {
    imported.push(name);
    assert.equal(name, 'inflate.js');
    new Function('self', inflateCode)(self);
  };
  const run = new Function('self', 'postMessage', 'importScripts', 'createNianbao', 'DecompressionStream', workerCode);
  run(self, postMessage, importScripts, () => Promise.resolve(module), deflateRaw ? DecompressionStream : undefined);
  self.onmessage({ data: { op: 'init' } });
  const readyMessage = await readyPromise;
  let id = 0;
  const request = (op, fields) => new Promise((resolve) => {
    waiting.set(++id, resolve);
    self.onmessage({ data: { id, op, ...fields } });
  });
  return { request, imported, readyMessage, module };
}

const seeds = seedFiles().slice(0, 3);

for (const deflateRaw of [true, false]) {
  const how = deflateRaw ? "with DecompressionStream('deflate-raw')" : 'without DecompressionStream (fallback inflater)';

  test(`worker reads a real .docx ${how} as the CLI does`, async () => {
    const worker = await startWorker({ deflateRaw });
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'nianbao-worker-zip-'));
    assert.ok(seeds.length > 0, 'seed reports');
    for (const seed of seeds) {
      for (const stored of [false, true]) {
        const bytes = makeDocx(readText(seed), { stored });
        const answer = await worker.request('zip', { bytes: new Uint8Array(bytes) });
        assert.ok(answer.ok, answer.message);
        const file = path.join(tmp, path.basename(seed, '.txt') + '.docx');
        writeFileSync(file, bytes);
        // The same text as the CLI reads: the same findings and the same model.
        const page = JSON.parse(worker.module.check(answer.value, '{}', ''));
        const cli = cliJson(['check', '--format', 'json', file]);
        assert.deepEqual(page.findings.map((f) => f.id).sort(), cli.findings.map((f) => f.id).sort(), path.basename(seed));
      }
    }
    // The fallback library is loaded only when needed, and only once.
    assert.deepEqual(worker.imported, deflateRaw ? [] : ['inflate.js']);
  });

  test(`worker: a zip bomb is too large, damage is damage ${how}`, async () => {
    const worker = await startWorker({ deflateRaw });
    // 80 MB of XML-ish zeros deflate to ~80 KB: past the ratio cap (200x).
    const bomb = zip({ 'word/document.xml': Buffer.alloc(80 << 20, 0x20) });
    const big = await worker.request('zip', { bytes: new Uint8Array(bomb) });
    assert.equal(big.ok, false);
    assert.match(big.message, /^zip-too-large/);
    // Not a zip, a cut one, a zip without the document.
    for (const [bytes, code] of [
      [Buffer.from('PK\x03\x04 not really a zip'), 'zip-not-zip'],
      [makeDocx('某某镇人民政府2024年政府信息公开工作年度报告\n').subarray(0, 200), 'zip-not-zip'],
      [zip({ 'readme.txt': 'hello' }), 'zip-missing'],
    ]) {
      const answer = await worker.request('zip', { bytes: new Uint8Array(bytes) });
      assert.equal(answer.ok, false);
      assert.match(answer.message, new RegExp('^' + code));
    }
    // A deflate stream with garbage in it.
    const xml = Buffer.from('<w:document><w:body><w:p><w:r><w:t>一</w:t></w:r></w:p></w:body></w:document>');
    const packed = deflateRawSync(xml);
    const good = zip({ 'word/document.xml': xml });
    const bad = Buffer.from(good);
    const at = bad.indexOf(packed);
    if (at >= 0) bad.fill(0xff, at, at + 8);
    const damaged = await worker.request('zip', { bytes: new Uint8Array(bad) });
    assert.equal(damaged.ok, false);
    assert.match(damaged.message, /^zip-damaged/);
  });
}

test('worker: the ready message carries the core\'s table of input kinds', async () => {
  const { readyMessage } = await startWorker({ deflateRaw: true });
  const kinds = readyMessage.inputs;
  const byId = Object.fromEntries(kinds.map((k) => [k.id, k]));
  assert.deepEqual(Object.keys(byId).sort(), ['docx', 'html', 'pdf', 'text']);
  assert.deepEqual(byId.docx.extensions, ['docx']);
  assert.equal(byId.docx.zipEntry, 'word/document.xml');
  assert.equal(byId.docx.reader, 'zip');
  assert.equal(byId.pdf.reader, 'pdfjs');
  assert.equal(byId.pdf.magic, '%PDF-');
  assert.ok(byId.text.extensions.includes('txt') && byId.html.extensions.includes('htm'));
});
