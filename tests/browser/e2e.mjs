// The served page in Debian's Chromium under the strict CSP header:
//  - it gets ready with zero CSP violations and no console error, and shows
//    the module's rule registry; the rule docs' texts, the on-demand scripts
//    and the file readers are not loaded with it;
//  - seed 001 pasted shows the same findings (data-rule, data-severity, span)
//    as the native CLI, grouped by severity; clicking one selects exactly its
//    characters (also after an astral character, two UTF-16 units);
//  - the table view marks the wrong cell of table 三 with its expected value;
//  - pasted markup stays text;
//  - 发布期限, 机关类型, 参考日期 are fields that change the check, remembered;
//    the publish-late advice points at the field;
//  - fixing a finding in the box: the counter follows, 已解决 confirms, F8 goes
//    on; 复制全文, 下载修改后的文本; a draft kept only when ticked, with 清除;
//  - the English reader: verdicts and headings with plurals and half-width
//    brackets ("Failed: 1 error, 2 warnings", "Error (1)"), every finding's
//    message and fix in English punctuation outside the Chinese it quotes,
//    no "(s)", capitals first; the rule docs' examples in English;
//  - a blocked wasm compile, a missing .wasm or a missing worker file ends in
//    an error message, not an endless "loading".
// Saves tests/browser/artifacts/seed-001-findings.png.
// Run: node tests/browser/e2e.mjs   (after scripts/build.sh)
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { assertClean, checks, cliCheck, dist, fillAndWait, findings, fixture, run, screenshotPath, selection, serve, toggleLang, waitChecked, waitReady, watch, withBrowser, withServer } from './lib/browser.mjs';

const SEVERITY_ORDER = ['error', 'warning', 'info'];
const byPlace = (a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule);

async function testSeed001(context, url) {
  const page = await context.newPage();
  const problems = watch(page);
  const early = [];
  // (The service worker's own requests, its store filled once the page is ready, aside.)
  const onEarly = (r) => { if (!r.serviceWorker()) early.push(new URL(r.url()).pathname); };
  context.on('request', onEarly);
  await page.goto(url);
  await waitReady(page);
  context.off('request', onEarly);
  // What loads on demand does not load with the page (README, "What loads when").
  assert.ok(early.includes('/nianbao.wasm'), `the recorder sees the worker's requests: ${early}`);
  for (const f of ['/rules.json', '/later.js', '/nianbao-readers.js', '/nianbao-readers.wasm']) {
    assert.ok(!early.includes(f), `${f} is not loaded before the page is ready`);
  }
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

// The clerk's options: 发布期限, 机关类型, 参考日期 as fields, passed to the
// check, remembered; the advice points at the field the page has.
async function testOptions(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  await waitReady(page);
  const seed = fixture('seeds', '001_');
  await fillAndWait(page, seed.text);
  const late = async () => (await findings(page)).some((f) => f.rule === 'publish-late');
  assert.ok(await late(), 'seed 001 is late by the township deadline');
  const advice = await page.textContent('#findings li[data-rule="publish-late"] .fix');
  assert.match(advice, /请在“发布期限”中填写/, `the advice points at the page's field: ${advice}`);
  assert.equal(await page.textContent('#options label:has(#opt-deadline) span'), '发布期限', 'which the page has');
  const words = await page.$$eval('#findings .message, #findings .fix', (els) => els.map((e) => e.textContent).join('\n'));
  assert.doesNotMatch(words, /选项|(?<!--)deadline|bodyKind/, 'no message names an option the page lacks');

  let before = await checks(page);
  await page.fill('#opt-deadline', '02-10');
  await page.dispatchEvent('#opt-deadline', 'change');
  await waitChecked(page, before);
  assert.equal(await late(), false, 'a provincial deadline of 02-10 makes it on time');
  await page.reload();
  await waitReady(page);
  await fillAndWait(page, seed.text);
  assert.equal(await page.inputValue('#opt-deadline'), '02-10', 'the deadline is remembered');
  assert.equal(await late(), false, 'and used after a reload');

  before = await checks(page);
  await page.fill('#opt-deadline', '2月30日');
  await page.dispatchEvent('#opt-deadline', 'change');
  await waitChecked(page, before);
  assert.equal(await page.getAttribute('#opt-deadline', 'aria-invalid'), 'true', 'a deadline that is no MM-DD is marked');

  before = await checks(page);
  await page.click('#opt-clear');
  await waitChecked(page, before);
  before = await checks(page);
  await page.selectOption('#opt-body-kind', 'government');
  await waitChecked(page, before);
  assert.equal(await late(), false, 'a government\'s own report has until 31 March');

  // 参考日期: a report without a signature date is late only by the reference date.
  before = await checks(page);
  await page.click('#opt-clear');
  await waitChecked(page, before);
  const unsigned = seed.text.replace('2025年2月7日', '');
  await fillAndWait(page, unsigned);
  assert.equal(await late(), false, 'unsigned and no reference date: not judged');
  before = await checks(page);
  await page.fill('#opt-today', '2025-01-15');
  await page.dispatchEvent('#opt-today', 'change');
  await waitChecked(page, before);
  assert.equal(await late(), false, 'on time by a reference date of 2025-01-15');
  before = await checks(page);
  await page.fill('#opt-today', '2025-02-01');
  await page.dispatchEvent('#opt-today', 'change');
  await waitChecked(page, before);
  assert.match(await page.textContent('#findings li[data-rule="publish-late"] .message'), /参考日期 2025-02-01 已超过发布期限 2025年1月31日，逾期 1 天/);
  await toggleLang(page);
  assert.match(await page.textContent('#findings li[data-rule="publish-late"] .message'), /is 1 day after the deadline/, 'English: 1 day');
  await toggleLang(page);
  await page.click('#opt-clear');
  await page.close();
  console.log('e2e: 发布期限, 机关类型, 参考日期 change the check, are remembered, and the advice names the field');
}

// The fixing loop: fix the selected finding in the box; the counter follows,
// "已解决 N 个问题" confirms, F8 goes on; copy, download; a draft only when asked.
async function testFixLoop(context, url) {
  const origin = new URL(url).origin;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  await page.goto(url);
  await waitReady(page);
  const seed = fixture('seeds', '001_');
  await fillAndWait(page, seed.text);
  const list = await findings(page);
  const at = list.findIndex((f) => f.rule === 'row-label' && seed.text.slice(f.start, f.end) === '本年度止件数');
  assert.ok(at > 0);
  await page.focus('#input');
  for (let i = 0; i <= at; i++) await page.keyboard.press('F8');
  assert.match(await page.textContent('#position'), new RegExp(`^第 ${at + 1}/${list.length} 个问题`));

  // An edit elsewhere keeps the finding selected and the counter true.
  let before = await checks(page);
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('\n');
  await waitChecked(page, before);
  assert.match(await page.textContent('#position'), new RegExp(`^第 ${at + 1}/${list.length} 个问题：.*本年度止件数`), 'same finding, same place');

  // Fix it: F8 selects it again, type the template's word over it.
  await page.keyboard.press('Shift+F8');
  await page.keyboard.press('F8');
  assert.equal((await selection(page)).text, '本年度止件数');
  before = await checks(page);
  await page.keyboard.insertText('本年废止件数');
  await waitChecked(page, before);
  const after = await findings(page);
  assert.equal(after.length, list.length - 1, 'one finding fewer');
  assert.equal(await page.textContent('#position'), `已解决 1 个问题，还有 ${after.length} 个。`, 'the fix is confirmed');
  assert.equal(await page.$$eval('#findings li[aria-current]', (l) => l.length), 0, 'the fixed finding is not marked');
  await page.keyboard.press('F8');
  assert.match(await page.textContent('#position'), new RegExp(`^第 ${at + 1}/${after.length} 个问题`), 'F8 goes on to the next one');
  const sel = await selection(page);
  assert.deepEqual([sel.start, sel.end], [after[at].start, after[at].end], 'and selects it');

  // Copy and download the corrected text.
  const fixed = await page.inputValue('#input');
  assert.ok(fixed.includes('本年废止件数') && !fixed.includes('本年度止件数'));
  await page.click('#copy-text');
  await page.waitForFunction(() => /已复制全文/.test(document.getElementById('status').textContent));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), fixed, '复制全文 copies the whole text');
  const event = page.waitForEvent('download');
  await page.click('#save-text');
  const d = await event;
  assert.match(d.suggestedFilename(), /\.txt$/);
  assert.equal(readFileSync(await d.path(), 'utf8'), fixed, '下载修改后的文本 saves it');

  // No draft kept unless ticked.
  const stored = () => page.evaluate(() => Object.keys(localStorage).filter((k) => /draft/i.test(k)).map((k) => k + '=' + localStorage.getItem(k).length));
  assert.deepEqual(await stored(), [], 'nothing kept unasked');
  await page.reload();
  await waitReady(page);
  assert.equal(await page.inputValue('#input'), '', 'a reload without the tick keeps nothing');
  assert.equal(await page.isVisible('#clear-draft'), false);
  await fillAndWait(page, fixed);
  await page.check('#keep-draft');
  assert.equal(await page.isVisible('#clear-draft'), true, '清除 is shown once a draft is kept');
  before = await checks(page);
  await page.focus('#input');
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('补充');
  await waitChecked(page, before);
  await page.reload();
  await waitReady(page);
  assert.equal(await page.inputValue('#input'), fixed + '补充', 'ticked: the draft comes back after a reload');
  assert.equal(await page.isChecked('#keep-draft'), true);
  await page.click('#clear-draft');
  assert.deepEqual(await stored(), [], '清除 deletes it');
  assert.equal(await page.isChecked('#keep-draft'), false);
  await page.reload();
  await waitReady(page);
  assert.equal(await page.inputValue('#input'), '', 'and nothing comes back');
  await page.close();
  console.log('e2e: fix loop: counter and selection follow an edit, 已解决 confirms, F8 goes on; copy, download; draft only when ticked, 清除');
}

// What an English reader should not meet in a finding: full-width punctuation
// outside the Chinese quoted in 「」, "(s)", a count of 1 with a plural noun.
function englishProblems(text) {
  const outside = text.replace(/「[^」]*」/g, '');
  const problems = [];
  if (/[，；：（）、。“”！？]/.test(outside)) problems.push('full-width punctuation');
  if (text.includes('(s)')) problems.push('(s)');
  if (/(^|[^\d.,])1 (numbers|rows|cells|cases|days|times|places|applications|files|errors|warnings|notes|sentences|documents)\b/.test(text)) problems.push('1 with a plural');
  if (/^[a-z]/.test(text)) problems.push('no capital first');
  return problems;
}

async function testEnglishReader(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  await waitReady(page);
  await toggleLang(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');

  await fillAndWait(page, fixture('seeds', '003_').text);
  assert.equal(await page.textContent('#summary'), 'Failed: 1 error, 2 warnings, 0 notes');
  assert.deepEqual(await page.$$eval('#findings h3', (hs) => hs.map((h) => h.textContent)), ['Error (1)', 'Warning (2)']);
  await fillAndWait(page, fixture('real', '009_').text);
  assert.equal(await page.textContent('#summary'), 'Passed (1 warning, 3 notes)');

  let read = 0;
  for (const [dir, prefix] of [['seeds', '001_'], ['seeds', '003_'], ['real', '007_'], ['real', '008_'], ['real', '009_']]) {
    await fillAndWait(page, fixture(dir, prefix).text);
    const texts = await page.$$eval('#findings li', (lis) => lis.flatMap((li) => [
      [li.dataset.rule, li.querySelector('.message').textContent],
      ...(li.querySelector('.fix') ? [[li.dataset.rule, li.querySelector('.fix').textContent.replace(/^Fix: /, '')]] : []),
    ]));
    for (const [rule, text] of texts) assert.deepEqual(englishProblems(text), [], `${prefix} ${rule}: ${text}`);
    read += texts.length;
  }

  // The rule docs: each example with what it means in English.
  await page.evaluate(() => { document.getElementById('rules-panel').open = true; });
  await page.waitForFunction(() => /\(7 February 2025/.test(document.getElementById('rule-publish-late').textContent));
  const examples = await page.$$eval('#rule-list article', (as) => as.map((a) => {
    const p = [...a.querySelectorAll('p')].find((x) => x.textContent.startsWith('Example: '));
    return [a.id, p ? p.querySelector('span').getAttribute('lang') : null, p ? p.textContent : ''];
  }));
  for (const [id, lang, text] of examples) {
    assert.equal(lang, 'en', `${id}: the example is in English: ${text}`);
    assert.match(text.replace(/「[^」]*」/g, ''), /[A-Za-z]{3}/, `${id}: ${text}`);
  }
  await page.close();
  console.log(`e2e: English reader: plurals and half-width brackets in verdicts and headings, ${read} messages and fixes read as English, ${examples.length} rule examples in English`);
}

run('e2e', () => withBrowser(async (context) => {
  await withServer((s) => testSeed001(context, s.url));
  await withServer((s) => testOptions(context, s.url));
  await withServer((s) => testFixLoop(context, s.url));
  await withServer((s) => testEnglishReader(context, s.url));
  await testFailedLoads(context);
}));
