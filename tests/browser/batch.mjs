// The batch view as a county supervisor uses it (issue 19 item 5), on the
// served page (strict CSP) in Debian's Chromium. A folder made of the reports
// in tests/fixtures is picked with 打开文件夹…: three copies of one township's
// report (one with CRLF, one with a space added), that township's report of
// the year before, a second text of another township's year, three more
// townships, two years of a real district whose name is spelt two ways, a city
// report with 32 errors, a README, a damaged .docx and a picture. Then:
//  - its own status: the README says 不是年报 and the .docx 无法识别 (with
//    why), neither 未通过 nor counts; every report's counts are the CLI's;
//  - duplicates are said (the same text; the same body and year), and each
//    body's two years are paired: the later year's counts are those of
//    `nianbao check --previous` (carryover-mismatch among them);
//  - worst first: the first click on 错误 (and on 结论) puts the worst first;
//  - filters: 只看未通过, a rule (by its Chinese name, with how many reports),
//    只看重复;
//  - a row opened shows its report (and its last year) in the editor, the
//    row is marked, 返回列表 comes back to it with the focus on it;
//  - the two CSVs: counts with 提示, and one line per finding as the CLI
//    gives them, the file named without its folder;
//  - every sign-off sheet printed at once, to PDF: one sheet per report, each
//    from a new page, the report's name and the page number on every page;
//  - a reload keeps it all, in this tab only; 清除批量结果 forgets it;
//  - nothing is sent while the batch runs (no request but GETs of the page's
//    own files); a full storage keeps the results without the texts; English.
// Run: node tests/browser/batch.mjs   (after scripts/build.sh)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { assertClean, checks, fixture, lastYear, repo, run, screenshotPath, toggleLang, waitChecked, waitReady, watch, withBrowser, withServer } from './lib/browser.mjs';

const cli = path.resolve(repo, process.env.NIANBAO_BUILD_NATIVE || 'build-native', 'cli', 'nianbao');
const SEVERITY = { error: '错误', warning: '警告', info: '提示' };

function cliJson(args) {
  const r = spawnSync(cli, ['check', '--format', 'json', ...args], { maxBuffer: 1 << 28 });
  assert.ok(r.status === 0 || r.status === 1, `nianbao check ${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout.toString('utf8'));
}

function ruleNames() {
  const r = spawnSync(cli, ['rules', '--format', 'json']);
  assert.equal(r.status, 0, 'nianbao rules');
  return new Map(JSON.parse(r.stdout.toString('utf8')).map((x) => [x.id, x.title.zh]));
}

// Real 006 with every 0 in its table rows made a 1: 32 sums that do not hold,
// a sign-off sheet of more than one page.
function manyErrors(text) {
  return text.split('\n').map((l) => (/\d\s+\d/.test(l) ? l.replace(/(?<=\s)0(?=\s|$)/g, '1') : l)).join('\n');
}

// The supervisor's folder: {relative path: text or bytes}; `paired`: later -> earlier year.
function folder(dir) {
  const seed = (p) => fixture('seeds', p).text;
  const real = (p) => fixture('real', p).text;
  const township = seed('001_');
  const other = seed('003_');
  const files = {
    '乡镇/巡镇镇2024.txt': township,
    '乡镇/巡镇镇2024-副本.txt': township.replace(/\n/g, '\r\n'),
    '乡镇/巡镇镇2024-副本(2).txt': township.replace('。', '。 '),
    '乡镇/巡镇镇2023.txt': lastYear(township, [2, 0, 0, 0, 0, 0, 2]),
    '乡镇/巴拉素镇2024.txt': seed('000_'),
    '乡镇/平原镇2024.txt': seed('002_'),
    '乡镇/白杨镇2024.txt': other,
    '乡镇/白杨镇2024-修改稿.txt': other.replace(/(\n[^\n]*?。)/, '$1另附说明一份。'),
    '乡镇/陶乐镇2024.txt': seed('004_'),
    '区/洪泽区2023.txt': real('007_'),
    '区/洪泽区2024.txt': real('008_'),
    '区/淮安市2024.txt': manyErrors(real('006_')),
    'README.md': '# 说明\n\n本文件夹为各乡镇报送的年报材料，请逐份检查后于 1 月 31 日前报送县政务公开办。\n联系人：张三\n',
    '区/损坏的报告.docx': Buffer.from('not a zip at all'),
    '照片.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  };
  assert.notEqual(files['乡镇/白杨镇2024-修改稿.txt'], other, 'the second text differs');
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), data);
  }
  const paired = {
    '乡镇/巡镇镇2024.txt': '乡镇/巡镇镇2023.txt', '乡镇/巡镇镇2024-副本.txt': '乡镇/巡镇镇2023.txt',
    '乡镇/巡镇镇2024-副本(2).txt': '乡镇/巡镇镇2023.txt', '区/洪泽区2024.txt': '区/洪泽区2023.txt',
  };
  return { files, paired };
}

async function tableRows(page) {
  return page.$$eval('#batch-table tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
}

async function select(page, id, value) {
  await page.selectOption(id, value);
  await page.waitForFunction(([i, v]) => document.getElementById(i.slice(1)).value === v, [id, value]);
}

async function download(page, button) {
  const event = page.waitForEvent('download');
  await page.click(button);
  const d = await event;
  return { name: d.suggestedFilename(), text: readFileSync(await d.path(), 'utf8') };
}

// RFC 4180 fields (quotes doubled), CRLF records.
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

const strip = (s) => s.replace(/\s+/g, '');

async function testSupervisor(context, url, tmp) {
  const dir = path.join(tmp, 'reports');
  const { files, paired } = folder(dir);
  const top = 'reports/';
  const reports = Object.keys(files).filter((n) => n.endsWith('.txt'));
  const expected = new Map(reports.map((n) => [n, cliJson(paired[n] ? ['--previous', path.join(dir, paired[n]), path.join(dir, n)] : [path.join(dir, n)])]));
  const alone = cliJson([path.join(dir, '乡镇/巡镇镇2024.txt')]);
  assert.ok(expected.get('乡镇/巡镇镇2024.txt').findings.some((f) => f.id === 'carryover-mismatch'), 'the CLI finds carryover-mismatch with last year');
  assert.ok(!alone.findings.some((f) => f.id === 'carryover-mismatch'), 'and not without it');
  const readme = cliJson([path.join(dir, 'README.md')]);
  assert.deepEqual(readme.findings.map((f) => f.id), ['input-not-report'], 'the CLI: the README is no report');
  const names = ruleNames();

  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(url);
  await waitReady(page);

  // The folder, picked; nothing requested while it is checked.
  const requests = [];
  // The page may fetch its own files (GET, same origin); nothing else may leave it.
  const onRequest = (r) => {
    if (r.method() !== 'GET' || new URL(r.url()).origin !== new URL(url).origin) requests.push(`${r.method()} ${r.url()}`);
  };
  context.on('request', onRequest);
  const t0 = Date.now();
  await page.setInputFiles('#folder', dir);
  await page.waitForSelector('body[data-batch="done"]', { timeout: 90000 });
  const ms = Date.now() - t0;
  context.off('request', onRequest);
  assert.deepEqual(requests, [], 'nothing sent while the batch runs');

  const byFile = async () => new Map((await tableRows(page)).map((r) => [r[0], r]));
  let rows = await byFile();
  assert.equal(rows.size, 14, 'every file the page reads; the picture is skipped');
  const fails = reports.filter((n) => expected.get(n).summary.verdict === 'fail').length;
  assert.equal(await page.textContent('#batch-status'),
    `已检查 14 个文件：${fails} 个未通过，1 个不是年报，1 个无法识别；5 份有重复；4 份已与同一机关的上年报告对照检查；跳过 1 个不支持的文件`);

  // Its own status for what is no report or cannot be read: no counts, why in 备注.
  assert.deepEqual(rows.get(top + 'README.md').slice(1), ['', '', '', '', '', '不是年报', readme.findings[0].message.zh]);
  assert.deepEqual(rows.get(top + '区/损坏的报告.docx').slice(1), ['', '', '', '', '', '无法识别', '文件已损坏或不完整（不是 zip 压缩包）']);
  for (const n of reports) {
    const r = expected.get(n);
    assert.deepEqual(rows.get(top + n).slice(1, 7), [r.report.body.name, String(r.report.year), String(r.summary.errors),
      String(r.summary.warnings), String(r.summary.infos), r.summary.verdict === 'fail' ? '未通过' : '通过'],
    `${n} as nianbao check${paired[n] ? ' --previous ' + paired[n] : ''}`);
  }
  const kept = await page.evaluate(() => Object.keys(sessionStorage).reduce((n, k) => n + k.length + sessionStorage.getItem(k).length, 0));
  const texts = Object.values(files).filter((t) => typeof t === 'string').reduce((n, t) => n + t.length, 0);
  console.log(`batch: 14 files from a picked folder as the CLI counts them (4 with last year's report) in ${ms} ms, README 不是年报, a damaged .docx 无法识别; nothing sent; kept in the tab: ${kept} characters (the texts: ${texts})`);

  // Duplicates and the pairs, in 备注.
  const note = (n) => rows.get(top + n)[7];
  const copies = ['乡镇/巡镇镇2024.txt', '乡镇/巡镇镇2024-副本.txt', '乡镇/巡镇镇2024-副本(2).txt'];
  for (const n of copies) {
    assert.match(note(n), /^重复（内容相同）：.+；已对照上年报告：reports\/乡镇\/巡镇镇2023\.txt$/, n);
    for (const o of copies.filter((c) => c !== n)) assert.ok(note(n).includes(top + o), `${n} names its copy ${o}`);
  }
  assert.match(note('乡镇/巡镇镇2023.txt'), /^是其上年报告：reports\/乡镇\/巡镇镇2024\S*\.txt、reports\/乡镇\/巡镇镇2024\S*\.txt 等 3 份$/);
  assert.equal(note('乡镇/白杨镇2024.txt'), `重复（同为本机关 2024 年度报告）：${top}乡镇/白杨镇2024-修改稿.txt`);
  assert.equal(note('乡镇/白杨镇2024-修改稿.txt'), `重复（同为本机关 2024 年度报告）：${top}乡镇/白杨镇2024.txt`);
  assert.equal(note('区/洪泽区2024.txt'), `已对照上年报告：${top}区/洪泽区2023.txt`, '淮安市洪泽区人民政府 and 洪泽区人民政府 are one body');
  assert.equal(note('区/洪泽区2023.txt'), `是其上年报告：${top}区/洪泽区2024.txt`);
  for (const n of ['乡镇/巴拉素镇2024.txt', '乡镇/平原镇2024.txt', '乡镇/陶乐镇2024.txt', '区/淮安市2024.txt']) assert.equal(note(n), '', n);
  console.log('batch: three copies and two texts of one year flagged; two bodies\' years paired (one body spelt two ways)');

  // Worst first on the first click.
  const sortState = () => page.$$eval('#batch-table th', (ths) => ths.map((th) => th.getAttribute('aria-sort')));
  await page.click('#batch-table button.sort[data-key="errors"]');
  let list = await tableRows(page);
  const errors = list.map((r) => (r[3] === '' ? -1 : Number(r[3])));
  assert.deepEqual(errors, [...errors].sort((a, b) => b - a), 'the most errors first');
  assert.equal(list[0][0], top + '区/淮安市2024.txt');
  assert.deepEqual(list.slice(-2).map((r) => r[3]), ['', ''], 'no report and unreadable at the end');
  assert.equal((await sortState())[3], 'descending');
  await page.click('#batch-table button.sort[data-key="verdict"]');
  list = await tableRows(page);
  const order = ['未通过', '无法识别', '不是年报', '通过'];
  const ranks = list.map((r) => order.indexOf(r[6]));
  assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), `结论: 未通过, 无法识别, 不是年报, 通过: ${list.map((r) => r[6])}`);
  assert.equal((await sortState())[6], 'descending');

  // Filters.
  await select(page, '#batch-show', 'fail');
  list = await tableRows(page);
  assert.equal(list.length, fails);
  assert.ok(list.every((r) => r[6] === '未通过'), '只看未通过');
  assert.equal(await page.textContent('#batch-table caption'), `显示 ${fails} 份，共 14 份`);
  await select(page, '#batch-show', '');
  const option = await page.$eval('#batch-rule option[value="carryover-mismatch"]', (o) => o.textContent);
  assert.equal(option, `${names.get('carryover-mismatch')}（3 份）`, 'a rule by its Chinese name, with its number of reports');
  await select(page, '#batch-rule', 'carryover-mismatch');
  assert.deepEqual((await tableRows(page)).map((r) => r[0]).sort(), copies.map((n) => top + n).sort(), 'the reports with that rule');
  await select(page, '#batch-rule', '');
  await select(page, '#batch-show', 'dup');
  assert.deepEqual((await tableRows(page)).map((r) => r[0]).sort(),
    [...copies, '乡镇/白杨镇2024.txt', '乡镇/白杨镇2024-修改稿.txt'].map((n) => top + n).sort(), '只看重复');
  await select(page, '#batch-show', '');
  assert.equal((await tableRows(page)).length, 14);
  console.log(`batch: worst first on the first click (错误, 结论); filters 只看未通过 (${fails}), by rule, 只看重复`);

  // A row opened: its report and its last year in the editor, the row marked; back to it.
  const hongze = top + '区/洪泽区2024.txt';
  const position = (await tableRows(page)).findIndex((r) => r[0] === hongze) + 1;
  const before = await checks(page);
  await page.click(`#batch-table tbody tr:has(button.open:text-is("${hongze}")) td:nth-child(2)`);
  await waitChecked(page, before);
  assert.equal(await page.inputValue('#input'), files['区/洪泽区2024.txt']);
  assert.equal(await page.inputValue('#previous'), files['区/洪泽区2023.txt'], 'last year\'s report goes with it');
  const spans = (l) => l.map((f) => `${f.rule || f.id}@${f.start ?? f.location.start.utf16}`).sort();
  const shown = await page.$$eval('#findings [data-rule]', (els) => els.map((e) => ({ rule: e.dataset.rule, start: Number(e.dataset.start) })));
  assert.deepEqual(spans(shown), spans(expected.get('区/洪泽区2024.txt').findings), 'the editor shows the row\'s findings');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'input');
  assert.equal(await page.$eval('#batch-table tr[aria-current="true"] button.open', (b) => b.textContent), hongze, 'the row is marked');
  assert.equal(await page.isVisible('#batch-here'), true);
  assert.equal(await page.textContent('#batch-here-text'), `批量检查：${hongze}（列表第 ${position}/14 份）`);
  await page.screenshot({ path: screenshotPath('batch-opened.png') });
  await page.click('#batch-back');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), hongze, '返回列表: the focus on the row');
  assert.equal(await page.evaluate(() => {
    const r = document.querySelector('#batch-table tr[aria-current="true"]').getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  }), true, 'and the row in view');
  await page.screenshot({ path: screenshotPath('batch-back.png') });
  console.log('batch: a row opens its report with last year\'s, as the CLI; the row is marked; 返回列表 focuses it');

  // The CSVs: counts with 提示, and one line per finding; files named without the folder.
  await page.click('#batch-table button.sort[data-key="file"]');
  const summary = await download(page, '#batch-csv');
  const sum = parseCsv(summary.text);
  assert.equal(summary.text[0], '\uFEFF');
  assert.deepEqual(sum[0], ['\uFEFF文件', '文件夹', '机关', '年度', '错误', '警告', '提示', '结论', '备注']);
  const r8 = expected.get('区/洪泽区2024.txt');
  assert.deepEqual(sum.find((r) => r[0] === '洪泽区2024.txt'), ['洪泽区2024.txt', 'reports/区', r8.report.body.name, '2024',
    String(r8.summary.errors), String(r8.summary.warnings), String(r8.summary.infos), '未通过', `已对照上年报告：${top}区/洪泽区2023.txt`]);
  assert.equal(sum.length, 15);
  const detail = await download(page, '#batch-detail');
  assert.equal(detail.name, 'nianbao-batch-findings.csv');
  const lines = parseCsv(detail.text);
  assert.deepEqual(lines[0], ['\uFEFF文件', '文件夹', '机关', '年度', '结论', '级别', '规则', '规则编号', '行', '问题', '建议']);
  const of = (n) => lines.slice(1).filter((l) => `${l[1]}/${l[0]}` === top + n);
  let total = 0;
  for (const n of reports) {
    const r = expected.get(n);
    const want = r.findings.map((f) => [SEVERITY[f.severity], names.get(f.id), f.id, String(f.location.start.line), f.message.zh, f.fix ? f.fix.zh : '']);
    const got = of(n);
    assert.ok(got.every((l) => !l[0].includes('/')), 'the file without its folder');
    assert.deepEqual(got.map((l) => l.slice(5)).map(String).sort(), (want.length ? want : [['', '', '', '', '', '']]).map(String).sort(), `${n}: its findings as the CLI's`);
    total += Math.max(1, want.length);
  }
  assert.deepEqual(of('README.md').map((l) => l.slice(4, 8)), [['不是年报', '错误', names.get('input-not-report'), 'input-not-report']]);
  assert.deepEqual(of('区/损坏的报告.docx').map((l) => [l[4], l[9]]), [['无法识别', '文件已损坏或不完整（不是 zip 压缩包）']]);
  assert.equal(lines.length, 1 + total + 2, 'one line per finding, one for a file without any');
  console.log(`batch: summary CSV with 提示 and 文件夹; detailed CSV, ${lines.length - 1} lines, each report's findings as the CLI's`);

  // Every sign-off sheet at once: one per report, each from a new page, its name and the page number on every page.
  await page.evaluate(() => {
    window.print = () => { window.__printed = (window.__printed || 0) + 1; };
  });
  await page.click('#batch-print');
  assert.equal(await page.evaluate(() => window.__printed), 1, 'the browser\'s print is asked for');
  const sheets = await page.$$eval('#batch-sheets .sheet', (els) => els.map((s) => (s.querySelector('tr.running th') || s.querySelector('dd')).textContent));
  assert.deepEqual(sheets.map((s) => s.split(' · ')[0]), (await tableRows(page)).map((r) => r[0]), 'one sheet per report, in the table\'s order');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('#batch-sheets'), true);
  assert.equal(await page.isVisible('#print-sheet'), false, 'the one report\'s sheet is not printed with them');
  assert.equal(await page.isVisible('main'), false);
  const pdf = screenshotPath('batch-sign-off.pdf');
  await page.pdf({ path: pdf, format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  const info = spawnSync('pdfinfo', [pdf]).stdout.toString();
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)[1]);
  const at = [];
  for (let p = 1; p <= pages; p++) {
    const text = strip(spawnSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-']).stdout.toString('utf8'));
    const on = sheets.map((s, i) => (text.includes(strip(s)) ? i : -1)).filter((i) => i >= 0);
    assert.equal(on.length, 1, `page ${p} names one report: ${on.map((i) => sheets[i])}`);
    assert.ok(text.includes(`${p}/${pages}`), `page ${p} has its number (${p} / ${pages})`);
    at.push(on[0]);
  }
  assert.deepEqual([...new Set(at)], sheets.map((_, i) => i), 'every report, in order, each from a new page');
  const long = sheets.findIndex((s) => s.startsWith(top + '区/淮安市2024.txt'));
  assert.ok(at.filter((i) => i === long).length >= 2, 'the 32 errors run to a second page, named there too');
  console.log(`batch: sign-off print of ${sheets.length} reports: ${pages} pages, each with its report's name and number (淮安市: ${at.filter((i) => i === long).length} pages)`);

  // A reload keeps the results, the order, the filter and the marked row, in this tab only.
  await page.click('#batch-table button.sort[data-key="errors"]');
  await select(page, '#batch-show', 'fail');
  const shownBefore = await tableRows(page);
  await page.reload();
  await waitReady(page);
  await page.waitForSelector('body[data-batch="done"]');
  assert.deepEqual(await tableRows(page), shownBefore, 'the same rows after a reload');
  assert.equal(await page.inputValue('#batch-show'), 'fail');
  assert.equal((await sortState())[3], 'descending');
  assert.equal(await page.$eval('#batch-table tr[aria-current="true"] button.open', (b) => b.textContent), hongze);
  assert.match(await page.textContent('#batch-status'), /^已恢复本标签页中的批量检查结果。已检查 14 个文件/);
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('batch'))), [], 'nothing in localStorage');
  const b2 = await checks(page);
  await page.click(`#batch-table tbody tr:has(button.open:text-is("${top}乡镇/巡镇镇2024.txt")) td:nth-child(3)`);
  await waitChecked(page, b2);
  assert.equal(await page.inputValue('#input'), files['乡镇/巡镇镇2024.txt'], 'a row opens after the reload');
  assert.equal(await page.inputValue('#previous'), files['乡镇/巡镇镇2023.txt']);
  await page.waitForSelector('#findings [data-rule="carryover-mismatch"]');
  const tab = await context.newPage();
  await tab.goto(url);
  await waitReady(tab);
  assert.equal(await tab.isHidden('#batch'), true, 'another tab has no batch');
  await tab.close();
  console.log('batch: a reload keeps rows, order, filter and the marked row (sessionStorage); another tab has none');

  // English.
  await toggleLang(page);
  await select(page, '#batch-show', '');
  rows = await byFile();
  assert.deepEqual(await page.$$eval('#batch-table th', (ths) => ths.map((th) => th.textContent)),
    ['File', 'Body', 'Year', 'Errors', 'Warnings', 'Notes', 'Verdict', 'Remarks']);
  assert.equal(rows.get(top + 'README.md')[6], 'Not a report');
  assert.equal(rows.get(top + '区/损坏的报告.docx')[6], 'Unreadable');
  assert.equal(note('区/洪泽区2024.txt'), `Checked against last year's report: ${top}区/洪泽区2023.txt`);
  assert.equal(await page.textContent('#batch-table caption'), 'Summary of 14 reports');
  await toggleLang(page);

  // 清除批量结果: gone, and gone after a reload.
  await page.click('#batch-clear');
  assert.equal(await page.isHidden('#batch'), true);
  await page.reload();
  await waitReady(page);
  assert.equal(await page.isHidden('#batch'), true, 'cleared for good');

  // A tab whose storage cannot take the texts keeps the results without them,
  // says so, and a row opened after a reload asks for its file again.
  await page.evaluate(() => {
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (String(v).length > 60000) throw new DOMException('full', 'QuotaExceededError');
      return set.call(this, k, v);
    };
  });
  await page.setInputFiles('#folder', dir);
  await page.waitForSelector('body[data-batch="done"]', { timeout: 90000 });
  assert.match(await page.textContent('#batch-status'), /；本标签页存储已满，刷新后只保留结果，不保留全文$/);
  const full = await tableRows(page);
  await page.reload();
  await waitReady(page);
  await page.waitForSelector('body[data-batch="done"]');
  assert.deepEqual(await tableRows(page), full, 'the results without the texts');
  await page.click(`#batch-table tbody tr:has(button.open:text-is("${hongze}")) td:nth-child(2)`);
  assert.equal(await page.textContent('#status'), `本标签页没有保存 ${hongze} 的全文（存储已满）：请重新打开该文件`);
  await assertClean(page, problems);
  await page.close();
  console.log('batch: English; 清除批量结果 forgets the batch; a full storage keeps the results without the texts, and says so');
}

run('batch', () => withBrowser(async (context) => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'nianbao-batch-'));
  try {
    await withServer((server) => testSupervisor(context, server.url, tmp));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}));
