// Reports beyond one pasted text, on the served page (strict CSP), in
// Debian's Chromium; every file is made by the test:
//  - two years: seed 001 with last year's report (seed 001 one year earlier,
//    its 结转下年度 row edited) in the 上年报告 box shows the CLI's findings of
//    `nianbao check --previous` (carryover-mismatch among them), and both
//    years' tables side by side with the carried-over cells linked (hover
//    and focus highlight the pair; the differing pairs are marked);
//  - many reports: 30 generated files dropped at once (plus one the page
//    cannot read and one it does not take) fill the summary table with each
//    file's body, year and counts as the CLI gives them, sortable by mouse and
//    keyboard (aria-sort), exported as CSV with BOM, a row opens its report
//    (what a supervisor does with a folder: batch.mjs);
//    the page keeps answering while the batch runs; a picked folder too;
//  - .docx: a real .docx written by the test (deflated, and one with stored
//    entries) dropped on the page reads as `nianbao check file.docx` reads it;
//  - .pdf: seed 001 printed to PDF by Chromium (Debian's chromium package,
//    the same engine as the test browser) dragged over the page loads pdf.js
//    lazily and shows the CLI's findings of the seed's text, with zero CSP
//    violations; prints the time from the drop to the result; the real
//    6-page report reads with no error finding; every PDF fixture (WPS,
//    Chromium, LibreOffice) gives the CLI's findings at the same places;
//    the one-file page says it has no PDF support.
// Run: node tests/browser/reports.mjs   (after scripts/build.sh)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { makeDocx } from '../lib/docx.mjs';
import {
  assertClean, checks, cliCheck, dropFile, fixture, lastYear, openReady, repo, run, singleFileUrl, waitChecked, waitReady, withBrowser, withServer,
} from './lib/browser.mjs';

const cli = path.resolve(repo, process.env.NIANBAO_BUILD_NATIVE || 'build-native', 'cli', 'nianbao');
const spans = (list) => list.map((f) => `${f.rule || f.id}@${f.start ?? f.location.start.utf16}-${f.end ?? f.location.end.utf16}`).sort();

function cliJson(args) {
  const r = spawnSync(cli, ['check', '--format', 'json', ...args], { maxBuffer: 1 << 28 });
  assert.ok(r.status === 0 || r.status === 1, `nianbao check ${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout.toString('utf8'));
}

async function pageFindings(page) {
  return page.$$eval('#findings [data-rule]', (els) => els.map((e) => ({ rule: e.dataset.rule, start: Number(e.dataset.start), end: Number(e.dataset.end) })));
}

async function testTwoYears(page, tmp) {
  const seed = fixture('seeds', '001_');
  const previous = lastYear(seed.text, [2, 0, 0, 0, 0, 0, 2]);
  assert.notEqual(previous, seed.text);
  const prevFile = path.join(tmp, 'previous.txt');
  writeFileSync(prevFile, previous);
  const expected = cliJson(['--previous', prevFile, seed.file]);
  assert.ok(expected.findings.some((f) => f.id === 'carryover-mismatch'), 'the CLI finds carryover-mismatch');

  await page.evaluate(() => { document.getElementById('previous-zone').open = true; });
  await page.fill('#previous', previous);
  const before = await checks(page);
  await page.fill('#input', seed.text);
  await waitChecked(page, before);
  await page.waitForFunction(() => document.querySelector('#findings [data-rule="carryover-mismatch"]'));
  assert.deepEqual(spans(await pageFindings(page)), spans(expected.findings), 'the findings of nianbao check --previous');

  assert.equal(await page.isVisible('#years'), true, 'both years are shown');
  const pairs = await page.$$eval('#years td[data-pair]', (tds) => tds.map((td) => ({
    pair: td.dataset.pair, bad: td.classList.contains('pair-bad'), value: td.querySelector('.value').textContent,
    year: td.closest('.year') === td.closest('.years').firstElementChild ? 'now' : 'before',
  })));
  assert.equal(pairs.filter((p) => p.year === 'now').length, 7, 'seven carried-in cells this year');
  assert.equal(pairs.filter((p) => p.year === 'before').length, 7, 'and seven carried-out cells last year');
  assert.deepEqual(pairs.filter((p) => p.bad).map((p) => `${p.year}:${p.pair}:${p.value}`).sort(),
    ['before:t3.carried_in|0:2', 'before:t3.carried_in|6:2', 'now:t3.carried_in|0:0', 'now:t3.carried_in|6:0'], 'the differing pairs are marked');

  await page.hover('#years .year:first-child td[data-pair="t3.carried_in|6"]');
  assert.deepEqual(await page.$$eval('#years td.pair-on', (tds) => tds.map((td) => td.dataset.pair)), ['t3.carried_in|6', 't3.carried_in|6'],
    'hovering a cell highlights it and its pair');
  await page.focus('#years .year:last-child td[data-pair="t3.carried_in|0"]');
  await page.mouse.move(0, 0);
  const on = await page.$$eval('#years td.pair-on', (tds) => tds.map((td) => `${td.closest('.year') === td.closest('.years').firstElementChild}:${td.dataset.pair}`));
  assert.deepEqual(on.sort(), ['false:t3.carried_in|0', 'true:t3.carried_in|0'], 'focusing last year\'s cell highlights this year\'s');

  await page.click('#clear-previous');
  await page.waitForFunction(() => !document.querySelector('#findings [data-rule="carryover-mismatch"]'));
  assert.equal(await page.isVisible('#years'), false, 'without last year the side-by-side view goes');
  console.log(`reports: two years: ${expected.findings.length} findings as nianbao check --previous (carryover-mismatch), tables side by side, carried-over cells linked`);
}

// 30 reports from the seeds: each seed under several names, some with a body name changed.
function manyReports(dir) {
  mkdirSync(dir, { recursive: true });
  const seeds = ['000_', '001_', '002_', '003_', '004_'].map((p) => fixture('seeds', p));
  const files = [];
  for (let i = 0; i < 30; i++) {
    const seed = seeds[i % seeds.length];
    const name = `report-${String(i + 1).padStart(2, '0')}.txt`;
    const text = i % 2 ? seed.text : seed.text.replace(/\n\s*\n/, '\n\n');
    writeFileSync(path.join(dir, name), text);
    files.push({ name, file: path.join(dir, name), text });
  }
  return files;
}

async function dropFiles(page, files, target = '#input') {
  const dt = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const f of list) transfer.items.add(new File([new Uint8Array(f.data)], f.name, { type: f.type || '' }));
    return transfer;
  }, files.map((f) => ({ name: f.name, data: [...f.bytes], type: f.type })));
  for (const event of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent(target, event, { dataTransfer: dt });
}

async function tableRows(page) {
  return page.$$eval('#batch-table tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
}

async function testMany(page, tmp) {
  const files = manyReports(path.join(tmp, 'many'));
  const expected = new Map(files.map((f) => {
    const r = cliJson([f.file]);
    return [f.name, [f.name, r.report.body.name, String(r.report.year ?? ''), String(r.summary.errors), String(r.summary.warnings),
      String(r.summary.infos), r.summary.verdict === 'fail' ? '未通过' : '通过']];
  }));
  const drop = files.map((f) => ({ name: f.name, bytes: Buffer.from(f.text, 'utf8') }));
  drop.push({ name: 'broken.docx', bytes: Buffer.from('not a zip at all') });
  drop.push({ name: 'photo.png', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47]) });

  // A probe on the page's own thread: the longest gap between two ticks while the batch runs.
  await page.evaluate(() => {
    window.__gap = 0;
    let last = performance.now();
    window.__probe = setInterval(() => {
      const now = performance.now();
      window.__gap = Math.max(window.__gap, now - last);
      last = now;
    }, 20);
  });
  const t0 = Date.now();
  await dropFiles(page, drop);
  await page.waitForSelector('body[data-batch="running"]');
  await page.waitForSelector('body[data-batch="done"]', { timeout: 60000 });
  const ms = Date.now() - t0;
  const gap = await page.evaluate(() => {
    clearInterval(window.__probe);
    return window.__gap;
  });
  assert.ok(gap < 1500, `the page kept answering (longest stall ${gap.toFixed(0)} ms)`);
  // Each seed is there six times (every other copy with a blank line changed): all duplicates.
  assert.match(await page.textContent('#batch-status'), /已检查 31 个文件：\d+ 个未通过，0 个不是年报，1 个无法识别；30 份有重复；跳过 1 个不支持的文件/);
  assert.equal(await page.$eval('#batch-progress', (p) => p.value), 31);

  const rows = await tableRows(page);
  assert.equal(rows.length, 31);
  for (const row of rows) {
    if (row[0] === 'broken.docx') assert.deepEqual(row.slice(1, 7), ['', '', '', '', '', '无法识别']);
    else {
      assert.deepEqual(row.slice(0, 7), expected.get(row[0]), `${row[0]} as the CLI`);
      assert.match(row[7], /^重复（内容相同）：report-\d\d\.txt、report-\d\d\.txt 等 5 份$/, `${row[0]}: its five copies`);
    }
  }
  assert.deepEqual(rows.map((r) => r[0]), [...rows.map((r) => r[0])].sort(), 'sorted by file name at first');

  // Sort by errors: click (worst first), then click again; by body with the keyboard.
  const sortState = () => page.$$eval('#batch-table th', (ths) => ths.map((th) => th.getAttribute('aria-sort')));
  await page.click('#batch-table button.sort[data-key="errors"]');
  let errors = (await tableRows(page)).map((r) => (r[3] === '' ? -1 : Number(r[3])));
  assert.deepEqual(errors, [...errors].sort((a, b) => b - a), 'descending by errors on the first click');
  assert.deepEqual(await sortState(), ['none', 'none', 'none', 'descending', 'none', 'none', 'none', 'none']);
  await page.click('#batch-table button.sort[data-key="errors"]');
  errors = (await tableRows(page)).map((r) => (r[3] === '' ? -1 : Number(r[3])));
  assert.deepEqual(errors, [...errors].sort((a, b) => a - b), 'ascending after a second click');
  assert.equal((await sortState())[3], 'ascending');
  await page.focus('#batch-table button.sort[data-key="body"]');
  await page.keyboard.press('Enter');
  assert.equal((await sortState())[1], 'ascending', 'Enter on a header sorts');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.key), 'body', 'the focus stays on the header');
  const bodies = (await tableRows(page)).map((r) => r[1]);
  assert.deepEqual(bodies, [...bodies].sort(new Intl.Collator('zh-CN', { numeric: true }).compare));

  // CSV of the table as sorted.
  const download = page.waitForEvent('download');
  await page.click('#batch-csv');
  const csv = readFileSync(await (await download).path(), 'utf8');
  assert.ok(csv.startsWith('\uFEFF文件,文件夹,机关,年度,错误,警告,提示,结论,备注\r\n'), 'CSV with BOM and a header');
  assert.equal(csv.trim().split('\r\n').length, 32);
  const [name, ...counts] = expected.get('report-09.txt');
  assert.ok(csv.includes(`\r\n${[name, '', ...counts].join(',')},重复（内容相同）：`), 'a row as the CLI gives it');

  // A row opens its report in the editor.
  const before = await checks(page);
  await page.click('#batch-table tbody tr:has(button.open:text-is("report-09.txt")) td:nth-child(2)');
  await waitChecked(page, before);
  assert.equal(await page.inputValue('#input'), files[8].text, "clicking the row opens report-09 in the editor");
  assert.equal(await page.evaluate(() => document.activeElement.id), 'input');
  console.log(`reports: 30 files dropped (+1 unreadable, +1 skipped): summary as the CLI in ${ms} ms, sorting by mouse and keyboard, CSV, a row opens; longest stall ${gap.toFixed(0)} ms`);

  // A picked folder (webkitdirectory): the same files, named by their path.
  await page.setInputFiles('#folder', path.join(tmp, 'many'));
  await page.waitForFunction(() => document.body.dataset.batch === 'done' && document.querySelectorAll('#batch-table tbody tr').length === 30);
  const names = (await tableRows(page)).map((r) => r[0]);
  assert.equal(names[0], 'many/report-01.txt', 'a folder\'s files carry their path');
  console.log('reports: a picked folder is checked the same way');
}

async function testDocx(page, tmp) {
  // A module without the zip reader's rounds (zipRead) says 'zip'; with them, this is no zip.
  const probe = await page.evaluate(() => NB.engine.request('zip', { bytes: new Uint8Array([0x50, 0x4b, 3, 4]) }).then(() => '', (e) => e.message));
  if (probe === 'zip') throw new Error('the built module has no zipRead (rebuild build-wasm)');
  const text = (seed) => fixture('seeds', seed).text;
  for (const [name, bytes] of [['stored.docx', makeDocx(text('002_'), { stored: true })], ['年报.docx', makeDocx(text('001_'))]]) {
    const file = path.join(tmp, name);
    writeFileSync(file, bytes);
    const expected = cliJson([file]);
    const before = await checks(page);
    await dropFile(page, name, bytes, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    await waitChecked(page, before);
    assert.deepEqual(spans(await pageFindings(page)), spans(expected.findings), `${name}: the findings of nianbao check ${name}`);
  }
  const value = await page.inputValue('#input');
  assert.match(value, /^信息内容\t本年制发件数\t本年度止件数\t现行有效件数$/m, 'table rows are tab-separated lines, one cell per w:tc');
  console.log('reports: .docx written by the test (deflated and stored) read as the CLI reads them');
}

// Seed text as a printed page: paragraphs, and its tab-separated lines as table rows.
function printable(text) {
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const out = ['<!doctype html><html><head><meta charset="utf-8"><style>',
    'body{font:10px "WenQuanYi Micro Hei",sans-serif} table{border-collapse:collapse;margin:4px 0}',
    'td{border:1px solid #000;padding:1px 8px;white-space:nowrap} p{margin:2px 0}</style></head><body>'];
  let rows = [];
  const flush = () => {
    if (rows.length) out.push(`<table>${rows.join('')}</table>`);
    rows = [];
  };
  for (const line of text.split('\n')) {
    if (line.includes('\t')) rows.push(`<tr>${line.split('\t').map((c) => `<td>${esc(c) || '&nbsp;'}</td>`).join('')}</tr>`);
    else {
      flush();
      if (line.trim()) out.push(`<p>${esc(line)}</p>`);
    }
  }
  flush();
  out.push('</body></html>');
  return out.join('\n');
}

async function makePdf(context, text, file) {
  const page = await context.newPage();
  await page.setContent(printable(text));
  await page.pdf({ path: file, format: 'A4', landscape: true, margin: { top: '10mm', bottom: '10mm', left: '10mm', right: '10mm' } });
  await page.close();
  return readFileSync(file);
}

async function testPdf(context, page, tmp) {
  const seed = fixture('seeds', '001_');
  const bytes = await makePdf(context, seed.text, path.join(tmp, 'seed-001.pdf'));
  const expected = cliCheck(seed.file);
  const requests = [];
  const onRequest = (r) => requests.push(new URL(r.url()).pathname);
  context.on('request', onRequest);
  // A PDF dragged over the page, not yet dropped: pdf.js starts loading.
  const dragged = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array([0x25, 0x50, 0x44, 0x46])], 'x.pdf', { type: 'application/pdf' }));
    return transfer;
  });
  await page.dispatchEvent('#input', 'dragenter', { dataTransfer: dragged });
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/pdfjs/pdf.min.mjs')), null, { timeout: 20000 });
  const before = await checks(page);
  const t0 = Date.now();
  await dropFile(page, '年报.pdf', bytes, 'application/pdf');
  await waitChecked(page, before, 30000);
  const ms = Date.now() - t0;
  context.off('request', onRequest);
  assert.ok(requests.includes('/pdfjs/pdf.min.mjs') && requests.includes('/pdfjs/pdf.worker.min.mjs'), `pdf.js loaded on the drop: ${requests}`);
  const value = await page.inputValue('#input');
  assert.match(value, /^信息内容\t本年制发件数\t本年度止件数\t现行有效件数$/m, 'table rows rebuilt as tab-separated lines');
  const shown = new Set((await pageFindings(page)).map((f) => f.rule));
  const wanted = new Set(expected.findings.map((f) => f.id));
  assert.deepEqual([...shown].sort(), [...wanted].sort(), 'the same rules fire as for the seed\'s text');

  console.log(`reports: seed 001 as a PDF (${bytes.length} bytes, printed by Chromium): pdf.js loaded when it was dragged in, the seed's ${wanted.size} rules; first PDF drop to result ${ms} ms`);

  // The real report (WPS, 6 pages, embedded CID fonts; a copy of ../shared/real's):
  // its tables read with every sum holding, as the extracted text 006 does.
  const real = path.join(repo, 'tests', 'fixtures', 'pdf', '006_huaian_city_2024.pdf');
  const b = await checks(page);
  await dropFile(page, 'huaian_city_2024.pdf', readFileSync(real), 'application/pdf');
  await waitChecked(page, b, 30000);
  const errors = await page.$$eval('#findings [data-severity="error"]', (els) => els.map((e) => e.dataset.rule));
  assert.deepEqual(errors, [], 'the real PDF reads with no error finding');
  assert.match(await page.inputValue('#input'), /^一、本年新收政府信息公开申请数量\t3001\t53\t0\t0\t61\t4\t3119$/m, 'table 三 rows as tab-separated cells');
  console.log(`reports: the real 6-page PDF (huaian_city_2024.pdf) reads with no error finding (${(await pageFindings(page)).length} findings in all)`);

  return ms;
}

// Every PDF the tests have (three real WPS reports, web pages printed by
// Chromium, Word documents exported by LibreOffice) dropped on the page gives
// the findings `nianbao check FILE.pdf` gives, at the same places: the page
// and the CLI read a PDF alike, also in when they read its drawn borders
// (pdf.js's operator lists, only when the tables read short without them).
async function testPdfFixtures(page) {
  const dirs = [['tests', 'fixtures', 'pdf'], ['tests', 'fixtures', 'pdf', 'web'], ['tests', 'fixtures', 'pdf', 'writer'], ['tests', 'layouts', 'printed']];
  const files = dirs.flatMap((d) => readdirSync(path.join(repo, ...d)).filter((f) => f.endsWith('.pdf')).map((f) => path.join(repo, ...d, f)));
  assert.ok(files.length >= 12, `the PDF fixtures are there (${files.length})`);
  // Which drops asked the worker to lay out with the drawn lines.
  await page.evaluate(() => {
    const request = NB.engine.request;
    window.__ruled = 0;
    NB.engine.request = (op, m) => {
      if (op === 'layout' && Array.isArray(m.rulings) && m.runs.length > 0) window.__ruled++;
      return request(op, m);
    };
  });
  let ruled = 0;
  for (const file of files) {
    const expected = cliJson([file]);
    // The same text twice is not checked again (006 was dropped just before): empty the box first.
    await page.fill('#input', '');
    await page.waitForFunction(() => document.getElementById('summary').dataset.verdict === 'empty');
    const before = await checks(page);
    await dropFile(page, path.basename(file), readFileSync(file), 'application/pdf');
    await waitChecked(page, before, 30000);
    const shown = await pageFindings(page);
    const name = path.relative(repo, file);
    assert.deepEqual(shown.map((f) => f.rule).sort(), expected.findings.map((f) => f.id).sort(), `${name}: the findings of nianbao check`);
    // pdf.js keeps only the first characters of hongze's standing header
    // (三、本年 of 三、本年度办理结果), the CLI all (tests/pdf/pdf_real_test.cpp):
    // the places after it are that many characters apart.
    if (!/hongze_district_202[34]\.pdf$/.test(name) || /web|writer/.test(name)) assert.deepEqual(spans(shown), spans(expected.findings), `${name}: at the same places`);
    const now = await page.evaluate(() => window.__ruled);
    if (now > ruled) ruled = now;
  }
  assert.ok(ruled > 0 && ruled < files.length, `the drawn borders are read for some PDFs, not all (${ruled} of ${files.length})`);
  console.log(`reports: ${files.length} PDFs of three producers read on the page with the CLI's findings; the drawn borders read for ${ruled}`);
}

// The file dialog open, no file chosen yet: pdf.js is already loading, so a
// PDF picked there reads sooner; cancelling the dialog loads nothing else.
async function testPdfLoadsWhileDialogOpen(context, url) {
  const { page, problems } = await openReady(context, url);
  const before = await checks(page);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#open')]);
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/pdfjs/pdf.min.mjs')), null, { timeout: 20000 });
  await chooser.setFiles([]);
  assert.equal(await checks(page), before, 'nothing checked while the dialog was open');
  await assertClean(page, problems);
  await page.close();
  console.log('reports: pdf.js starts loading when the file dialog opens');
}

run('reports', () => withBrowser(async (context) => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'nianbao-reports-'));
  try {
    await withServer(async (s) => {
      await testPdfLoadsWhileDialogOpen(context, s.url);
      const { page, problems } = await openReady(context, s.url);
      await testPdf(context, page, tmp);
      await testPdfFixtures(page);
      await testTwoYears(page, tmp);
      await testMany(page, tmp);
      await testDocx(page, tmp);
      await assertClean(page, problems);
      await page.close();
    });
    // The one-file page has no PDF support, and says so.
    const page = await context.newPage();
    await page.goto(singleFileUrl);
    await waitReady(page);
    await dropFile(page, 'a.pdf', Buffer.from('%PDF-1.4\n'), 'application/pdf');
    await page.waitForFunction(() => /不支持 PDF/.test(document.getElementById('status').textContent));
    await page.close();
    console.log('reports: the one-file page says it cannot read PDF');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}));
