// Embedding, in Debian's Chromium, with README's two snippets taken verbatim
// from README.md (only the placeholder addresses replaced by the test's ports):
//  - iframe: a host page on one localhost port embeds embed.html from another
//    port (cross-origin) under a strict host CSP (the script part in the
//    host's own .js file); nianbaoCheck(seed 001) resolves with the CLI's
//    findings, the frame shows them, its height reaches the host, and neither
//    page sees a CSP violation;
//  - the same snippet pasted into a blank page (no CSP, inline script) works;
//  - messages from a wrong origin are ignored both ways: a page on a third
//    port that embeds the frame (named for another origin) gets no answer and
//    no message, its text never reaches the frame; the host ignores a height
//    message that does not come from the frame; ?origin=* is refused and said so;
//  - the iframe has no border, and no page logs a console warning (the frame
//    posts only to its parent's origin, never to the other allowed ones);
//  - <nianbao-check>: the element snippet pasted into a blank page checks;
//    in a 760 px column of a host site, as a webmaster puts it: each finding
//    shows its fix and its rule by name, a click selects its characters in
//    the element's box, ids never wrap, no finding is cut by an inner scroll,
//    `compact` keeps a box of several lines;
//    two elements on one page (strict CSP with 'wasm-unsafe-eval') check
//    different texts with different attributes independently, share one
//    worker, fire nianbao-result each; deadline and compact apply;
//    nianbao.check works; the only global
//    added is `nianbao`; aggressive host styles do not reach into the
//    elements, and the elements' styles do not change the host's.
// Run: node tests/browser/embed.mjs   (after scripts/build.sh)
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { cliCheck, dist, fixture, repo, run, serve, watch, withBrowser } from './lib/browser.mjs';

const FRAME_PLACEHOLDER = 'https://nianbao.example.org';
const HOST_PLACEHOLDER = 'https://www.example.gov.cn';
const spans = (findings) => findings.map((f) => `${f.id}@${f.location.start.utf16}-${f.location.end.utf16}`).sort();

// The code block after <!-- snippet: NAME --> in README.md.
export function snippet(name) {
  const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
  const m = new RegExp(`<!-- snippet: ${name} -->\\n\`\`\`html\\n([\\s\\S]*?)\\n\`\`\``).exec(readme);
  assert.ok(m, `README.md has the ${name} snippet`);
  return m[1];
}

const blankPage = (body) => `<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>blank</title>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;

// The console warnings a page and its frames log (watch() keeps the errors).
function warnings(page) {
  const seen = [];
  page.on('console', (msg) => { if (msg.type() === 'warning') seen.push(msg.text()); });
  return seen;
}

async function violations(frameOrPage) {
  return frameOrPage.evaluate(() => window.__cspViolations || []);
}

async function frameOf(page) {
  await page.waitForFunction(() => document.getElementById('nianbao-frame'));
  const handle = await page.$('#nianbao-frame');
  let frame = await handle.contentFrame();
  for (let i = 0; !frame && i < 50; i++) {
    await page.waitForTimeout(100);
    frame = await handle.contentFrame();
  }
  await frame.waitForSelector('body[data-state="ready"], body[data-state="error"]', { timeout: 20000 });
  assert.equal(await frame.getAttribute('body', 'data-state'), 'ready', await frame.textContent('#status'));
  return frame;
}

async function testIframe(context, tmp, frameServer) {
  const seed = fixture('seeds', '001_');
  const expected = spans(cliCheck(seed.file).findings);
  const code = snippet('iframe');
  const [markup, script] = code.split('<script>\n');
  const hostJs = script.replace(/<\/script>\s*$/, '');

  // 1. The strict host: the frame from another port, the script in the host's own file.
  const strictDir = path.join(tmp, 'strict');
  mkdirSync(strictDir);
  const frameOrigin = frameServer.url.replace(/\/$/, '');
  const hostCsp = `default-src 'self'; script-src 'self'; style-src 'self'; frame-src ${frameOrigin}`;
  const strict = await serve({ root: strictDir, port: 0, csp: hostCsp });
  const hostOrigin = strict.url.replace(/\/$/, '');
  const local = (text) => text.replaceAll(FRAME_PLACEHOLDER, frameOrigin).replaceAll(HOST_PLACEHOLDER, hostOrigin);
  writeFileSync(path.join(strictDir, 'index.html'), blankPage(`${local(markup)}<script src="host.js"></script>`));
  writeFileSync(path.join(strictDir, 'host.js'), local(hostJs));
  try {
    const page = await context.newPage();
    const problems = watch(page);
    const warned = warnings(page);
    await page.goto(strict.url);
    const frame = await frameOf(page);
    assert.notEqual(new URL(frame.url()).origin, new URL(page.url()).origin, 'the frame is cross-origin');
    assert.equal(await page.$eval('#nianbao-frame', (f) => getComputedStyle(f).borderTopStyle + ' ' + getComputedStyle(f).borderTopWidth),
      'none 0px', 'the frame has no border');
    const result = await page.evaluate((text) => window.nianbaoCheck(text), seed.text);
    assert.deepEqual(spans(result.findings), expected, 'nianbaoCheck resolves with the CLI\'s findings');
    assert.equal(result.summary.verdict, 'fail');
    assert.equal(await frame.inputValue('#input'), seed.text, 'the frame shows the text');
    await frame.waitForFunction((n) => document.querySelectorAll('#findings [data-rule]').length === n, expected.length);
    // The frame's content height reached the host.
    await page.waitForFunction(() => /^\d+px$/.test(document.getElementById('nianbao-frame').style.height)
      && parseInt(document.getElementById('nianbao-frame').style.height, 10) > 480);
    const frameHeight = await frame.evaluate(() => Math.ceil(document.querySelector('main').getBoundingClientRect().height));
    assert.equal(await page.$eval('#nianbao-frame', (f) => parseInt(f.style.height, 10)), frameHeight, 'the frame is as high as its content');

    // Options: English, a rule turned off.
    const en = await page.evaluate((text) => window.nianbaoCheck(text, { lang: 'en', disable: ['publish-late'] }), seed.text);
    assert.ok(!en.findings.some((f) => f.id === 'publish-late'), 'disable is applied');
    assert.match(await frame.textContent('#summary'), /^Failed/, 'lang switches the frame to English');

    // The host ignores a message that does not come from the frame's origin.
    await page.evaluate(() => window.postMessage({ type: 'nianbao:height', height: 7 }, '*'));
    await page.waitForTimeout(300);
    assert.notEqual(await page.$eval('#nianbao-frame', (f) => f.style.height), '7px', 'a height message from the page itself is ignored');

    assert.deepEqual(await violations(page), [], 'no CSP violation in the host');
    assert.deepEqual(await violations(frame), [], 'no CSP violation in the frame');
    assert.deepEqual(problems.csp, []);
    assert.deepEqual(problems.console.filter((m) => !m.includes('/favicon.ico')), [], 'no console error (the blank host has no icon)');
    assert.deepEqual(warned, [], 'no console warning (every message went to the parent\'s origin only)');
    await page.close();
    console.log(`embed: iframe from ${frameOrigin} in a strict-CSP host at ${hostOrigin}: ${expected.length} findings as the CLI, height, options, no border, zero violations and warnings`);

    // 2. The snippet verbatim in a blank page (inline script, no CSP).
    const blankDir = path.join(tmp, 'blank');
    mkdirSync(blankDir);
    const blank = await serve({ root: blankDir, port: 0, csp: null });
    try {
      const blankOrigin = blank.url.replace(/\/$/, '');
      writeFileSync(path.join(blankDir, 'index.html'),
        blankPage(code.replaceAll(FRAME_PLACEHOLDER, frameOrigin).replaceAll(HOST_PLACEHOLDER, blankOrigin)));
      const p = await context.newPage();
      const pasted = warnings(p);
      await p.goto(blank.url);
      await frameOf(p);
      const r = await p.evaluate((text) => window.nianbaoCheck(text), seed.text);
      assert.deepEqual(spans(r.findings), expected);
      assert.equal(await p.$eval('#nianbao-frame', (f) => getComputedStyle(f).borderTopWidth), '0px', 'no border');
      assert.deepEqual(pasted, [], 'no console warning');
      await p.close();
      console.log('embed: the README iframe snippet, pasted into a blank page, checks; no border, no warning');
    } finally {
      await blank.close();
    }

    // 3. A page on another origin embedding the frame (named for the real host), and ?origin=*.
    const evilDir = path.join(tmp, 'evil');
    mkdirSync(evilDir);
    const evil = await serve({ root: evilDir, port: 0, csp: null });
    try {
      writeFileSync(path.join(evilDir, 'index.html'), blankPage(`${local(code)}
<script>window.__got = []; window.addEventListener('message', function (e) { window.__got.push(e.origin); });</script>`));
      const p = await context.newPage();
      await p.goto(evil.url);
      const f = await frameOf(p);
      await p.evaluate(() => {
        document.getElementById('nianbao-frame').contentWindow.postMessage({ type: 'nianbao:check', id: 99, text: '偷看' }, '*');
        window.__answer = 'none';
        window.nianbaoCheck('偷看').then(() => { window.__answer = 'result'; }, () => { window.__answer = 'error'; });
      });
      await p.waitForTimeout(1500);
      assert.equal(await p.evaluate(() => window.__answer), 'none', 'a page on another origin gets no answer');
      assert.deepEqual(await p.evaluate(() => window.__got), [], 'and no message at all (no ready, no height)');
      assert.equal(await f.inputValue('#input'), '', 'its text never reached the frame');

      writeFileSync(path.join(evilDir, 'star.html'), blankPage(
        `<iframe id="nianbao-frame" title="t" src="${frameOrigin}/embed.html?origin=*"></iframe>
<script>window.__got = []; window.addEventListener('message', function (e) { window.__got.push(e.data && e.data.type); });</script>`));
      await p.goto(evil.url + 'star.html');
      const star = await frameOf(p);
      assert.match(await star.textContent('#status'), /不接受的网站来源：\*/, 'origin=* is refused and said so');
      await p.evaluate(() => document.getElementById('nianbao-frame').contentWindow.postMessage({ type: 'nianbao:check', id: 1, text: 'x' }, '*'));
      await p.waitForTimeout(500);
      assert.deepEqual(await p.evaluate(() => window.__got), [], 'origin=* gets no message');
      await p.close();
      console.log('embed: a wrong origin gets no answer and no message; its text is ignored; origin=* refused');
    } finally {
      await evil.close();
    }
  } finally {
    await strict.close();
  }
}

// The host's look, aggressive on purpose.
const HOST_CSS = `* { color: rgb(255, 0, 0) !important; font-family: serif !important; letter-spacing: 3px; }
html { font-size: 40px; } body { line-height: 3; }
textarea { background: rgb(255, 255, 0); border: 9px dotted green; height: 30px; }
li { border: 7px solid blue; } ol { list-style: upper-roman; }
.sev, .verdict, label, .message { display: none !important; }
nianbao-check { font-size: 30px; }
`;
const HOST_MARKUP = `<p class="verdict">host verdict</p><textarea id="host-ta" class="nb"></textarea>
<ol id="host-ol"><li class="sev">x</li></ol><label id="host-label">label</label><code id="host-code">c</code>`;

async function hostStyles(page) {
  return page.evaluate(() => ['#host-ta', '#host-ol', '#host-ol li', '#host-label', '#host-code', 'body', 'p.verdict'].map((sel) => {
    const cs = getComputedStyle(document.querySelector(sel));
    return [sel, cs.color, cs.fontSize, cs.fontFamily, cs.borderTopWidth, cs.borderTopStyle, cs.backgroundColor, cs.display,
      cs.boxSizing, cs.padding, cs.margin, sel === 'body' ? '' : cs.height].join(' | ');
  }));
}

async function testElements(context, tmp) {
  const dir = path.join(tmp, 'element');
  const lib = path.join(dir, 'static', 'nianbao');
  mkdirSync(lib, { recursive: true });
  for (const f of ['nianbao-check.js', 'worker.js', 'nianbao.js', 'nianbao.wasm']) copyFileSync(path.join(dist, f), path.join(lib, f));
  writeFileSync(path.join(dir, 'host.css'), HOST_CSS);
  writeFileSync(path.join(dir, 'before.js'), 'window.__before = Object.getOwnPropertyNames(window);\n');
  const head = '<link rel="stylesheet" href="host.css"><script src="before.js"></script>';
  const elements = `<nianbao-check id="a" lang="zh"></nianbao-check>
<nianbao-check id="b" lang="en" rules="-publish-late" compact></nianbao-check>`;
  writeFileSync(path.join(dir, 'plain.html'), blankPage(`${head}\n${HOST_MARKUP}`));
  writeFileSync(path.join(dir, 'two.html'), blankPage(`${head}\n<script src="/static/nianbao/nianbao-check.js" defer></script>\n${HOST_MARKUP}\n${elements}`));
  writeFileSync(path.join(dir, 'snippet.html'), blankPage(snippet('element')));

  const seed1 = fixture('seeds', '001_');
  const seed2 = fixture('seeds', '002_');
  const cli1 = cliCheck(seed1.file);
  const cli2 = cliCheck(seed2.file);
  const server = await serve({ root: dir, port: 0, csp: "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'" });
  try {
    // The README snippet in a blank page.
    let page = await context.newPage();
    await page.goto(server.url + 'snippet.html');
    await page.waitForFunction(() => window.nianbao && customElements.get('nianbao-check'));
    const r = await page.evaluate(async (text) => {
      const el = document.querySelector('nianbao-check');
      const got = new Promise((resolve) => el.addEventListener('nianbao-result', (e) => resolve(e.detail.result)));
      el.value = text;
      return got;
    }, seed1.text);
    assert.deepEqual(spans(r.findings), spans(cli1.findings), 'the element snippet checks as the CLI');
    await page.close();
    console.log('embed: the README <nianbao-check> snippet, pasted into a blank page, checks');

    page = await context.newPage();
    await page.goto(server.url + 'plain.html');
    const plainStyles = await hostStyles(page);
    await page.close();

    page = await context.newPage();
    const problems = watch(page);
    const workers = [];
    page.on('worker', (w) => workers.push(w.url()));
    await page.goto(server.url + 'two.html');
    await page.waitForFunction(() => window.nianbao && customElements.get('nianbao-check'));
    const results = await page.evaluate(async ([t1, t2]) => {
      const a = document.getElementById('a');
      const b = document.getElementById('b');
      const events = { a: [], b: [] };
      const done = (el, key) => new Promise((resolve) => el.addEventListener('nianbao-result', (e) => {
        events[key].push(e.target.id);
        resolve(e.detail.result);
      }));
      const pa = done(a, 'a');
      const pb = done(b, 'b');
      a.value = t1;
      b.value = t2;
      const [ra, rb] = await Promise.all([pa, pb]);
      return { ra, rb, events };
    }, [seed1.text, seed2.text]);
    assert.deepEqual(spans(results.ra.findings), spans(cli1.findings), 'element a: seed 001 as the CLI');
    const cli2Without = cli2.findings.filter((f) => f.id !== 'publish-late');
    assert.deepEqual(spans(results.rb.findings), spans(cli2Without), 'element b: seed 002 as the CLI, without publish-late (its rules)');
    assert.deepEqual(results.events, { a: ['a'], b: ['b'] }, 'each element fired its own nianbao-result');
    assert.equal(workers.length, 1, `one shared worker: ${workers}`);
    const shown = await page.evaluate(() => ['a', 'b'].map((id) => {
      const root = document.getElementById(id).shadowRoot;
      return { verdict: root.querySelector('.verdict').textContent, items: root.querySelectorAll('li[data-rule]').length };
    }));
    assert.match(shown[0].verdict, /^未通过/, 'a speaks Chinese');
    assert.match(shown[1].verdict, /^(Failed|Passed)/, 'b speaks English');
    assert.equal(shown[0].items, cli1.findings.length);
    assert.equal(shown[1].items, cli2Without.length);

    // nianbao.check from a script; attributes changed later re-check.
    const api = await page.evaluate((t) => window.nianbao.check(t, { rules: 'apply-row-total' }), seed1.text);
    assert.deepEqual([...new Set(api.findings.map((f) => f.id))], ['apply-row-total'], 'nianbao.check with rules= runs only those');
    const again = await page.evaluate(() => new Promise((resolve) => {
      const a = document.getElementById('a');
      a.addEventListener('nianbao-result', (e) => resolve(e.detail.result.findings.length), { once: true });
      a.setAttribute('rules', '-apply-row-total');
    }));
    assert.equal(again, cli1.findings.filter((f) => f.id !== 'apply-row-total').length, 'a changed rules attribute re-checks');

    // deadline: seed 001 is dated 2025-02-07; with deadline 03-31 it is not late.
    assert.ok(cli1.findings.some((f) => f.id === 'publish-late'), 'seed 001 is late by its default deadline');
    const late = await page.evaluate(() => new Promise((resolve) => {
      const a = document.getElementById('a');
      a.addEventListener('nianbao-result', (e) => resolve(e.detail.result.findings.some((f) => f.id === 'publish-late')), { once: true });
      a.setAttribute('deadline', '03-31');
    }));
    assert.equal(late, false, 'deadline="03-31" is applied');
    // compact: the findings are folded.
    const folded = await page.evaluate((t) => new Promise((resolve) => {
      const b = document.getElementById('b');
      b.addEventListener('nianbao-result', () => resolve(!!b.shadowRoot.querySelector('details:not([open]) ol li')), { once: true });
      b.value = t;
    }), seed1.text);
    assert.equal(folded, true, 'compact folds the list');

    // One global.
    const added = await page.evaluate(() => Object.getOwnPropertyNames(window).filter((k) => !window.__before.includes(k) && k !== '__before'));
    assert.deepEqual(added, ['nianbao'], 'the only global added is nianbao');

    // Host styles do not get in.
    const inside = await page.evaluate(() => {
      const root = document.getElementById('a').shadowRoot;
      const cs = (sel) => getComputedStyle(root.querySelector(sel));
      return {
        text: cs('.nb').color, family: cs('.nb').fontFamily, size: cs('.nb').fontSize, spacing: cs('.nb').letterSpacing,
        taBg: cs('textarea').backgroundColor, taBorder: cs('textarea').borderTopWidth, liBorder: cs('li').borderTopWidth,
        sev: cs('.sev').display, verdict: cs('.verdict').display, label: cs('label').display, list: cs('ol').listStyleType,
      };
    });
    assert.deepEqual(inside, {
      text: 'rgb(26, 26, 26)', family: inside.family, size: '16px', spacing: 'normal', taBg: 'rgb(255, 255, 255)',
      taBorder: '2px', liBorder: '1px', sev: 'inline', verdict: 'block', label: 'block', list: 'none',
    }, 'the host\'s styles do not reach into the element');
    assert.doesNotMatch(inside.family, /^serif/);
    // The element's styles do not get out.
    assert.deepEqual(await hostStyles(page), plainStyles, 'the host\'s own elements look the same with and without the elements');

    assert.deepEqual(await violations(page), [], 'no CSP violation (constructed style sheet, worker from the page\'s origin)');
    assert.deepEqual(problems.console.filter((m) => !m.includes('/favicon.ico')), []);
    await page.close();
    console.log('embed: two <nianbao-check> elements check independently with one worker; only `nianbao` is global; styles stay apart; zero violations');
  } finally {
    await server.close();
  }
}

// The webmaster's path: README's element snippet in a 760 px column of a
// county site with its own styles; a visitor pastes a report, reads each
// finding with its fix and its rule's name, clicks one to find it in the
// text. The same snippet with `compact`.
async function testElementInColumn(context, tmp) {
  const dir = path.join(tmp, 'column');
  const lib = path.join(dir, 'static', 'nianbao');
  mkdirSync(lib, { recursive: true });
  for (const f of ['nianbao-check.js', 'worker.js', 'nianbao.js', 'nianbao.wasm']) copyFileSync(path.join(dist, f), path.join(lib, f));
  writeFileSync(path.join(dir, 'site.css'), 'body { margin: 0; font: 15px/1.5 serif; } .column { width: 760px; margin: 0 auto; }\n');
  const element = snippet('element');
  const page = (markup) => blankPage(`<link rel="stylesheet" href="site.css">\n<div class="column">\n<h2>政府信息公开年报</h2>\n${markup}\n</div>`);
  writeFileSync(path.join(dir, 'index.html'), page(element));
  writeFileSync(path.join(dir, 'compact.html'), page(element.replace('<nianbao-check ', '<nianbao-check compact ')));
  const seed = fixture('seeds', '001_');
  const cli = cliCheck(seed.file);
  const server = await serve({ root: dir, port: 0, csp: "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'" });
  const lines = (p) => p.evaluate(() => {
    const ta = document.querySelector('nianbao-check').shadowRoot.querySelector('textarea');
    const cs = getComputedStyle(ta);
    return (ta.clientHeight - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom)) / parseFloat(cs.lineHeight);
  });
  try {
    const p = await context.newPage();
    const problems = watch(p);
    const warned = warnings(p);
    await p.goto(server.url);
    await p.waitForFunction(() => window.nianbao && customElements.get('nianbao-check'));
    await p.locator('nianbao-check textarea').fill(seed.text);
    await p.waitForFunction((n) => document.querySelector('nianbao-check').shadowRoot.querySelectorAll('li[data-rule]').length === n,
      cli.findings.length);
    const shown = await p.evaluate(() => {
      const root = document.querySelector('nianbao-check').shadowRoot;
      const ol = root.querySelector('ol');
      return {
        clipped: ol.scrollHeight > ol.clientHeight + 1 || getComputedStyle(ol).overflowY !== 'visible',
        words: [...root.querySelectorAll('.message .word, .fix .word')].map((w) => [w.textContent, w.getClientRects().length]),
        items: [...root.querySelectorAll('li[data-rule]')].map((li) => ({
          rule: li.dataset.rule, fix: li.querySelector('.fix') ? li.querySelector('.fix').textContent : null,
          about: li.querySelector('.about').textContent, id: li.querySelector('code').textContent,
          idLines: li.querySelector('code').getClientRects().length,
        })),
      };
    });
    const fixes = (list) => list.map((x) => `${x.rule}|${x.fix}`).sort();
    assert.deepEqual(fixes(shown.items), fixes(cli.findings.map((f) => ({ rule: f.id, fix: f.fix ? '建议：' + f.fix.zh : null }))),
      'every finding shows its fix (建议) as the CLI gives it');
    for (const it of shown.items) {
      assert.match(it.about, /^规则：[\u4e00-\u9fff]/, `${it.rule}: the rule by its Chinese name`);
      assert.equal(it.id, it.rule, 'the id after the name');
      assert.equal(it.idLines, 1, `${it.rule}: the id is not broken across lines`);
    }
    assert.equal(shown.clipped, false, 'the list is not cut by a scroll box of its own');
    assert.ok(shown.words.some(([w]) => w === '--deadline'), 'the publish-late fix names --deadline');
    assert.deepEqual(shown.words.filter(([, n]) => n !== 1), [], 'no hyphenated word (--deadline, MM-DD) is cut at the line\'s end');

    // A click on the finding furthest down the text selects its characters there.
    const last = cli.findings.filter((f) => f.location && f.location.start).sort((a, b) => b.location.start.utf16 - a.location.start.utf16)[0];
    await p.locator(`nianbao-check li[data-start="${last.location.start.utf16}"] button`).first().click();
    const sel = await p.evaluate(() => {
      const root = document.querySelector('nianbao-check').shadowRoot;
      const ta = root.querySelector('textarea');
      return { focused: root.activeElement === ta, start: ta.selectionStart, end: ta.selectionEnd, scrolled: ta.scrollTop,
        current: root.querySelectorAll('li[aria-current="true"]').length };
    });
    assert.deepEqual([sel.focused, sel.start, sel.end, sel.current], [true, last.location.start.utf16, last.location.end.utf16, 1],
      'a click selects the finding\'s characters in the element\'s box');
    assert.ok(sel.scrolled > 0, 'and scrolls the box to them');
    assert.ok(await lines(p) >= 6, 'the box shows six lines or more');
    assert.deepEqual(problems.console.filter((m) => !m.includes('/favicon.ico')), []);
    assert.deepEqual(warned, [], 'no console warning');
    await p.close();

    const c = await context.newPage();
    const cwarned = warnings(c);
    await c.goto(server.url + 'compact.html');
    await c.waitForFunction(() => window.nianbao && customElements.get('nianbao-check'));
    assert.ok(await lines(c) >= 5, `compact keeps a box of five lines or more (${(await lines(c)).toFixed(1)})`);
    await c.locator('nianbao-check textarea').fill(seed.text);
    await c.waitForFunction(() => !!document.querySelector('nianbao-check').shadowRoot.querySelector('details summary'));
    await c.locator('nianbao-check summary').click();
    await c.locator(`nianbao-check li[data-start="${last.location.start.utf16}"] button`).first().click();
    assert.equal(await c.evaluate(() => document.querySelector('nianbao-check').shadowRoot.querySelector('textarea').selectionStart),
      last.location.start.utf16, 'compact: the unfolded list selects too');
    assert.deepEqual(cwarned, []);
    await c.close();
    console.log(`embed: README's element in a 760 px column: ${shown.items.length} findings with their fixes and rule names, ids on one line, none cut; a click selects in the box; compact keeps a usable box`);
  } finally {
    await server.close();
  }
}

async function testDemo(context, frameServer) {
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(frameServer.url + 'demo.html');
  const frame = await frameOf(page);
  await frame.fill('#input', fixture('seeds', '001_').text);
  await page.waitForFunction(() => /^检查结果：\d+ 个错误/.test(document.getElementById('frame-result').textContent));
  await page.evaluate(() => window.nianbao.ready());
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(await violations(frame), []);
  assert.deepEqual(problems.console, []);
  await page.close();
  console.log('embed: the demo host page (iframe + element) works under the strict CSP');
}

run('embed', () => withBrowser(async (context) => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'nianbao-embed-'));
  const frameServer = await serve({ root: dist, port: 0 });
  try {
    await testIframe(context, tmp, frameServer);
    await testElements(context, tmp);
    await testElementInColumn(context, tmp);
    await testDemo(context, frameServer);
  } finally {
    await frameServer.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}));
