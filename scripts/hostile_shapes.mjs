// Hostile input shapes of an exact size in bytes in (issue L item 1, G's memory
// budget), and the page's reading of one through the wasm modules with their
// heap growth. Used by scripts/bench_hostile.py (which runs this file to write
// the inputs and to measure the wasm) and by tests/node/memory_budget.test.mjs.
//
// The size of a .docx is what the size limit counts for it
// (core/include/nianbao/limits.h): the bytes its word/document.xml inflates
// to, which are more than the file's.
//
//   node scripts/hostile_shapes.mjs write DIR SIZE...    one file a shape and size: DIR/NN-SIZE.EXT
//   node scripts/hostile_shapes.mjs names                the shapes, one a line: name<TAB>ext
//   node scripts/hostile_shapes.mjs wasm WASMDIR FILE... the modules' heap growth for each file
//                                                        above an empty input's, one JSON a line
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

import { zip } from '../tests/lib/docx.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REAL = path.join(repo, 'tests', 'fixtures', 'real', '008_hongze_district_2024.txt');

// `unit` repeated between `head` and `tail` so that the whole is `size`
// bytes (UTF-8), the rest padded with `pad` (one ASCII byte).
function fill(size, unit, { head = '', tail = '', pad = ' ' } = {}) {
  const h = Buffer.from(head);
  const t = Buffer.from(tail);
  const u = Buffer.from(unit);
  const n = Math.max(0, Math.floor((size - h.length - t.length) / u.length));
  const out = Buffer.alloc(size, pad);
  h.copy(out, 0);
  for (let k = 0, at = h.length; k < n; ++k, at += u.length) u.copy(out, at);
  t.copy(out, size - t.length);
  return out;
}

// A small deterministic generator (the shapes are the same every run).
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s;
  };
}

const W_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
const W_TAIL = '<w:sectPr/></w:body></w:document>';
const CJK = '一二三四五六七八九十年月日政府信息公开申请办理结果';

// A .docx whose word/document.xml is `size` bytes of short paragraphs (a few
// characters of text each, varied so that deflate packs it some 5 times, not
// past the zip reader's bomb ratio), deflated as Word does.
function wordParagraphs(size) {
  const next = random(2024);
  const paragraphs = [];
  let length = Buffer.byteLength(W_HEAD + W_TAIL);
  for (;;) {
    let text = '';
    for (let k = 1 + (next() % 4); k > 0; --k) text += CJK[next() % CJK.length];
    const p = `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const n = Buffer.byteLength(p);
    if (length + n > size) break;
    paragraphs.push(p);
    length += n;
  }
  const xml = Buffer.concat([Buffer.from(W_HEAD + paragraphs.join('')), Buffer.alloc(size - length, ' '), Buffer.from(W_TAIL)]);
  return zip({ 'word/document.xml': xml });
}

// name, extension, bytes of `size`. The first seven are issue L's shapes.
export function shapes() {
  const report = readFileSync(REAL, 'utf8');
  const i3 = report.indexOf('四、');
  const before = report.slice(0, i3);
  const after = report.slice(i3);
  return [
    { name: "'1' lines", ext: 'txt', make: (size) => fill(size, '1\n', { pad: '1' }) },
    { name: 'one long line', ext: 'txt', make: (size) => fill(size, '政府信息公开工作年度报告正文') },
    { name: 'table rows', ext: 'txt', make: (size) => fill(size, '\t\t其他情形\t1\t2\t3\t4\t5\t6\t21\n', { head: before, tail: after }) },
    { name: '30-digit cells', ext: 'txt', make: (size) =>
      fill(size, '规章\t123456789012345678901234567890\t999999999999999999999999999999\t0\n', { head: before, tail: after }) },
    { name: 'binary', ext: 'txt', make: (size) => {
      const out = Buffer.alloc(size);
      for (let k = 0; k < size; ++k) out[k] = k & 255;
      return out;
    } },
    { name: 'HTML cells', ext: 'html', make: (size) =>
      fill(size, '<tr><td>规章</td><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td><td>6</td></tr>',
        { head: '<html><body><p>三、收到和处理政府信息公开申请情况</p><table>', tail: '</table></body></html>' }) },
    { name: 'Word paragraphs', ext: 'docx', make: wordParagraphs },
    // Kept from issue E's bench.
    { name: 'report repeated', ext: 'txt', make: (size) => fill(size, report, { pad: '\n' }) },
    { name: 'report, one line', ext: 'txt', make: (size) => fill(size, report.replace(/\n/g, '')) },
    { name: 'short lines', ext: 'txt', make: (size) => fill(size, '第一行文字\n', { pad: '\n' }) },
    { name: "'1' lines in 三", ext: 'txt', make: (size) => fill(size, '1\n', { head: '三、收到和处理政府信息公开申请情况\n', pad: '1' }) },
    // One line of numbers, or of blank marks, as long as the input, read as table 三 and 四's rows.
    { name: "'1 ' one line in 三", ext: 'txt', make: (size) => fill(size, '1 ', { head: '三、收到和处理政府信息公开申请情况\n', pad: ' ' }) },
    { name: "'— ' one line in 三", ext: 'txt', make: (size) => fill(size, '— ', { head: '三、收到和处理政府信息公开申请情况\n', pad: ' ' }) },
    // The same with Markdown's pipes: one pipe row of as many cells as the input holds.
    { name: "'| 1 ' one line in 三", ext: 'txt', make: (size) => fill(size, '| 1 ', { head: '三、收到和处理政府信息公开申请情况\n', pad: ' ' }) },
    { name: 'invalid UTF-8', ext: 'txt', make: (size) => {
      const unit = Buffer.concat([Buffer.from(report), Buffer.from([0xff, 0xfe, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0x0a])]);
      const out = Buffer.alloc(size, 0x0a);
      for (let at = 0; at + unit.length <= size; at += unit.length) unit.copy(out, at);
      return out;
    } },
    { name: 'UTF-16 with BOM', ext: 'txt', make: (size) => {
      const out = Buffer.alloc(size, 0x20);
      for (let k = 3; k < size; k += 2) out[k] = 0;
      const body = Buffer.from(report, 'utf16le');
      for (let at = 2; at + body.length <= size; at += body.length) body.copy(out, at);
      out[0] = 0xff;
      out[1] = 0xfe;
      return out;
    } },
    { name: 'deep Markdown', ext: 'txt', make: (size) => {
      const items = Array.from({ length: 40 }, (_, k) => '  '.repeat(k) + '- 项目\n').join('');
      return fill(size, items, { head: '> '.repeat(Math.floor(size / 16)) + '一、总体情况\n', pad: '\n' });
    } },
    { name: 'deep HTML', ext: 'html', make: (size) => {
      const core = '<table><tr><td>规章</td><td>0</td></tr></table>';
      const k = Math.max(0, Math.floor((size - 26 - Buffer.byteLength(core)) / 24));
      return fill(size, ' ', { head: '<html><body>' + '<div><span>'.repeat(k), tail: core + '</span></div>'.repeat(k) + '</body></html>' });
    } },
    { name: "HTML '&' no ';'", ext: 'html', make: (size) => fill(size, '&', { head: '<p>', pad: '&' }) },
  ];
}

// The size the limit counts: a .docx's inflated document, else the bytes.
export function countedSize(bytes, ext) {
  if (ext !== 'docx') return bytes.length;
  return inflated(bytes).length;
}

// word/document.xml of a zip made by tests/lib/docx.mjs (its first entry).
function inflated(bytes) {
  const nameLength = bytes.readUInt16LE(26);
  const extra = bytes.readUInt16LE(28);
  const packed = bytes.readUInt32LE(18);
  const data = bytes.subarray(30 + nameLength + extra, 30 + nameLength + extra + packed);
  return bytes.readUInt16LE(8) === 0 ? data : inflateRawSync(data);
}

function loadModule(dir, name) {
  const require = createRequire(import.meta.url);
  return require(path.join(dir, `${name}.js`))({ wasmBinary: readFileSync(path.join(dir, `${name}.wasm`)) });
}

// The page's reading and check of a file (web/worker.js: readText, or zipRead's
// rounds, the worker inflating the entries the core names; then check with the
// model, as the page asks): {result, text}.
export function pageCheck(nb, readers, bytes, ext) {
  let text;
  if (ext === 'docx') {
    const parts = [];
    for (;;) {
      const round = readers.zipRead(new Uint8Array(bytes), parts);
      if (round.code) throw new Error(`${round.code}: ${round.message}`);
      if (!round.need) {
        text = round.text;
        break;
      }
      for (const e of round.need) {
        const data = bytes.subarray(e.offset, e.offset + e.packed);
        parts.push([e.name, e.method === 0 ? data : inflateRawSync(data)]);
      }
    }
  } else {
    const read = readers.readText(new Uint8Array(bytes));
    if (read.tooLarge) throw new Error(`too large: ${read.size} > ${read.limit}`);
    text = read.text;
  }
  const options = JSON.stringify({ model: true, inputBytes: bytes.length, today: '2025-06-30' });
  return { result: JSON.parse(nb.check(text.toWellFormed(), options, '')), text };
}

const heap = (module) => module.HEAP8.buffer.byteLength;

// Fresh modules, an empty input read and checked, then `bytes`: how far each
// module's memory (which never shrinks) grew past the empty input's peak.
export async function wasmGrowth(dir, bytes, ext) {
  const [nb, readers] = await Promise.all([loadModule(dir, 'nianbao'), loadModule(dir, 'nianbao-readers')]);
  pageCheck(nb, readers, Buffer.alloc(0), 'txt');
  const floor = { check: heap(nb), read: heap(readers) };
  const { result } = pageCheck(nb, readers, bytes, ext);
  return {
    findings: result.findings.length,
    ids: [...new Set(result.findings.map((f) => f.id))].slice(0, 6),
    floor,
    check: heap(nb) - floor.check,
    read: heap(readers) - floor.read,
  };
}

async function main(argv) {
  const [command, ...rest] = argv;
  if (command === 'names') {
    for (const s of shapes()) console.log(`${s.name}\t${s.ext}`);
  } else if (command === 'write') {
    const [dir, ...sizes] = rest;
    shapes().forEach((s, index) => {
      for (const size of sizes.map(Number)) {
        writeFileSync(path.join(dir, `${String(index).padStart(2, '0')}-${size}.${s.ext}`), s.make(size));
      }
    });
  } else if (command === 'wasm') {
    // One process a file: a module's memory never shrinks.
    const [dir, ...files] = rest;
    for (const file of files) {
      process.stdout.write(execFileSync(process.execPath, [fileURLToPath(import.meta.url), 'wasm1', dir, file]));
    }
  } else if (command === 'wasm1') {
    const [dir, file] = rest;
    const bytes = readFileSync(file);
    const ext = path.extname(file).slice(1);
    const g = await wasmGrowth(path.resolve(dir), bytes, ext);
    console.log(JSON.stringify({ file, bytes: bytes.length, counted: countedSize(bytes, ext), ...g }));
  } else {
    console.error('usage: hostile_shapes.mjs write DIR SIZE... | names | wasm WASMDIR FILE...');
    process.exit(2);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));
