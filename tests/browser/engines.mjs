// The user's path in two engines: Debian's Chromium (playwright-core) and Debian's
// Firefox ESR (puppeteer-core over WebDriver BiDi), one test body for both
// (lib/engines.mjs), and the same findings in both as the native CLI:
//  - the served page under the strict CSP header: seed 001 typed, its findings;
//    clicking a finding selects exactly its characters; F8 / Shift+F8 step through them;
//  - the one-file page from file:// (its worker from a Blob, its own meta CSP);
//  - input: a GB18030 .txt dropped on the box, a .docx and an OFD (the real
//    report 006 on five pages, tests/fixtures/ofd) picked with 打开文件…;
//  - embedding: README's iframe snippet in a host page of another origin whose CSP
//    allows only its own scripts and the frame;
//  - below the baseline: without Element.replaceChildren the page says which
//    browser it needs; without structuredClone a dropped PDF says what PDF needs.
// Zero CSP violations and no page or console error on the working pages.
// Run: node tests/browser/engines.mjs [chromium|firefox]   (after scripts/build.sh)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { makeDocx } from '../lib/docx.mjs';
import { CSP, cliCheck, dist, fixture, repo, run, serve, singleFileUrl } from './lib/browser.mjs';
import { ENGINES, withEngine } from './lib/engines.mjs';

const spans = (list) => list.map((f) => `${f.rule}@${f.start}-${f.end}`).sort();
const cliSpans = (file) => spans(cliCheck(file).findings.map((f) => ({ rule: f.id, start: f.location.start.utf16, end: f.location.end.utf16 })));

// ---- the page's own signals, read the same way in both engines ----

async function open(browser, url, init) {
  const page = await browser.newPage();
  await page.initScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  if (init) await page.initScript(init);
  await page.goto(url);
  return page;
}

async function ready(page) {
  await page.waitFor(() => document.body && /^(ready|error)$/.test(document.body.dataset.state || ''));
  const state = await page.evaluate(() => [document.body.dataset.state, document.getElementById('status').textContent]);
  assert.equal(state[0], 'ready', `page state ${state.join(': ')}`);
}

const checks = (page) => page.evaluate(() => Number(document.body.dataset.checks || 0));
const waitChecked = (page, before) => page.waitFor((n) => Number(document.body.dataset.checks || 0) > n && !document.body.dataset.busy, before);

async function type(page, text) {
  const before = await checks(page);
  await page.evaluate((t) => {
    const box = document.getElementById('input');
    box.focus();
    box.value = t;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await waitChecked(page, before);
}

const findings = (page) => page.evaluate(() => [...document.querySelectorAll('#findings [data-rule]')].map((e) => ({
  rule: e.dataset.rule, start: e.dataset.start === undefined ? null : Number(e.dataset.start),
  end: e.dataset.end === undefined ? null : Number(e.dataset.end),
})));

const selection = (page) => page.evaluate(() => {
  const t = document.getElementById('input');
  return { start: t.selectionStart, end: t.selectionEnd, focused: document.activeElement === t };
});

// A drop of one file on the box, with a DataTransfer made in the page.
async function drop(page, name, bytes, type = 'text/plain') {
  await page.evaluate(({ name, data, type }) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(data)], name, { type }));
    const box = document.getElementById('input');
    for (const kind of ['dragenter', 'dragover', 'drop'])
      box.dispatchEvent(new DragEvent(kind, { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, { name, data: [...bytes], type });
}

async function clean(page, what, allowed = null) {
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], `${what}: no CSP violation`);
  assert.deepEqual(page.errors.filter((e) => !(allowed && allowed.test(e))), [], `${what}: no page or console error`);
}

// ---- the path ----

async function servedPage(browser, url, seed) {
  const page = await open(browser, url);
  await ready(page);
  await type(page, seed.text);
  const shown = await findings(page);
  assert.deepEqual(spans(shown), cliSpans(seed.file), 'served page: the findings of the CLI');

  // Clicking a finding selects exactly its characters.
  const label = shown.find((f) => f.rule === 'row-label');
  await page.click('#findings li[data-rule="row-label"] button.finding');
  assert.deepEqual(await selection(page), { start: label.start, end: label.end, focused: true }, 'click selects the finding');
  const text = await page.evaluate(() => { const t = document.getElementById('input'); return t.value.slice(t.selectionStart, t.selectionEnd); });
  assert.equal(text, '本年度止件数');

  // The keyboard: F8 the next finding, Shift+F8 back.
  const current = () => page.evaluate(() => {
    const li = document.querySelector('#findings li[aria-current]');
    return li ? Number(li.dataset.index) : null;
  });
  const at = await current();
  await page.press('F8');
  const next = await current();
  assert.notEqual(next, at, 'F8 moves to the next finding');
  const li = await page.evaluate(() => { const e = document.querySelector('#findings li[aria-current]'); return { start: e.dataset.start, end: e.dataset.end }; });
  if (li.start !== undefined) assert.deepEqual(await selection(page), { start: Number(li.start), end: Number(li.end), focused: true }, 'and selects it');
  await page.press('Shift+F8');
  assert.equal(await current(), at, 'Shift+F8 moves back');
  await clean(page, 'served page');
  await page.close();
  return spans(shown);
}

async function oneFile(browser, seed) {
  const page = await open(browser, singleFileUrl);
  await ready(page);
  await type(page, seed.text);
  const shown = spans(await findings(page));
  assert.deepEqual(shown, cliSpans(seed.file), 'one file from file://: the findings of the CLI');
  await clean(page, 'one file');
  await page.close();
  return shown;
}

async function inputs(browser, url, seed, tmp) {
  const page = await open(browser, url);
  await ready(page);
  // A GB18030 .txt dropped on the box.
  const gb = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: Buffer.from(seed.text, 'utf8') });
  assert.equal(gb.status, 0, 'iconv');
  let before = await checks(page);
  await drop(page, '年报.txt', gb.stdout);
  await waitChecked(page, before);
  assert.equal(await page.evaluate(() => document.getElementById('input').value), seed.text.replace(/^\uFEFF/, ''), 'the GB18030 drop is decoded');
  const dropped = spans(await findings(page));
  assert.deepEqual(dropped, cliSpans(seed.file), 'dropped GB18030: the findings of the CLI');
  // A .docx picked with 打开文件… (the core's zip reader; inflate by the engine's deflate-raw).
  const docx = path.join(tmp, '年报.docx');
  writeFileSync(docx, makeDocx(seed.text));
  before = await checks(page);
  await page.upload('#file', docx);
  await waitChecked(page, before);
  const picked = spans(await findings(page));
  assert.deepEqual(picked, cliSpans(docx), 'picked .docx: the findings of the CLI');
  // An OFD picked likewise (the core's rounds: OFD.xml, Document.xml, the pages).
  const ofd = path.join(repo, 'tests', 'fixtures', 'ofd', 'report-huaian_city_2024.ofd');
  before = await checks(page);
  await page.upload('#file', ofd);
  await waitChecked(page, before);
  const pickedOfd = spans(await findings(page));
  assert.deepEqual(pickedOfd, cliSpans(ofd), 'picked OFD: the findings of the CLI');
  await clean(page, 'inputs');
  await page.close();
  return { dropped, picked, pickedOfd };
}

// README's iframe snippet, its script moved to the host's own file, in a host whose CSP
// allows only 'self' scripts and the frame's origin.
async function embedded(browser, nianbaoUrl, seed, tmp) {
  const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
  const snippet = /<!-- snippet: iframe -->\n```html\n([\s\S]*?)```/.exec(readme)[1];
  const [, iframe, script] = /^([\s\S]*?<\/iframe>)\s*<script>([\s\S]*)<\/script>\s*$/.exec(snippet);
  const hostDir = mkdtempSync(path.join(tmp, 'host-'));
  const host = await serve({ root: hostDir, port: 0, csp: "default-src 'self'; script-src 'self'; style-src 'self'; frame-src " + new URL(nianbaoUrl).origin });
  try {
    const hostOrigin = new URL(host.url).origin;
    const frame = iframe.replace('https://nianbao.example.org/', nianbaoUrl).replace('https://www.example.gov.cn', hostOrigin);
    writeFileSync(path.join(hostDir, 'index.html'), `<!doctype html><meta charset="utf-8"><title>host</title>\n${frame}\n<script src="host.js"></script>\n`);
    writeFileSync(path.join(hostDir, 'host.js'), script);
    writeFileSync(path.join(hostDir, 'favicon.ico'), '');
    const page = await open(browser, host.url);
    const result = await page.evaluate((t) => window.nianbaoCheck(t).then((r) => r.findings.map((f) => ({
      rule: f.id, start: f.location.start.utf16, end: f.location.end.utf16 }))), seed.text);
    const shown = spans(result);
    assert.deepEqual(shown, cliSpans(seed.file), 'embedded in a strict-CSP host: the findings of the CLI');
    // The frame posts to its parent's origin only (from the referrer where the
    // engine has no location.ancestorOrigins): Firefox logs no dropped message.
    await clean(page, 'host page');
    await page.close();
    return shown;
  } finally {
    await host.close();
  }
}

async function belowBaseline(browser, url) {
  let page = await open(browser, url, () => { delete Element.prototype.replaceChildren; });
  await page.waitFor(() => !!document.getElementById('baseline'));
  const message = await page.evaluate(() => document.getElementById('baseline').textContent);
  assert.match(message, /Chromium 86.*Firefox ESR 115.*Chromium 86.*Firefox ESR 115/s, 'the page names the versions it needs, in both languages');
  assert.equal(await page.evaluate(() => document.body.dataset.state), 'error');
  await page.close();

  page = await open(browser, url, () => { delete window.structuredClone; });
  await ready(page);
  await drop(page, 'report.pdf', Buffer.from('%PDF-1.4\n'), 'application/pdf');
  await page.waitFor(() => /Chromium 98/.test(document.getElementById('notice').textContent));
  await clean(page, 'PDF below its baseline');
  await page.close();
}

async function main() {
  const only = process.argv[2];
  const engines = only ? [only] : ENGINES;
  const seed = fixture('seeds', '001_');
  const tmp = mkdtempSync(path.join(tmpdir(), 'nianbao-engines-'));
  const server = await serve({ root: dist, port: 0, csp: CSP });
  const results = {};
  try {
    for (const engine of engines) {
      const start = Date.now();
      results[engine] = await withEngine(engine, async (browser) => {
        const r = {};
        r.served = await servedPage(browser, server.url, seed);
        r.oneFile = await oneFile(browser, seed);
        r.inputs = await inputs(browser, server.url, seed, tmp);
        r.embedded = await embedded(browser, server.url, seed, tmp);
        await belowBaseline(browser, server.url);
        const name = browser.version ? `${engine} (${browser.version})` : engine;
        console.log(`engines: ${name}: served page (${r.served.length} findings, click, F8), file://, GB18030 drop, .docx and OFD picks, ` +
          `strict-CSP host, below-baseline messages: ${((Date.now() - start) / 1000).toFixed(1)} s`);
        return r;
      });
    }
    if (results.chromium && results.firefox) assert.deepEqual(results.firefox, results.chromium, 'Firefox shows what Chromium shows');
  } finally {
    await server.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

run('engines', main);
