// Shared by the browser tests (this folder is not run as a test itself):
// Debian's Chromium through playwright-core, dist/ served with the page's CSP,
// and the page's own signals (body[data-state], body[data-checks]).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { chromium } from 'playwright-core';

import { CSP, serve } from '../../../scripts/serve.mjs';

export { CSP, serve };
export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const dist = path.resolve(repo, process.env.NIANBAO_DIST || 'dist');
export const artifacts = path.join(repo, 'tests', 'browser', 'artifacts');
export const singleFileUrl = pathToFileURL(path.join(dist, 'nianbao.html')).href;
const READY_TIMEOUT = 20000;

export function fixture(dir, prefix) {
  const folder = path.join(repo, 'tests', 'fixtures', dir);
  const name = readdirSync(folder).sort().find((n) => n.startsWith(prefix));
  assert.ok(name, `no ${prefix}* in ${folder}`);
  return { name, file: path.join(folder, name), text: new TextDecoder('utf-8').decode(readFileSync(path.join(folder, name))) };
}

// Seed 001 one year earlier, with `cells` in its 结转下年度继续办理 row.
export function lastYear(text, cells) {
  return text.replace(/2024(\s*)年/g, '2023$1年').replace(/2025(\s*)年/g, '2024$1年')
    .replace(/^(\s*四、结转下年度继续办理\t*)[\d\t]+$/m, (_, head) => head + cells.join('\t'));
}

// The native CLI's JSON for a file: what the page must agree with.
export function cliCheck(file) {
  const r = spawnSync(path.resolve(repo, process.env.NIANBAO_BUILD_NATIVE || 'build-native', 'cli', 'nianbao'), ['check', '--format', 'json', file]);
  assert.ok(r.status === 0 || r.status === 1, `nianbao check ${file}: exit ${r.status} ${r.stderr}`);
  return JSON.parse(r.stdout.toString('utf8'));
}

// Runs fn(context) in a fresh persistent Chromium profile, then cleans up.
export async function withBrowser(fn, options = {}) {
  assert.ok(existsSync(path.join(dist, 'index.html')), 'run scripts/build.sh first (no dist/index.html)');
  const profile = mkdtempSync(path.join(tmpdir(), 'nianbao-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      headless: true,
      acceptDownloads: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      ...options,
    });
    // Every CSP violation the page or its worker sees is kept on window.
    await context.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__cspViolations.push(`${e.effectiveDirective} ${e.blockedURI}`);
      });
    });
    return await fn(context);
  } finally {
    if (context) await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

export async function withServer(fn, csp = CSP) {
  const server = await serve({ root: dist, port: 0, csp });
  try {
    return await fn(server);
  } finally {
    await server.close();
  }
}

// Console errors, page errors and CSP messages of a page (and its workers).
export function watch(page) {
  const problems = { console: [], csp: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.console.push(`${msg.text()} (${msg.location().url || 'page'})`);
    if (/Content Security Policy/i.test(msg.text())) problems.csp.push(msg.text());
  });
  page.on('pageerror', (err) => problems.console.push(`pageerror: ${err.message}`));
  page.on('worker', (worker) => worker.on('console', (msg) => {
    if (msg.type() === 'error') problems.console.push(`worker: ${msg.text()}`);
  }));
  return problems;
}

export async function assertClean(page, problems) {
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'no CSP violation');
  assert.deepEqual(problems.csp, [], 'no CSP message in the console');
  assert.deepEqual(problems.console, [], 'no console error');
}

export async function waitReady(page) {
  await page.waitForSelector('body[data-state="ready"], body[data-state="error"]', { timeout: READY_TIMEOUT });
  const state = await page.getAttribute('body', 'data-state');
  assert.equal(state, 'ready', `page state ${state}: ${await page.textContent('#status')}`);
}

// Clicks the language button and waits until the page is in the other
// language: English words load on demand, so the switch is not immediate.
export async function toggleLang(page) {
  const before = await page.getAttribute('html', 'lang');
  await page.click('#lang');
  await page.waitForFunction((b) => document.documentElement.lang !== b, before);
}

// A new page of the context at `url`, watched (problems: watch's) and ready.
export async function openReady(context, url) {
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(url);
  await waitReady(page);
  return { page, problems };
}

export async function checks(page) {
  return Number((await page.getAttribute('body', 'data-checks')) || 0);
}

// Waits until a check that started after `before` has been shown.
export async function waitChecked(page, before, timeout = 20000) {
  await page.waitForFunction((n) => Number(document.body.dataset.checks || 0) > n && !document.body.dataset.busy,
    before, { timeout });
}

// Types the text (fill fires one input event) and waits for the debounced check.
export async function fillAndWait(page, text) {
  const before = await checks(page);
  await page.fill('#input', text);
  await waitChecked(page, before);
}

export async function findings(page) {
  return page.$$eval('#findings [data-rule]', (els) => els.map((e) => ({
    rule: e.dataset.rule, severity: e.dataset.severity,
    start: e.dataset.start === undefined ? null : Number(e.dataset.start),
    end: e.dataset.end === undefined ? null : Number(e.dataset.end),
  })));
}

export async function selection(page) {
  return page.$eval('#input', (t) => ({
    start: t.selectionStart, end: t.selectionEnd, text: t.value.slice(t.selectionStart, t.selectionEnd),
    focused: document.activeElement === t,
  }));
}

// A synthetic drop of one file on the textarea (Chromium accepts a DataTransfer built in the page).
export async function dropFile(page, name, bytes, type = 'text/plain') {
  const dt = await page.evaluateHandle(({ name, data, type }) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(data)], name, { type }));
    return transfer;
  }, { name, data: [...bytes], type });
  for (const event of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent('#input', event, { dataTransfer: dt });
}

// A paste into the textarea whose clipboard carries text/html (and text/plain).
export async function pasteHtml(page, html, plain = '') {
  await page.focus('#input');
  await page.evaluate(({ html, plain }) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', plain);
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    document.getElementById('input').dispatchEvent(event);
  }, { html, plain });
}

export function screenshotPath(name) {
  mkdirSync(artifacts, { recursive: true });
  return path.join(artifacts, name);
}

// Runs a test file's main, printing one line per passed part, failing the process on error.
export function run(name, main) {
  main().then(() => console.log(`${name}: all passed`), (err) => {
    console.error(`${name}: FAILED: ${err.stack || err}`);
    process.exit(1);
  });
}
