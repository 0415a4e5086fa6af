// Ways text gets into the page (served, strict CSP), in Debian's Chromium:
//  - 示例报告 loads the sample with its designed defects;
//  - a paste whose clipboard carries text/html (a Word/WPS/web table) becomes
//    tab-separated lines, read exactly as `nianbao check page.html` reads the
//    same HTML saved as a file (same text, same findings at the same places);
//  - a dropped GB18030 .txt is decoded to the original text and checked;
//  - a dropped .html file and a picked .md file (UTF-8 with BOM) likewise;
//  - a 5 MB paste is checked in the worker, not in the page, and the textarea
//    shows a window of it, so the page does not freeze; a finding far in
//    the text is still selected exactly;
//  - a refused file, a damaged .docx and a text that is no report are said in
//    the results panel with what to do (not only in the status line);
//  - a module that aborts (as on running out of memory) takes only its
//    request: a fresh worker checks the next input and the text stays.
// Run: node tests/browser/input.mjs   (after scripts/build.sh)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import {
  assertClean, checks, cliCheck, dropFile, fillAndWait, findings, fixture, pasteHtml, run, waitChecked, waitReady, watch,
  withBrowser, withServer,
} from './lib/browser.mjs';

const spans = (list) => list.map((f) => `${f.rule}@${f.start}-${f.end}`).sort();
const cliSpans = (result) => spans(result.findings.map((f) => ({ rule: f.id, start: f.location.start.utf16, end: f.location.end.utf16 })));

// A report as a pasted web page or Word fragment: paragraphs, and its
// tab-separated lines as table rows, with the usual clutter around them.
function asHtml(text) {
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const out = ['<html><head><meta charset="utf-8"><style>td{border:1px solid}</style>',
    '<script>window.__fromClipboard=1</script></head><body><!--StartFragment-->'];
  let rows = [];
  const flush = () => {
    if (rows.length) out.push(`<table border="1"><tbody>${rows.join('')}</tbody></table>`);
    rows = [];
  };
  for (const line of text.split('\n')) {
    if (line.includes('\t')) rows.push(`<tr>${line.split('\t').map((c) => `<td><p class="MsoNormal">${esc(c)}<o:p></o:p></p></td>`).join('')}</tr>`);
    else {
      flush();
      if (line.trim()) out.push(`<p class="MsoNormal"><span lang="ZH-CN">${esc(line)}</span></p>`);
    }
  }
  flush();
  out.push('<!--EndFragment--></body></html>');
  return out.join('\n');
}

function gb18030(text) {
  const r = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: Buffer.from(text, 'utf8') });
  assert.equal(r.status, 0, `iconv: ${r.stderr}`);
  return r.stdout;
}

async function testSample(page) {
  const before = await checks(page);
  await page.click('#sample');
  await waitChecked(page, before);
  const rules = new Set((await findings(page)).map((f) => f.rule));
  for (const rule of ['narrative-applications', 'apply-identity', 'apply-row-total', 'review-total', 'pii-mobile', 'regulation-scope']) {
    assert.ok(rules.has(rule), `the sample shows ${rule}`);
  }
  console.log(`input: 示例报告 shows ${[...rules].join(', ')}`);
}

async function testPasteHtml(page, tmp) {
  const html = asHtml(fixture('seeds', '001_').text);
  const file = path.join(tmp, 'page.html');
  writeFileSync(file, html);
  await fillAndWait(page, '');
  const before = await checks(page);
  await pasteHtml(page, html, 'plain text that must not be used');
  await waitChecked(page, before);
  const value = await page.inputValue('#input');
  assert.match(value, /^第二十条第（一）项\t\t\t$/m, 'a row keeps its empty cells, as the copied text has them');
  assert.match(value, /^河曲县巡镇镇人民政府$/m, 'paragraphs are lines');
  assert.match(value, /^信息内容\t本年制发件数\t本年度止件数\t现行有效件数$/m, 'table rows are tab-separated lines');
  assert.doesNotMatch(value, /__fromClipboard|MsoNormal|StartFragment|td\{/, 'scripts, styles, comments and tags are dropped');
  assert.deepEqual(spans(await findings(page)), cliSpans(cliCheck(file)), 'the same findings as nianbao check page.html');
  assert.equal(await page.evaluate(() => window.__fromClipboard), undefined);
  console.log('input: pasted HTML tables become tab-separated lines, read as the CLI reads the saved page');
}

async function testDrops(page, tmp) {
  const seed = fixture('seeds', '001_');
  const expected = cliSpans(cliCheck(seed.file));

  let before = await checks(page);
  await dropFile(page, '年报.txt', gb18030(seed.text));
  await waitChecked(page, before);
  assert.equal(await page.inputValue('#input'), seed.text.replace(/^\uFEFF/, ''), 'the GB18030 file is decoded to the original text');
  assert.match(await page.textContent('#status'), /年报\.txt（GB18030）/);
  assert.deepEqual(spans(await findings(page)), expected, 'and checked');

  const html = asHtml(seed.text);
  const file = path.join(tmp, 'saved.html');
  writeFileSync(file, html);
  before = await checks(page);
  await dropFile(page, 'saved.html', Buffer.from(html, 'utf8'), 'text/html');
  await waitChecked(page, before);
  assert.deepEqual(spans(await findings(page)), cliSpans(cliCheck(file)), 'a dropped .html reads as the CLI reads it');

  await fillAndWait(page, '');
  before = await checks(page);
  await page.setInputFiles('#file', { name: 'report.md', mimeType: 'text/markdown', buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seed.text, 'utf8')]) });
  await waitChecked(page, before);
  assert.equal(await page.inputValue('#input'), seed.text, 'the BOM is dropped');
  assert.deepEqual(spans(await findings(page)), expected);

  before = await checks(page);
  await dropFile(page, 'picture.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png');
  assert.match(await page.textContent('#status'), /只支持/, 'other files are refused with a message');
  assert.equal(await page.inputValue('#input'), seed.text, 'and the text is kept');
  console.log('input: dropped GB18030 .txt, dropped .html, picked .md with BOM; other files refused');
}

// Failures where the eye is: the results panel says what went wrong and what
// to do, not only the status line below the box.
async function testFailuresInPanel(page) {
  const notice = async () => (await page.isVisible('#notice')) && (await page.textContent('#notice'));
  const seed = fixture('seeds', '001_');
  await fillAndWait(page, '');
  await fillAndWait(page, seed.text);
  assert.equal(await notice(), false, 'no notice while all is well');

  await dropFile(page, 'picture.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png');
  await page.waitForSelector('#results #notice:not([hidden])');
  let text = await notice();
  assert.match(text, /无法读取文件 picture\.png：只支持 .*\.txt.*文件/, `a refused file, in the results panel: ${text}`);
  assert.match(text, /另存为 \.docx 或 \.txt/, 'with what to do');
  assert.equal(await page.getAttribute('#notice', 'role'), 'alert', 'and announced');

  await dropFile(page, '年报.docx', Buffer.from('PK\x03\x04 not really a zip', 'latin1'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  await page.waitForFunction(() => /年报\.docx/.test(document.getElementById('notice').textContent));
  assert.match(await notice(), /无法读取文件 年报\.docx：文件已损坏/, 'an unreadable .docx, in the results panel');

  // Typing again clears the notice; a text that is no report says so in the verdict.
  await fillAndWait(page, '今天天气很好。\n我们去公园散步。');
  assert.equal(await notice(), false, 'typing clears the notice');
  assert.match(await page.textContent('#summary'), /这不像政府信息公开工作年度报告：请粘贴年报全文/, 'not a report: said in the verdict');
  assert.ok((await findings(page)).some((f) => f.rule === 'input-not-report'), 'with the finding and its fix below');
  await fillAndWait(page, seed.text);
  console.log('input: a refused file, a damaged .docx and a text that is no report are said in the results panel, with what to do');
}

// A freeze guard, not a speed figure: without the text buffer Chromium spent
// 9-30 s laying out the textarea on this kind of machine.
const MAX_STALL_MS = 3000;

async function testHugePaste(page) {
  const seed = fixture('seeds', '001_').text;
  const copies = Math.ceil(5e6 / Buffer.byteLength(seed, 'utf8'));
  await fillAndWait(page, '');
  const before = await checks(page);
  // A real paste event carrying 5 MB of UTF-8. Built in the page, so that the
  // 5 MB do not travel through the test's channel.
  const length = await page.evaluate(({ seed, copies }) => {
    const text = seed.repeat(copies);
    // The longest gap between timer ticks of the page from the paste to the result.
    window.__stall = 0;
    let last = performance.now();
    window.__ticker = setInterval(() => {
      const now = performance.now();
      window.__stall = Math.max(window.__stall, now - last);
      last = now;
    }, 10);
    const data = new DataTransfer();
    data.setData('text/plain', text);
    const input = document.getElementById('input');
    input.focus();
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    window.__huge = text;
    return text.length;
  }, { seed, copies });
  await waitChecked(page, before, 120000);
  const stall = await page.evaluate(() => { clearInterval(window.__ticker); return window.__stall; });
  assert.equal(await page.evaluate(() => typeof window.createNianbao), 'undefined', 'the module is not in the page: it checks in the worker');
  const shown = (await page.inputValue('#input')).length;
  assert.ok(shown < length / 10, `the textarea shows a window (${shown} of ${length} characters)`);
  assert.equal(await page.isVisible('#large-note'), true, 'and says so');
  const list = await findings(page);
  assert.ok(list.length > 0, 'findings are shown');
  assert.ok(await page.$$eval('ol.findings li', (els) => els.length <= 600), 'at most 200 per severity are listed');

  // A finding far beyond the window: selecting it moves the window there.
  const far = list.reduce((a, b) => (b.start > a.start ? b : a));
  assert.ok(far.start > shown, 'a finding outside the first window');
  await page.locator(`#findings li[data-index] button.finding`).nth(list.indexOf(far)).click();
  const picked = await page.evaluate(() => {
    const t = document.getElementById('input');
    return { text: t.value.slice(t.selectionStart, t.selectionEnd), whole: NB.textbuf.get() === window.__huge };
  });
  assert.equal(picked.text, await page.evaluate(({ s, e }) => window.__huge.slice(s, e), { s: far.start, e: far.end }));
  assert.ok(picked.whole, 'the whole text is kept');

  console.log(`input: a 5 MB paste (${(length / 1e6).toFixed(2)} M characters) checked in the worker `
    + `(${await page.textContent('#timing')}), the textarea shows ${shown}; longest main-thread stall ${stall.toFixed(0)} ms`);
  assert.ok(stall < MAX_STALL_MS, `the page froze for ${stall.toFixed(0)} ms`);
  await fillAndWait(page, '');
}

async function testModuleAbort(context, server) {
  const page = await context.newPage();
  await page.goto(server.url);
  await waitReady(page);
  const seed = fixture('seeds', '001_').text;
  await fillAndWait(page, seed);
  const first = (await findings(page)).map((f) => f.rule).sort();
  const [worker] = page.workers();
  // What the worker posts from the module's onAbort.
  await worker.evaluate(() => self.postMessage({ op: 'fatal', message: 'Aborted(OOM)' }));
  const edited = seed + '\n';
  await fillAndWait(page, edited);
  assert.deepEqual((await findings(page)).map((f) => f.rule).sort(), first, 'the next input is checked by a fresh module');
  assert.equal(await page.inputValue('#input'), edited, 'the text is kept');
  assert.notEqual(await page.evaluate(() => document.body.dataset.state), 'error');
  assert.equal(page.workers().length, 1, 'the aborted worker is gone, one fresh worker runs');
  console.log('input: a module abort takes only its request; a fresh worker checks the next input');
  await page.close();
}

run('input', () => withBrowser((context) => withServer(async (server) => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'nianbao-input-'));
  try {
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(server.url);
    await waitReady(page);
    await testSample(page);
    await testPasteHtml(page, tmp);
    await testDrops(page, tmp);
    await testFailuresInPanel(page);
    await testHugePaste(page);
    await assertClean(page, problems);
    await page.close();
    await testModuleAbort(context, server);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
})));
