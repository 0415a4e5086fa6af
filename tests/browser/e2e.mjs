// The served page in Debian's Chromium under the strict CSP header:
//  - it gets ready with zero CSP violations and no console error, and shows
//    the module's rule registry;
//  - seed 001 pasted shows the same findings (data-rule, data-severity, span)
//    as the native CLI, grouped by severity; clicking one selects exactly its
//    characters (also after an astral character, two UTF-16 units);
//  - the table view marks the wrong cell of table 三 with its expected value;
//  - pasted markup stays text;
//  - a blocked wasm compile, a missing .wasm or a missing worker file ends in
//    an error message, not an endless "loading".
// Saves tests/browser/artifacts/seed-001-findings.png.
// Run: node tests/browser/e2e.mjs   (after scripts/build.sh)
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import {
  assertClean, checks, cliCheck, dist, fillAndWait, findings, fixture, run, screenshotPath, selection, serve,
  waitChecked, waitReady, watch, withBrowser, withServer,
} from './lib/browser.mjs';

const SEVERITY_ORDER = ['error', 'warning', 'info'];
const byPlace = (a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule);

async function testSeed001(context, url) {
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(url);
  await waitReady(page);
  assert.match(await page.textContent('#version'), /\d+\.\d+/, 'the version is shown');
  const rules = JSON.parse(await page.evaluate(() => JSON.stringify([...document.querySelectorAll('#rule-list article')].map((a) => a.id))));
  assert.ok(rules.length >= 30 && rules.includes('rule-apply-row-total'), `the registry is shown (${rules.length} rules)`);

  const seed = fixture('seeds', '001_');
  const cli = cliCheck(seed.file);
  await fillAndWait(page, seed.text);
  const shown = await findings(page);
  const expected = cli.findings.map((f) => ({ rule: f.id, severity: f.severity, start: f.location.start.utf16, end: f.location.end.utf16 }));
  assert.deepEqual([...shown].sort(byPlace), [...expected].sort(byPlace), 'the same findings as the CLI');
  for (const rule of ['apply-row-total', 'apply-result-total', 'cell-count', 'row-label', 'fee-statement', 'publish-late']) {
    assert.ok(shown.some((f) => f.rule === rule), `seed 001 shows ${rule}`);
  }
  const order = shown.map((f) => SEVERITY_ORDER.indexOf(f.severity));
  assert.deepEqual(order, [...order].sort(), 'grouped: errors, then warnings, then notes');
  const n = cli.summary;
  assert.equal(await page.textContent('#summary'), `未通过：${n.errors} 个错误、${n.warnings} 个警告、${n.infos} 个提示`);

  // Clicking selects exactly the finding's characters.
  const label = shown.findIndex((f) => f.rule === 'row-label');
  await page.$eval('#input', (t) => { t.scrollTop = t.scrollHeight; });
  await page.locator('#findings [data-rule] button.finding').nth(label).click();
  const sel = await selection(page);
  assert.deepEqual(sel, { start: shown[label].start, end: shown[label].end, text: '本年度止件数', focused: true },
    'clicking row-label selects 本年度止件数');
  assert.ok(await page.$eval('#input', (t) => t.scrollTop < t.scrollHeight - t.clientHeight), 'the textarea scrolled up to it');

  await page.locator('#results').screenshot({ path: screenshotPath('seed-001-findings.png') });

  // The table view: table 三, 予以公开, 自然人 read 2 where the sums say 0.
  const cell = page.locator('table[data-table="3"] tr[data-row="t3.disclosed"] td').first();
  assert.equal(await cell.getAttribute('class'), 'wrong');
  assert.equal((await cell.textContent()).replace(/\s+/g, ''), '2应为0');

  // An astral character (two UTF-16 units) before the text shifts every span by two.
  await fillAndWait(page, '𠀀' + seed.text);
  const shifted = await findings(page);
  const again = shifted.findIndex((f) => f.rule === 'row-label');
  assert.equal(shifted[again].start, shown[label].start + 2);
  await page.locator('#findings [data-rule] button.finding').nth(again).click();
  assert.equal((await selection(page)).text, '本年度止件数', 'after an astral character too');

  // Pasted markup stays text.
  await fillAndWait(page, '<img src=x onerror="window.__pwned=1" id=injected><script>window.__pwned=2</script>\n' + seed.text);
  assert.equal(await page.$$eval('#injected, #findings img, #findings script, #tables img, #summary *', (els) => els.length), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);

  // The 检查 button checks again.
  const before = await checks(page);
  await page.click('#check');
  await waitChecked(page, before);

  await assertClean(page, problems);
  await page.close();
  console.log(`e2e: seed 001 on the served page: ${shown.length} findings as the CLI, selection, table view, markup as text`);
}

async function expectLoadError(context, url, what) {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('body[data-state="error"]', { timeout: 25000 });
  assert.match(await page.textContent('#status'), /无法加载检查模块/);
  assert.equal(await page.isDisabled('#check'), true);
  await page.close();
  console.log(`e2e: ${what}: an error is shown`);
}

async function testFailedLoads(context) {
  await withServer((s) => expectLoadError(context, s.url, 'wasm compile blocked by CSP'),
    "default-src 'self'; script-src 'self'; style-src 'self'");
  const copy = mkdtempSync(path.join(tmpdir(), 'nianbao-dist-'));
  try {
    cpSync(dist, copy, { recursive: true });
    rmSync(path.join(copy, 'nianbao.wasm'));
    let s = await serve({ root: copy, port: 0 });
    try {
      await expectLoadError(context, s.url, 'nianbao.wasm missing');
    } finally {
      await s.close();
    }
    rmSync(path.join(copy, 'worker.js'));
    s = await serve({ root: copy, port: 0 });
    try {
      await expectLoadError(context, s.url, 'worker.js missing');
    } finally {
      await s.close();
    }
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

run('e2e', () => withBrowser(async (context) => {
  await withServer((s) => testSeed001(context, s.url));
  await testFailedLoads(context);
}));
