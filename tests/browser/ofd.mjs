// OFD on the page (issue I item 3), served (strict CSP) in Debian's Chromium,
// each file against `nianbao check --format json FILE` of the native CLI:
//  - a seed report made into an OFD by tests/lib/ofd.mjs, dropped: the
//    CLI's findings, at the same places; the readers' module is fetched on
//    that first file (not before), and the worker inflated only what the
//    core asked for; the real report 006 as a five-page OFD
//    (tests/fixtures/ofd/report-huaian_city_2024.ofd) likewise;
//  - the eleven OFD files of real producers (tests/fixtures/ofd), opened
//    with 打开文件…: the CLI's findings (input-not-report for ten,
//    input-encoding for layout-ano.ofd, whose text is in a font's
//    private-use code points);
//  - a damaged OFD (a page it names is not in it) says which part is missing;
//  - the batch view: OFDs dropped among a .txt and a .docx, and a picked
//    folder with OFDs in it: each row as the CLI counts it (the report with
//    its counts, layout-ano 无法识别, an invoice 不是年报);
//  - the one-file page (file://) reads an OFD as the served page does.
// Run: node tests/browser/ofd.mjs   (after scripts/build.sh)
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { makeDocx } from '../lib/docx.mjs';
import { makeOfd } from '../lib/ofd.mjs';
import {
  assertClean, checks, cliCheck, dropFile, findings, fixture, openReady, repo, run, singleFileUrl, waitChecked, withBrowser, withServer,
} from './lib/browser.mjs';

const OFD_DIR = path.join(repo, 'tests', 'fixtures', 'ofd');
const REAL = readdirSync(OFD_DIR).filter((n) => n.endsWith('.ofd') && !n.startsWith('report-')).sort();
const spans = (list) => list.map((f) => `${f.rule || f.id}@${f.start ?? f.location.start.utf16}-${f.end ?? f.location.end.utf16}`).sort();

// Drops (or opens) a file and waits for its check; the time from the drop to the result.
async function readOnPage(page, how, name, bytes, file) {
  const before = await checks(page);
  const t0 = Date.now();
  if (how === 'drop') await dropFile(page, name, bytes, 'application/ofd');
  else await page.setInputFiles('#file', file);
  await waitChecked(page, before, 30000);
  return Date.now() - t0;
}

async function testSeed(context, page, tmp) {
  const seed = fixture('seeds', '004_');
  const bytes = makeOfd(seed.text);
  const file = path.join(tmp, '年报-004.ofd');
  writeFileSync(file, bytes);
  const expected = cliCheck(file);
  assert.ok(expected.findings.length > 0, 'the CLI has findings for the seed');
  const requests = [];
  const onRequest = (r) => requests.push(new URL(r.url()).pathname);
  context.on('request', onRequest);
  const ms = await readOnPage(page, 'drop', '年报-004.ofd', bytes);
  context.off('request', onRequest);
  assert.deepEqual(spans(await findings(page)), spans(expected.findings), 'the findings of nianbao check 年报-004.ofd');
  assert.ok(requests.includes('/nianbao-readers.wasm'), `the readers' module is loaded on the first file: ${requests}`);
  assert.match(await page.inputValue('#input'), /\t\d+\t\d+/, 'table rows as tab-separated cells');
  console.log(`ofd: seed 004 as an OFD (${bytes.length} bytes, ${expected.findings.length} findings) dropped: the CLI's findings; first OFD drop to result ${ms} ms`);

  const real = path.join(OFD_DIR, 'report-huaian_city_2024.ofd');
  const want = cliCheck(real);
  const ms2 = await readOnPage(page, 'open', null, null, real);
  assert.deepEqual(spans(await findings(page)), spans(want.findings), 'the findings of nianbao check report-huaian_city_2024.ofd');
  console.log(`ofd: real report 006 as a 5-page OFD (${readFileSync(real).length} bytes, ${want.findings.length} findings): the CLI's; opened to result ${ms2} ms`);
}

async function testReal(page) {
  const seen = {};
  for (const name of REAL) {
    const file = path.join(OFD_DIR, name);
    const expected = cliCheck(file);
    // Emptied first (and checked so), so that each file is checked even when two read alike.
    await page.fill('#input', '');
    await page.waitForFunction(() => document.getElementById('summary').dataset.verdict === 'empty' && !document.body.dataset.busy);
    await readOnPage(page, 'open', null, null, file);
    assert.deepEqual(spans(await findings(page)), spans(expected.findings), `${name}: the findings of nianbao check ${name}`);
    const ids = expected.findings.map((f) => f.id).join(',');
    seen[ids] = (seen[ids] || 0) + 1;
  }
  assert.deepEqual(seen, { 'input-not-report': 10, 'input-encoding': 1 }, 'input-not-report for ten, input-encoding for one');
  console.log(`ofd: the ${REAL.length} OFD files of real producers opened: the CLI's findings (${JSON.stringify(seen)})`);
}

async function testDamaged(page) {
  const { zip } = await import('../lib/docx.mjs');
  const bytes = zip({
    'OFD.xml': '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>',
    'Doc_0/Document.xml': '<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>',
  });
  await dropFile(page, '缺页.ofd', bytes, 'application/ofd');
  await page.waitForFunction(() => /缺页\.ofd/.test(document.getElementById('notice').textContent));
  assert.match(await page.textContent('#notice'), /文件已损坏：缺少其中的 Doc_0\/Pages\/Page_0\/Content\.xml/);
  console.log('ofd: a damaged OFD names the part it lacks');
}

const tableRows = (page) => page.$$eval('#batch-table tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));

function expectedRow(file, name) {
  const r = cliCheck(file);
  const ids = r.findings.map((f) => f.id);
  if (ids.includes('input-not-report')) return [name, '', '', '', '', '', '不是年报'];
  if (ids.length === 1 && ids[0] === 'input-encoding') return [name, '', '', '', '', '', '无法识别'];
  return [name, r.report.body.name, String(r.report.year ?? ''), String(r.summary.errors), String(r.summary.warnings),
    String(r.summary.infos), r.summary.verdict === 'fail' ? '未通过' : '通过'];
}

async function testBatch(page, tmp) {
  const dir = path.join(tmp, 'folder');
  mkdirSync(path.join(dir, 'ofd'), { recursive: true });
  const files = {
    '年报-001.ofd': makeOfd(fixture('seeds', '001_').text),
    '年报-002.txt': Buffer.from(fixture('seeds', '002_').text),
    '年报-003.docx': makeDocx(fixture('seeds', '003_').text),
    'ofd/report-huaian_city_2024.ofd': readFileSync(path.join(OFD_DIR, 'report-huaian_city_2024.ofd')),
    'ofd/layout-ano.ofd': readFileSync(path.join(OFD_DIR, 'layout-ano.ofd')),
    'ofd/converter-n.ofd': readFileSync(path.join(OFD_DIR, 'converter-n.ofd')),
  };
  for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(dir, name), bytes);
  // Dropped (the folder's files, flat).
  const dt = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const f of list) transfer.items.add(new File([new Uint8Array(f.data)], f.name));
    return transfer;
  }, Object.entries(files).map(([name, bytes]) => ({ name: path.basename(name), data: [...bytes] })));
  const t0 = Date.now();
  for (const event of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent('#input', event, { dataTransfer: dt });
  await page.waitForSelector('body[data-batch="done"]', { timeout: 60000 });
  const ms = Date.now() - t0;
  const byName = new Map(Object.keys(files).map((n) => [path.basename(n), expectedRow(path.join(dir, n), path.basename(n))]));
  const rows = await tableRows(page);
  assert.deepEqual(rows.map((r) => r[0]).sort(), [...byName.keys()].sort(), 'every file has its row');
  for (const row of rows) assert.deepEqual(row.slice(0, 7), byName.get(row[0]), `${row[0]} dropped among others: as the CLI`);
  const verdict = (name) => byName.get(name)[6];
  assert.deepEqual(['年报-001.ofd', 'layout-ano.ofd', 'converter-n.ofd'].map(verdict), ['未通过', '无法识别', '不是年报']);
  console.log(`ofd: 6 files dropped (4 OFDs, a .txt, a .docx): each row as the CLI (an OFD report 未通过 with its counts, layout-ano 无法识别, a 公文 不是年报), in ${ms} ms`);

  // A picked folder.
  await page.setInputFiles('#folder', dir);
  await page.waitForFunction(() => document.body.dataset.batch === 'done' && [...document.querySelectorAll('#batch-table tbody tr')]
    .some((tr) => tr.cells[0].textContent.startsWith('folder/')));
  const picked = new Map(Object.keys(files).map((n) => ['folder/' + n, expectedRow(path.join(dir, n), 'folder/' + n)]));
  const pickedRows = await tableRows(page);
  assert.deepEqual(pickedRows.map((r) => r[0]).sort(), [...picked.keys()].sort(), 'every file of the folder has its row');
  for (const row of pickedRows) assert.deepEqual(row.slice(0, 7), picked.get(row[0]), `${row[0]} in a picked folder: as the CLI`);
  console.log('ofd: a picked folder with OFDs in it: each row as the CLI');
}

async function testOneFile(context) {
  const { page, problems } = await openReady(context, singleFileUrl);
  const file = path.join(OFD_DIR, 'report-seed-001.ofd');
  const expected = cliCheck(file);
  await readOnPage(page, 'drop', '年报.ofd', readFileSync(file));
  assert.deepEqual(spans(await findings(page)), spans(expected.findings), 'the one-file page: the findings of nianbao check report-seed-001.ofd');
  await assertClean(page, problems);
  await page.close();
  console.log('ofd: the one-file page (file://) reads an OFD as the CLI does');
}

run('ofd', () => withBrowser(async (context) => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'nianbao-ofd-'));
  try {
    await withServer(async (s) => {
      const { page, problems } = await openReady(context, s.url);
      await testSeed(context, page, tmp);
      await testReal(page);
      await testDamaged(page);
      await testBatch(page, tmp);
      await assertClean(page, problems);
      await page.close();
    });
    await testOneFile(context);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}));
