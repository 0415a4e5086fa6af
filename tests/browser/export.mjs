// Exports of the served page, in Debian's Chromium, for seed 001:
//  - JSON: the CLI's result without the read model (same findings);
//  - CSV: UTF-8 with BOM and CRLF, tables 二/三/四 as read, then the cells to
//    correct with their expected values; a field that a spreadsheet would
//    run as a formula is written as text;
//  - print: only the sign-off sheet is printed, with the verdict, one row per
//    finding (its rule by Chinese name, the id after it) and the signature lines;
//    the CSV's rule column names the rules too.
// Run: node tests/browser/export.mjs   (after scripts/build.sh)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { cliCheck, fillAndWait, fixture, run, screenshotPath, waitReady, withBrowser, withServer } from './lib/browser.mjs';

async function download(page, button) {
  const event = page.waitForEvent('download');
  await page.click(button);
  const d = await event;
  return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
}

async function testExports(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  await waitReady(page);
  assert.equal(await page.isDisabled('#export-json'), true, 'nothing to export before a check');
  const seed = fixture('seeds', '001_');
  const cli = cliCheck(seed.file);
  await fillAndWait(page, seed.text);

  const json = await download(page, '#export-json');
  assert.match(json.name, /^河曲县巡镇镇人民政府-2024\.json$/);
  const exported = JSON.parse(json.bytes.toString('utf8'));
  assert.deepEqual(exported.findings, cli.findings, 'the findings as the CLI prints them');
  assert.deepEqual(exported.summary, cli.summary);
  assert.deepEqual(exported.report, cli.report, 'the report as the CLI describes it, without the read model');

  const csv = await download(page, '#export-csv');
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM, for Excel and WPS');
  const text = csv.bytes.toString('utf8').slice(1);
  assert.ok(text.includes('\r\n') && !/[^\r]\n/.test(text), 'CRLF line ends');
  const lines = text.split('\r\n');
  for (const title of ['表二 主动公开政府信息情况', '表三 收到和处理政府信息公开申请情况', '表四 政府信息公开行政复议、行政诉讼情况']) {
    assert.ok(lines.includes(title), `${title} is there`);
  }
  assert.ok(lines.includes('（一）予以公开,2,0,0,0,0,0,0'), 'table 三 rows as read');
  // The rule column names the rules in Chinese, each id after its name.
  const names = await page.evaluate(() => Object.fromEntries(['apply-result-total', 'apply-row-total', 'cell-count']
    .map((id) => [id, NB.render.ruleName(id)])));
  for (const [id, name] of Object.entries(names)) assert.match(name, /^[\u4e00-\u9fff]/, `${id} has a Chinese name (${name})`);
  assert.ok(lines.includes(`3,（一）予以公开,自然人,2,0,${names['apply-result-total']} (apply-result-total); ${names['apply-row-total']} (apply-row-total)`),
    'the cell to correct, with its expected value and the rules by name');

  // Cells hold numbers and labels come from the format, but a field that a
  // spreadsheet would run as a formula is still written as text.
  assert.deepEqual(await page.evaluate(() => ['=HYPERLINK("x")', '+1+2', '@A1', '-5', '3.5', 'a,b'].map(NB.exporter.field)),
    ['"\'=HYPERLINK(""x"")"', "'+1+2", "'@A1", '-5', '3.5', '"a,b"']);

  // Print: only the sheet.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('#print-sheet'), true);
  assert.equal(await page.isVisible('main'), false, 'the working page is not printed');
  assert.equal(await page.$$eval('#print-sheet tbody tr', (rows) => rows.length), cli.findings.length, 'one row per finding');
  const sheet = await page.textContent('#print-sheet');
  for (const part of [`未通过：${cli.summary.errors} 个错误`, cli.report.title, '检查人：', '审核人：', '日期：']) {
    assert.ok(sheet.includes(part), `the sheet has ${part}`);
  }
  // The rule column: the name first, the id after it (small, not read aloud).
  const ruleCells = await page.$$eval('#print-sheet tbody td.rule', (tds) => tds.map((td) => ({
    text: td.textContent, id: td.querySelector('code').textContent, hidden: td.querySelector('code').getAttribute('aria-hidden'),
  })));
  assert.equal(ruleCells.length, cli.findings.length);
  for (const c of ruleCells) {
    assert.ok(c.text.startsWith(await page.evaluate((id) => NB.render.ruleName(id), c.id)) && /^[\u4e00-\u9fff]/.test(c.text) && c.text.endsWith(c.id),
      `the sheet names ${c.id} in Chinese, id after: ${c.text}`);
    assert.equal(c.hidden, 'true');
  }
  await page.pdf({ path: screenshotPath('sign-off-sheet.pdf') });
  await page.emulateMedia({ media: 'screen' });
  await page.close();
  console.log(`export: JSON as the CLI, CSV with BOM (${lines.length} lines), print sheet with ${cli.findings.length} findings`);
}

run('export', () => withServer((server) => withBrowser((context) => testExports(context, server.url))));
