// Accessibility of the served page, in Debian's Chromium:
//  - axe-core (WCAG 2.0/2.1 A and AA rules plus best practices) finds no
//    serious or critical violation with seed 001's findings, the table view
//    and the rule docs shown, in Chinese, in English and with 大字. axe is
//    injected in a context that bypasses the CSP (the CSP itself is tested
//    on normal contexts elsewhere); also with last year's report (both years
//    side by side, the linked cells) and a batch's summary table shown;
//  - a keyboard-only run: skip link, the sample by Enter, F8 / Shift+F8 walk
//    the findings and select their characters, Tab to a finding and Enter,
//    arrows inside the list, a rule doc link, the language switch; every
//    focused control shows a visible focus outline.
// Run: node tests/browser/a11y.mjs   (after scripts/build.sh)
import assert from 'node:assert/strict';
import path from 'node:path';

import {
  checks, fillAndWait, findings, fixture, repo, run, selection, waitChecked, waitReady, withBrowser, withServer,
} from './lib/browser.mjs';

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
    await page.click('#lang');
    await axe(page, 'en, seed 001');
    await page.click('#lang');
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

  // Tab into the list, arrows inside it, Enter selects.
  await tabTo(page, (f) => f.cls === 'finding', 20, stops);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.closest('li').dataset.index), '2', 'arrows move in the list');
  await page.keyboard.press('Enter');
  sel = await selection(page);
  assert.deepEqual([sel.start, sel.end, sel.focused], [list[2].start, list[2].end, true], 'Enter on a finding selects it');

  // A rule doc link opens the docs and moves focus there.
  await page.focus('#findings li[data-index="2"] button.finding');
  await tabTo(page, (f) => f.tag === 'a' && /doc/.test(f.cls), 3, stops);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement.tagName === 'ARTICLE');
  assert.equal(await page.evaluate(() => document.getElementById('rules-panel').open), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), `rule-${list[2].rule}`);

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

run('a11y', () => withServer(async (server) => {
  await testAxe(server.url);
  await withBrowser((context) => testKeyboard(context, server.url));
}));
