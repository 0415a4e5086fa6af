// One decoding and one size limit (issue 21, items 3 and 4): a shared set of
// awkward files read by the CLI and by the page's own path (web/decode.js and
// web/worker.js under node, with the wasm module: File.size checked, the bytes
// to the core's decoder), which must give the same text and the same findings,
// or the same refusal with the same number.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { makeDocx, zip } from '../lib/docx.mjs';
import { makeOfd } from '../lib/ofd.mjs';
import { cliJson, repo, runCli } from './helpers.mjs';
import { startPageReader } from './worker_harness.mjs';

const report = readFileSync(path.join(repo, 'tests', 'fixtures', 'real', '008_hongze_district_2024.txt'), 'utf8');
const TODAY = '2025-06-30';
const LIMIT = 8 * 1024 * 1024;   // nianbao/limits.h: kMaxInputBytes
const FFFD = '\uFFFD';

function gb18030(text) {
  const r = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: Buffer.from(text, 'utf8') });
  assert.equal(r.status, 0, 'iconv makes the GB18030 file');
  return r.stdout;
}

function utf16(text, { bigEndian, bom }) {
  const le = Buffer.from(text, 'utf16le');
  const bytes = bigEndian ? Buffer.from(le).swap16() : le;
  return bom ? Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), bytes]) : bytes;
}

// Where a byte goes in: after the report's first line, inside the text.
const cut = report.indexOf('\n') + 1;
const withByte = (bytes, at, b) => Buffer.concat([bytes.subarray(0, at), Buffer.from([b]), bytes.subarray(at)]);

// A text file of exactly `size` bytes: the report repeated, then ASCII to fill.
function reportOfSize(size, tail = Buffer.alloc(0)) {
  const one = Buffer.from(report, 'utf8');
  const parts = [];
  let length = tail.length;
  while (length + one.length <= size) {
    parts.push(one);
    length += one.length;
  }
  parts.push(Buffer.alloc(size - length, 0x20), tail);
  const bytes = Buffer.concat(parts);
  assert.equal(bytes.length, size);
  return bytes;
}

// name -> {bytes, text: the text both must read (when known)}.
function awkwardFiles() {
  const utf8 = Buffer.from(report, 'utf8');
  const gb = gb18030(report);
  const gbCut = Buffer.from(gb18030(report.slice(0, cut))).length;
  return {
    'utf8-stray-byte.txt': { bytes: withByte(utf8, cut, 0xff), text: report.slice(0, cut) + FFFD + report.slice(cut) },
    'utf8-bom.md': { bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]), text: report },
    'gb18030.txt': { bytes: gb, text: report },
    'gb18030-bad-byte.txt': { bytes: withByte(gb, gbCut, 0xff), text: report.slice(0, cut) + FFFD + report.slice(cut) },
    'utf16le-bom.txt': { bytes: utf16(report, { bigEndian: false, bom: true }), text: report },
    'utf16be-bom.txt': { bytes: utf16(report, { bigEndian: true, bom: true }), text: report },
    'utf16le-no-bom.txt': { bytes: utf16(report, { bigEndian: false, bom: false }), text: report },
    'utf16be-no-bom.txt': { bytes: utf16(report, { bigEndian: true, bom: false }), text: report },
    'gb18030-page.html': { bytes: gb18030(`<html><head><title>年报</title></head><body><p>${report.split('\n').join('</p><p>')}</p></body></html>`) },
    'binary.txt': { bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0xff, 0xff]) },
    'report.docx': { bytes: makeDocx(report) },
    'report-zip64.docx': { bytes: makeDocx(report, { zip64: true }) },
    // OFD: a report laid out on pages, and text in a font's private-use code points.
    'report.ofd': { bytes: makeOfd(report) },
    'layout-ano.ofd': { bytes: readFileSync(path.join(repo, 'tests', 'fixtures', 'ofd', 'layout-ano.ofd')) },
    // Exactly at the limit, and at the limit cut inside its last character
    // (the first two bytes of 年): both read, the cut character a U+FFFD.
    'at-limit.txt': { bytes: reportOfSize(LIMIT), big: true },
    'at-limit-cut.txt': { bytes: reportOfSize(LIMIT, Buffer.from('年', 'utf8').subarray(0, 2)), big: true },
  };
}

let tmp;
let page;
before(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'nianbao-decode-parity-'));
  page = await startPageReader();
});
after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

// The page's reading and check of a file: {text, result} or {error}.
async function pageRead(name, bytes) {
  let read;
  try {
    read = await page.fileText(new File([bytes], name));
  } catch (e) {
    return { error: e.message };
  }
  const { value } = await page.request('check', { text: read.text, options: { today: TODAY }, model: false });
  return { text: read.text, encoding: read.encoding, result: value };
}

function cliRead(name, bytes) {
  const file = path.join(tmp, name);
  writeFileSync(file, bytes);
  const r = runCli(['check', '--format', 'json', '--today', TODAY, file]);
  if (r.status === 2) return { error: r.stderr, file };
  return { result: JSON.parse(r.stdout), file };
}

describe('the CLI and the page read the same awkward files alike', () => {
  for (const [name, { bytes, text, big }] of Object.entries(awkwardFiles())) {
    test(name, async () => {
      const cli = cliRead(name, bytes);
      const web = await pageRead(name, bytes);
      assert.equal(cli.error, undefined, `the CLI reads ${name}`);
      assert.equal(web.error, undefined, `the page reads ${name}`);
      if (text !== undefined) assert.equal(web.text, text, 'the text the page reads');
      assert.deepEqual(web.result, cli.result, 'the same findings');
      const ids = cli.result.findings.map((f) => f.id);
      assert.ok(!ids.includes('input-too-large'), 'within the limit');
      if (!big) {
        // The same model read from the same text (every cell and its place).
        assert.deepEqual(JSON.parse(page.worker.module.extract(web.text)), cliJson(['extract', '--format', 'json', cli.file]));
      }
    });
  }
});

describe('what each reports about the bytes', () => {
  test('one stray byte in UTF-8 or GB18030: input-encoding on the U+FFFD, the report read in its encoding', async () => {
    for (const name of ['utf8-stray-byte.txt', 'gb18030-bad-byte.txt']) {
      const { bytes } = awkwardFiles()[name];
      const web = await pageRead(name, bytes);
      const found = web.result.findings.filter((f) => f.id === 'input-encoding');
      assert.equal(found.length, 1, name);
      assert.equal(web.text.slice(found[0].location.start.utf16, found[0].location.end.utf16), FFFD, name);
      assert.match(found[0].message.zh, /1 处无法解码/);
      // The rest is the report, checked as the clean one is.
      const clean = await pageRead('clean.txt', Buffer.from(report, 'utf8'));
      assert.equal(web.result.findings.length, clean.result.findings.length + 1, name);
    }
    assert.equal((await pageRead('gb18030.txt', awkwardFiles()['gb18030.txt'].bytes)).encoding, 'GB18030');
  });

  test('UTF-16 without a BOM reads as UTF-16, in either byte order', async () => {
    for (const [name, encoding] of [['utf16le-no-bom.txt', 'UTF-16LE'], ['utf16be-no-bom.txt', 'UTF-16BE']]) {
      const web = await pageRead(name, awkwardFiles()[name].bytes);
      assert.equal(web.encoding, encoding);
      assert.ok(!web.result.findings.some((f) => f.id === 'input-encoding'), name);
    }
  });

  test('cut inside its last character at the limit: read, with input-encoding at its end', async () => {
    const { bytes } = awkwardFiles()['at-limit-cut.txt'];
    const web = await pageRead('at-limit-cut.txt', bytes);
    assert.ok(Buffer.byteLength(web.text) > LIMIT, 'the decoded text is longer than the limit');
    const found = web.result.findings.filter((f) => f.id === 'input-encoding');
    assert.equal(found.length, 1);
    assert.equal(found[0].location.start.utf16, web.text.length - 1);
  });
});

describe('one size limit, one number', () => {
  test('the module\'s limit is the CLI\'s: 8 MiB', () => {
    assert.equal(page.worker.readyMessage.maxInputBytes, LIMIT);
    assert.equal(page.worker.module.maxInputBytes(), LIMIT);
    assert.match(runCli(['--help']).stdout, new RegExp(`\\b${LIMIT}\\b`));
  });

  test('one byte over: both refuse it before reading, naming the same limit', async () => {
    const bytes = Buffer.concat([reportOfSize(LIMIT), Buffer.from(' ')]);
    const cli = cliRead('over-limit.txt', bytes);
    assert.match(cli.error, new RegExp(`more than ${LIMIT} bytes`));
    const web = await pageRead('over-limit.txt', bytes);
    assert.equal(web.error, page.NB.t('fileTooLarge', String(LIMIT + 1), String(LIMIT), '8'));
    // A file whose size says nothing is refused by the core all the same.
    const read = await page.request('text', { bytes: new Uint8Array(bytes) });
    assert.deepEqual(read.value, { tooLarge: true, size: LIMIT + 1, limit: LIMIT });
  });

  test('a .docx whose document inflates past the limit is too large when inflated, not damaged', async () => {
    // 80 MB of spaces deflate to ~80 KB: past the 200x ratio cap, and past the limit.
    const bomb = zip({ 'word/document.xml': Buffer.alloc(80 << 20, 0x20) });
    const cli = cliRead('bomb.docx', bomb);
    assert.match(cli.error, /inflates to more than .*zip bomb/);
    assert.doesNotMatch(cli.error, /damaged/);
    const web = await pageRead('bomb.docx', bomb);
    assert.equal(web.error, page.NB.t('zipTooLarge'));
    // Under the ratio cap but over the limit: 9 MiB of varied XML.
    let xml = '<w:document><w:body>';
    for (let k = 0; xml.length < 9 << 20; k++) xml += `<w:p><w:r><w:t>第${k}段${(k * 7919) % 100003}</w:t></w:r></w:p>`;
    const large = zip({ 'word/document.xml': xml + '</w:body></w:document>' });
    assert.match(cliRead('large.docx', large).error, new RegExp(`inflates to more than ${LIMIT >> 20} MB`));
    assert.equal((await pageRead('large.docx', large)).error, page.NB.t('zipTooLarge'));
  });

  test('a pasted text counts its UTF-8 bytes: at the limit it is checked, one byte over it is not', async () => {
    const text = reportOfSize(LIMIT).toString('utf8');
    const at = await page.request('check', { text, options: { today: TODAY }, model: false });
    assert.ok(!at.value.findings.some((f) => f.id === 'input-too-large'));
    const over = await page.request('check', { text: text + ' ', options: { today: TODAY }, model: false });
    assert.deepEqual(over.value.findings.map((f) => f.id), ['input-too-large']);
    assert.match(over.value.findings[0].message.zh, new RegExp(`${LIMIT + 1} 字节，超过 ${LIMIT} 字节`));
  });
});
