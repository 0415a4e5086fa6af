// Accessibility of the served page, in Debian's Chromium:
//  - axe-core (WCAG 2.0/2.1 A and AA rules plus best practices) finds no
//    serious or critical violation with seed 001's findings, the table view
//    and the rule docs shown, in Chinese, in English and with 大字. axe is
//    injected in a context that bypasses the CSP (the CSP itself is tested
//    on normal contexts elsewhere); also with last year's report (both years
//    side by side, the linked cells) and a batch's summary table shown;
//  - a keyboard-only run: skip link, the sample by Enter, F8 / Shift+F8 walk
//    the findings and select their characters, and the list beside the box
//    scrolls to the one selected; Tab to a finding and Enter, arrows inside
//    the list, one Tab stop per finding, → to its rule doc link and Enter;
//    表格核对 as grids (one Tab stop per table, arrows between cells, Enter
//    selects the cell in the text, the rules named in Chinese); the language
//    switch; every focused control shows a visible focus outline;
//  - a batch of 30 files is announced in steps, not file by file: what the
//    page's live regions say while it runs is a start, at most one line a
//    tenth of the way, and the summary; no file's name.
// Run: node tests/browser/a11y.mjs   (after scripts/build.sh)
import assert from 'node:assert/strict';
import path from 'node:path';

import { checks, fillAndWait, findings, fixture, repo, run, selection, toggleLang, waitChecked, waitReady, withBrowser, withServer } from './lib/browser.mjs';

const AXE = path.join(repo, 'node_modules', 'axe-core', 'axe.min.js');

async function axe(page, label) {
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help, target: v.nodes[0].target.join(' ') }));
  });
  const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], `${label}: serious or critical axe violations`);
  const rest = result.map((v) => `${v.id} (${v.impact}, ${v.nodes})`).join(', ') || 'none';
  console.log(`a11y: axe ${label}: no serious or critical violation; others: ${rest}`);
}

async function testAxe(url) {
  await withBrowser(async (context) => {
    const page = await context.newPage();
    await page.goto(url);
    await waitReady(page);
    await page.addScriptTag({ path: AXE });
    await fillAndWait(page, fixture('seeds', '001_').text);
    await page.evaluate(() => { document.getElementById('rules-panel').open = true; });
    await axe(page, 'zh, seed 001');
    await toggleLang(page);
    await axe(page, 'en, seed 001');
    await toggleLang(page);
    await page.click('#size');
    await axe(page, 'zh, 大字');
    await page.click('#size');

    // Last year's report and a batch of three files.
    const seed = fixture('seeds', '001_').text;
    await page.evaluate(() => { document.getElementById('previous-zone').open = true; });
    const before = await checks(page);
    await page.fill('#previous', seed.replace(/2024(\s*)年/g, '2023$1年'));
    await waitChecked(page, before);
    await page.waitForSelector('#years td[data-pair]');
    const dt = await page.evaluateHandle((texts) => {
      const transfer = new DataTransfer();
      texts.forEach((t, i) => transfer.items.add(new File([t], `r${i}.txt`, { type: 'text/plain' })));
      return transfer;
    }, [seed, fixture('seeds', '002_').text, fixture('seeds', '003_').text]);
    for (const type of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent('#input', type, { dataTransfer: dt });
    await page.waitForSelector('body[data-batch="done"]');
    await page.click('#batch-table button.sort[data-key="errors"]');
    await axe(page, 'zh, two years and a batch');
    await page.close();
  }, { bypassCSP: true });
}

// The focused element, and whether its focus is drawn.
async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const cs = getComputedStyle(el);
    return {
      id: el.id, tag: el.tagName.toLowerCase(), cls: el.className, text: (el.textContent || '').trim().slice(0, 20),
      outlined: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2,
    };
  });
}

// Presses Tab (or `key`) until `match` holds for the focused element (at most `limit` times).
async function tabTo(page, match, limit = 40, seen = [], key = 'Tab') {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const f = await focused(page);
    seen.push(f);
    if (match(f)) return f;
  }
  throw new Error(`not reached by Tab: ${seen.map((f) => f.id || f.tag).join(' ')}`);
}

async function testKeyboard(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  await waitReady(page);
  const stops = [];

  const skip = await tabTo(page, () => true, 1, stops);
  assert.match(skip.cls, /skip/, 'the first Tab stop is the skip link');
  await tabTo(page, (f) => f.id === 'sample', 10, stops);
  let before = await checks(page);
  await page.keyboard.press('Enter');
  await waitChecked(page, before);
  const list = await findings(page);
  assert.ok(list.length >= 6, 'the sample is checked');

  // F8 and Shift+F8 walk the findings in the listed order and select each.
  await page.keyboard.press('F8');
  let sel = await selection(page);
  assert.deepEqual([sel.start, sel.end, sel.focused], [list[0].start, list[0].end, true], 'F8: the first finding');
  await page.keyboard.press('F8');
  sel = await selection(page);
  assert.deepEqual([sel.start, sel.end], [list[1].start, list[1].end], 'F8 again: the second');
  await page.keyboard.press('Shift+F8');
  sel = await selection(page);
  assert.deepEqual([sel.start, sel.end], [list[0].start, list[0].end], 'Shift+F8: back to the first');
  assert.match(await page.textContent('#position'), /^第 1\/\d+ 个问题/, 'the position is announced');

  // F8 takes the list along: the selected finding is in view, and so is the box.
  const inView = (sel) => page.$eval(sel, (el) => {
    const r = el.getBoundingClientRect();
    return r.top >= -1 && r.bottom <= window.innerHeight + 1;   // scrolled to, give or take a subpixel
  });
  const last = `#findings li[data-index="${list.length - 1}"]`;
  assert.equal(await inView(last), false, 'the last finding starts out of view (the test needs a long list)');
  await page.keyboard.press('Shift+F8');
  assert.equal(await page.getAttribute(last, 'aria-current'), 'true');
  assert.equal(await inView(last), true, 'Shift+F8 to the last finding scrolls the list to it');
  assert.equal(await page.evaluate(() => {
    const r = document.getElementById('input').getBoundingClientRect();
    return r.top < window.innerHeight && r.bottom > 0;
  }), true, 'the box stays in view');
  await page.keyboard.press('F8');
  assert.equal(await inView('#findings li[data-index="0"]'), true, 'F8 on to the first: in view again');

  // Tab into the list, arrows inside it, Enter selects.
  await tabTo(page, (f) => f.cls === 'finding', 20, stops);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.closest('li').dataset.index), '2', 'arrows move in the list');
  await page.keyboard.press('Enter');
  sel = await selection(page);
  assert.deepEqual([sel.start, sel.end, sel.focused], [list[2].start, list[2].end, true], 'Enter on a finding selects it');

  // One Tab stop per finding; → reaches its rule doc link, ← comes back, and
  // Enter on the link opens the docs and moves focus there.
  const focusedIndex = () => page.evaluate(() => document.activeElement.closest('li').dataset.index + ' ' + document.activeElement.tagName);
  await page.focus('#findings li[data-index="2"] button.finding');
  await page.keyboard.press('Tab');
  assert.equal(await focusedIndex(), '3 BUTTON', 'Tab goes from a finding to the next finding');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focusedIndex(), '2 BUTTON');
  await page.keyboard.press('ArrowRight');
  assert.equal(await focusedIndex(), '2 A', '→ reaches the finding\'s rule doc link');
  stops.push(await focused(page));
  await page.keyboard.press('ArrowLeft');
  assert.equal(await focusedIndex(), '2 BUTTON', '← comes back');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement.tagName === 'ARTICLE');
  assert.equal(await page.evaluate(() => document.getElementById('rules-panel').open), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), `rule-${list[2].rule}`);

  // 表格核对: one Tab stop per table, arrows between its cells, Enter selects
  // the cell in the text; a wrong cell names its rules in Chinese.
  await page.focus('#findings li[data-index="0"] button.finding');
  const cell = await tabTo(page, (f) => f.tag === 'td', 40, stops);
  const at = () => page.evaluate(() => {
    const td = document.activeElement;
    return { table: td.closest('table').dataset.table, row: td.parentElement.dataset.row, col: td.cellIndex,
      start: Number(td.dataset.start), end: Number(td.dataset.end), role: td.closest('table').getAttribute('role') };
  });
  const first = await at();
  assert.equal(first.table, '2', 'Tab reaches table 二');
  assert.equal(first.role, 'grid');
  await page.keyboard.press('ArrowRight');
  const right = await at();
  assert.deepEqual([right.table, right.row, right.col], [first.table, first.row, first.col + 1], '→ moves one cell right');
  await page.keyboard.press('ArrowDown');
  const down = await at();
  assert.notEqual(down.row, right.row, '↓ moves one row down');
  stops.push(await focused(page));
  await page.keyboard.press('Tab');
  assert.equal((await at()).table, '3', 'Tab leaves table 二 for table 三: one stop per table');
  await page.keyboard.press('Shift+Tab');
  assert.deepEqual(await at(), down, 'Shift+Tab comes back to the cell last visited');
  await page.keyboard.press('Enter');
  sel = await selection(page);
  assert.deepEqual([sel.start, sel.end, sel.focused], [down.start, down.end, true], 'Enter on a cell selects it in the text');
  const titles = await page.$$eval('#tables td.wrong, #tables td.involved', (tds) => tds.map((td) => td.title));
  assert.ok(titles.length > 0, 'seed 001 has wrong cells');
  for (const t of titles) assert.match(t, /^[\u4e00-\u9fff][^a-z]*$/, `a cell names its rules in Chinese: ${t}`);
  assert.ok(cell);

  // Back up to the language switch, by keyboard.
  await tabTo(page, (f) => f.id === 'lang', 120, stops, 'Shift+Tab');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.textContent('#summary'), /^Failed: \d+ errors?/);
  assert.match(await page.textContent('#findings .message'), /^[A-Za-z]/, 'the messages are in English');
  assert.match(await page.textContent('#findings .sev'), /^Error$/);
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');

  const unlit = stops.filter((f) => !f.outlined);
  assert.deepEqual(unlit, [], 'every focused control shows its focus: ' + JSON.stringify(unlit));
  await page.close();
  console.log(`a11y: keyboard only: skip link, sample, F8/Shift+F8, Tab+Enter on a finding, arrows, rule doc, language; ${stops.length} focus stops all outlined`);
}

async function testBatchVoice(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  await waitReady(page);
  // Everything a live region comes to hold, as a screen reader would hear it.
  await page.evaluate(() => {
    window.__said = [];
    new MutationObserver((records) => {
      for (const r of records) {
        const region = (r.target.nodeType === 1 ? r.target : r.target.parentElement).closest('[aria-live], [role="status"], [role="alert"]');
        if (region && region.closest('#batch')) window.__said.push(region.textContent);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const seeds = ['001_', '002_', '003_'].map((p) => fixture('seeds', p).text);
  const names = Array.from({ length: 30 }, (_, i) => `镇${String(i).padStart(2, '0')}.txt`);
  const dt = await page.evaluateHandle(([texts, files]) => {
    const transfer = new DataTransfer();
    files.forEach((name, i) => transfer.items.add(new File([texts[i % texts.length]], name, { type: 'text/plain' })));
    return transfer;
  }, [seeds, names]);
  for (const type of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent('#input', type, { dataTransfer: dt });
  await page.waitForSelector('body[data-batch="done"]', { timeout: 120000 });
  const said = [...new Set(await page.evaluate(() => window.__said))].filter(Boolean);
  assert.ok(said.length >= 2 && said.length <= 12, `a start, a few steps and the summary: ${JSON.stringify(said)}`);
  assert.match(said[0], /^开始检查 30 个文件/);
  assert.equal(said[said.length - 1], await page.textContent('#batch-status'), 'the summary is said at the end');
  assert.deepEqual(said.filter((s) => names.some((n) => s.includes(n))), [], 'no file is announced by name');
  await page.close();
  console.log(`a11y: a batch of 30 files is announced in ${said.length} lines, not per file`);
}

run('a11y', () => withServer(async (server) => {
  await testAxe(server.url);
  await withBrowser((context) => testKeyboard(context, server.url));
  await withBrowser((context) => testBatchVoice(context, server.url));
}));
