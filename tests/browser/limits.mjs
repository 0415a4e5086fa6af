// The page's bounds on what it reads (issue 21, items 2-4), served under the
// strict CSP in Debian's Chromium:
//  - a file over the size limit is refused by its size, in the results panel,
//    with the CLI's number, and the text in the box stays;
//  - a UTF-8 report with one stray byte reads as the CLI reads it: UTF-8, the
//    byte a U+FFFD, input-encoding on it, the same findings at the same places;
//  - a PDF of more pages than the cap (501, printed by Chromium) is refused
//    with "PDF 超过 500 页", and so are too many text items and too long a read
//    (the caps lowered through NB.pdf.limits on a real report's PDF).
// Run: node tests/browser/limits.mjs   (after scripts/build.sh)
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import {
  assertClean, checks, cliCheck, dropFile, fillAndWait, findings, fixture, repo, run, waitChecked, waitReady, watch,
  withBrowser, withServer,
} from './lib/browser.mjs';

const LIMIT = 8 * 1024 * 1024;   // nianbao/limits.h: kMaxInputBytes
// The real 6-page report (../shared/real); a missing file fails the test.
const REAL_PDF = path.join(repo, '..', 'shared', 'real', 'huaian_city_2024.pdf');

const notice = async (page) => (await page.isVisible('#notice')) && (await page.textContent('#notice'));
const spans = (list) => list.map((f) => `${f.rule}@${f.start}-${f.end}`).sort();

// A drop of a file of `size` bytes made in the page (a big one need not
// cross from node): `text` repeated, then spaces.
async function dropMade(page, name, size, text) {
  const dt = await page.evaluateHandle(({ name, size, text }) => {
    const one = new TextEncoder().encode(text);
    const bytes = new Uint8Array(size).fill(0x20);
    for (let at = 0; at + one.length <= size; at += one.length) bytes.set(one, at);
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], name, { type: 'text/plain' }));
    return transfer;
  }, { name, size, text });
  for (const event of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent('#input', event, { dataTransfer: dt });
}

async function testTooLarge(page) {
  const seed = fixture('seeds', '001_');
  await fillAndWait(page, seed.text);
  await dropMade(page, '大文件.txt', LIMIT + 1, seed.text);
  await page.waitForSelector('#results #notice:not([hidden])');
  const text = await notice(page);
  assert.match(text, new RegExp(`无法读取文件 大文件\\.txt：文件有 ${LIMIT + 1} 字节，超过 ${LIMIT} 字节（8 MB）的上限`), text);
  assert.match(text, /命令行也是这个上限/);
  assert.equal(await page.inputValue('#input'), seed.text, 'the text in the box stays');
  // At the limit the file is read.
  const before = await checks(page);
  await dropMade(page, '刚好.txt', LIMIT, seed.text);
  await waitChecked(page, before, 60000);
  assert.ok(!(await findings(page)).some((f) => f.rule === 'input-too-large'), 'and checked');
  assert.equal(await notice(page), false, 'a file at the limit is read');
  console.log(`limits: a file of ${LIMIT + 1} bytes is refused by its size in the results panel, one of ${LIMIT} is read`);
}

async function testStrayByte(page, tmp) {
  const seed = fixture('seeds', '001_');
  const utf8 = Buffer.from(seed.text, 'utf8');
  const at = utf8.indexOf(0x0a) + 1;
  const bytes = Buffer.concat([utf8.subarray(0, at), Buffer.from([0xff]), utf8.subarray(at)]);
  const file = path.join(tmp, 'stray.txt');
  writeFileSync(file, bytes);
  await fillAndWait(page, '');
  const before = await checks(page);
  await dropFile(page, 'stray.txt', bytes);
  await waitChecked(page, before);
  const value = await page.inputValue('#input');
  const cut = seed.text.indexOf('\n') + 1;
  assert.equal(value, seed.text.slice(0, cut) + '\uFFFD' + seed.text.slice(cut), 'UTF-8 with the byte as U+FFFD, not GB18030 mojibake');
  const shown = await findings(page);
  assert.ok(shown.some((f) => f.rule === 'input-encoding' && f.start === cut && f.end === cut + 1), 'input-encoding on the U+FFFD');
  const cli = cliCheck(file);
  assert.deepEqual(spans(shown), spans(cli.findings.map((f) => ({ rule: f.id, start: f.location.start.utf16, end: f.location.end.utf16 }))),
    'the CLI\'s findings at the same places');
  console.log(`limits: a UTF-8 report with a stray byte reads as the CLI reads it (${shown.length} findings, input-encoding on the byte)`);
}

// A PDF of `pages` pages, one line each, printed by Chromium.
async function manyPagePdf(context, pages, file) {
  const page = await context.newPage();
  const body = Array.from({ length: pages }, (_, k) => `<p style="break-after: page">第 ${k + 1} 页</p>`).join('');
  await page.setContent(`<html><body>${body}</body></html>`);
  await page.pdf({ path: file, format: 'A4' });
  await page.close();
  return readFileSync(file);
}

async function testPdfCaps(context, page, tmp) {
  const pdfNotice = async (name) => {
    await page.waitForFunction((n) => document.getElementById('notice').textContent.includes(n), name, { timeout: 60000 });
    return notice(page);
  };
  const many = await manyPagePdf(context, 501, path.join(tmp, 'many.pdf'));
  await dropFile(page, '501页.pdf', many, 'application/pdf');
  assert.match(await pdfNotice('501页.pdf'), /PDF 超过 500 页（共 501 页），未读取/);

  const real = readFileSync(REAL_PDF);
  await page.evaluate(() => { NB.pdf.limits.items = 50; });
  await dropFile(page, '片段.pdf', real, 'application/pdf');
  assert.match(await pdfNotice('片段.pdf'), /PDF 的文字片段超过 50 个，未读取/);

  await page.evaluate(() => { NB.pdf.limits.items = 300000; NB.pdf.limits.seconds = 0.001; });
  await dropFile(page, '太慢.pdf', real, 'application/pdf');
  assert.match(await pdfNotice('太慢.pdf'), /PDF 读取超过 0\.001 秒，已停止/);

  // The caps as shipped read the real report.
  await page.evaluate(() => { NB.pdf.limits.seconds = 30; });
  const before = await checks(page);
  await dropFile(page, '年报.pdf', real, 'application/pdf');
  await waitChecked(page, before, 60000);
  assert.match(await page.inputValue('#input'), /政府信息公开/);
  console.log('limits: a 501-page PDF, too many text items and too long a read are each refused with their message; the real PDF reads');
}

run('limits', () => withBrowser((context) => withServer(async (server) => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'nianbao-limits-'));
  try {
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(server.url);
    await waitReady(page);
    await testTooLarge(page);
    await testStrayByte(page, tmp);
    await testPdfCaps(context, page, tmp);
    await assertClean(page, problems);
    await page.close();
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
})));
