// The page's worker (web/worker.js) reading .docx and OFD files through the
// core's zip reader, in rounds (the core names the entries, the worker
// inflates them), run under node with the wasm module: with DecompressionStream
// ('deflate-raw'), and with it removed, as in Chromium < 103 or Firefox < 113,
// where the worker loads the fallback inflater (dist/inflate.js, made by
// scripts/inflate-lib.mjs from fflate) with importScripts. Both read a real
// .docx, the OFD files of real producers and a report made into an OFD as
// the CLI does; a zip bomb is "too large", not "damaged"; an OFD without a
// page it names says which.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { deflateRawSync } from 'node:zlib';

import { makeDocx, zip } from '../lib/docx.mjs';
import { makeOfd } from '../lib/ofd.mjs';
import { cliJson, readText, repo, seedFiles } from './helpers.mjs';
import { startPageReader, startWorker } from './worker_harness.mjs';

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
        assert.equal(answer.value.kind, 'docx');
        const page = JSON.parse(worker.module.check(answer.value.text, '{}', ''));
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

  test(`worker reads OFD files ${how} as the CLI does`, async () => {
    const worker = await startWorker({ deflateRaw });
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'nianbao-worker-ofd-'));
    const dir = path.join(repo, 'tests', 'fixtures', 'ofd');
    const files = readdirSync(dir).filter((n) => n.endsWith('.ofd')).map((n) => path.join(dir, n));
    const seed = path.join(tmp, 'seed.ofd');
    writeFileSync(seed, makeOfd(readText(seeds[0])));
    files.push(seed);
    for (const file of files) {
      const answer = await worker.request('zip', { bytes: new Uint8Array(readFileSync(file)) });
      assert.ok(answer.ok, `${path.basename(file)}: ${answer.message}`);
      assert.equal(answer.value.kind, 'ofd');
      const page = JSON.parse(worker.module.check(answer.value.text, '{}', ''));
      const cli = cliJson(['check', '--format', 'json', file]);
      assert.deepEqual(page.findings.map((f) => `${f.id}@${f.location.start.utf16}`), cli.findings.map((f) => `${f.id}@${f.location.start.utf16}`),
        path.basename(file));
    }
    // A page the package names and does not hold.
    const ofdXml = '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>';
    const documentXml = '<ofd:Document><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>';
    const missing = await worker.request('zip', { bytes: new Uint8Array(zip({ 'OFD.xml': ofdXml, 'Doc_0/Document.xml': documentXml })) });
    assert.equal(missing.ok, false);
    assert.equal(missing.message, 'zip-missing: ofd Doc_0/Pages/Page_0/Content.xml');
    // Pages that inflate past the budget together (each 3 MB of 8): too large, as in the CLI.
    const pages = Array.from({ length: 3 }, (_, p) => `<ofd:Page ID="${p + 1}" BaseLoc="Pages/Page_${p}/Content.xml"/>`).join('');
    const big = { 'OFD.xml': ofdXml, 'Doc_0/Document.xml': `<ofd:Document><ofd:Pages>${pages}</ofd:Pages></ofd:Document>` };
    for (let p = 0; p < 3; p++) big[`Doc_0/Pages/Page_${p}/Content.xml`] = Buffer.alloc(3 << 20, 0x20);
    const tooLarge = await worker.request('zip', { bytes: new Uint8Array(zip(big)) });
    assert.equal(tooLarge.ok, false);
    assert.match(tooLarge.message, /^zip-too-large/);
  });
}

test('worker: the ready message carries the core\'s table of input kinds', async () => {
  const { readyMessage } = await startWorker({ deflateRaw: true });
  const kinds = readyMessage.inputs;
  const byId = Object.fromEntries(kinds.map((k) => [k.id, k]));
  assert.deepEqual(Object.keys(byId).sort(), ['docx', 'html', 'ofd', 'pdf', 'text']);
  assert.equal(byId.ofd.zipEntry, 'OFD.xml');
  assert.equal(byId.ofd.reader, 'zip');
  assert.deepEqual(byId.docx.extensions, ['docx']);
  assert.equal(byId.docx.zipEntry, 'word/document.xml');
  assert.equal(byId.docx.reader, 'zip');
  assert.equal(byId.pdf.reader, 'pdfjs');
  assert.equal(byId.pdf.magic, '%PDF-');
  assert.ok(byId.text.extensions.includes('txt') && byId.html.extensions.includes('htm'));
});

test('the page\'s messages: a zip of no kind names the kinds\' entries, an OFD without a page names the page', async () => {
  const { NB, fileText } = await startPageReader({ deflateRaw: true });
  const error = (name, bytes) => fileText(new File([bytes], name)).then(() => '', (e) => e.message);
  assert.equal(await error('other.docx', zip({ 'readme.txt': 'hello' })), NB.t('zipNoKind', 'word/document.xml、OFD.xml'));
  const ofdXml = '<ofd:OFD><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>';
  assert.equal(await error('缺页.ofd', zip({ 'OFD.xml': ofdXml })), NB.t('zipMissingPart', 'Doc_0/Document.xml'));
  assert.match(NB.t('zipMissingPart', 'Doc_0/Document.xml'), /Doc_0\/Document\.xml/);
});
