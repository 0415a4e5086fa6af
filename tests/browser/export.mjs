// Exports of the served page, in Debian's Chromium, for seed 001:
//  - JSON: the CLI's result without the read model (same findings);
//  - CSV: UTF-8 with BOM and CRLF, tables 二/三/四 as read, then the cells to
//    correct with their expected values; a field that a spreadsheet would
//    run as a formula is written as text;
//  - print: only the sign-off sheet is printed, with the verdict, one row per
//    finding (its rule by Chinese name, the id after it) and the signature lines,
//    printed to PDF with the report's name and the page number on every page;
//    the CSV's rule column names the rules too; in English, on a page as wide
//    as A4's text, the rule column stays narrow and wraps its names, and no
//    id or hyphenated word (--deadline) is cut at a line's end.
// Run: node tests/browser/export.mjs   (after scripts/build.sh)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

import { cliCheck, fillAndWait, fixture, run, screenshotPath, toggleLang, waitReady, withBrowser, withServer } from './lib/browser.mjs';

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
  // As printed: the report's name (the findings table's repeated header) and the page number on every page.
  const pdf = screenshotPath('sign-off-sheet.pdf');
  await page.pdf({ path: pdf, format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(spawnSync('pdfinfo', [pdf]).stdout.toString())[1]);
  for (let p = 1; p <= pages; p++) {
    const text = spawnSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-']).stdout.toString('utf8').replace(/\s+/g, '');
    assert.ok(text.includes(cli.report.title.replace(/\s+/g, '')), `printed page ${p} names the report`);
    assert.ok(text.includes(`${p}/${pages}`), `printed page ${p} has its number`);
  }

  // The English sheet at A4's text width: names wrap in a narrow rule column, words stay whole.
  await toggleLang(page);
  await page.setViewportSize({ width: 700, height: 1000 });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  const layout = await page.evaluate(() => {
    const table = document.querySelector('#print-sheet table');
    const cells = [...table.querySelectorAll('tbody td.rule')];
    const lines = (node) => {
      const range = document.createRange();
      range.selectNodeContents(node);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    };
    return {
      share: Math.max(...cells.map((c) => c.getBoundingClientRect().width)) / table.getBoundingClientRect().width,
      wrapped: cells.filter((c) => lines(c.firstChild) > 1).map((c) => c.firstChild.textContent),
      ids: cells.map((c) => [c.querySelector('code').textContent, lines(c.querySelector('code'))]),
      words: [...table.querySelectorAll('tbody td span')].map((s) => [s.textContent, lines(s)]),
    };
  });
  await page.emulateMedia({ media: 'screen' });
  assert.ok(layout.share < 0.3, `the rule column stays narrow (${layout.share.toFixed(2)} of the table)`);
  assert.ok(layout.wrapped.length > 0, 'long rule names wrap in it');
  assert.deepEqual(layout.ids.filter(([, n]) => n !== 1), [], 'no rule id is cut at its hyphens');
  assert.ok(layout.words.some(([w]) => w === '--deadline'), 'the publish-late fix names --deadline');
  assert.deepEqual(layout.words.filter(([, n]) => n !== 1), [], 'no hyphenated word is cut at a line\'s end');
  await page.close();
  console.log(`export: JSON as the CLI, CSV with BOM (${lines.length} lines), print sheet with ${cli.findings.length} findings (${pages} printed A4 ${pages === 1 ? 'page' : 'pages'}, each named and numbered)`);
}

run('export', () => withServer((server) => withBrowser((context) => testExports(context, server.url))));
