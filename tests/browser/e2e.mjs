// End-to-end test of the page in Debian's Chromium (playwright-core):
//  1. dist/ served with the strict CSP: the page reaches "ready" with no CSP
//     violation and no console error, checks seed 001 as it is typed, shows a
//     verdict (and findings, which select their range when clicked), and never
//     turns pasted markup into elements;
//  2. the one-file dist/nianbao.html from file:// reaches "ready" and checks;
//  3. with 'wasm-unsafe-eval' missing from the CSP the page says it cannot
//     load, instead of "loading" forever.
// Run: node tests/browser/e2e.mjs   (after scripts/build.sh). Screenshots go to
// tests/browser/artifacts/.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { chromium } from 'playwright-core';

import { CSP, serve } from '../../scripts/serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const dist = path.join(repo, 'dist');
const artifacts = path.join(here, 'artifacts');
const shared = path.resolve(process.env.SHARED || path.join(repo, '..', 'shared'));
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const READY_TIMEOUT = 20000;

function seedText() {
  const dir = path.join(shared, 'seeds');
  const name = existsSync(dir) && readdirSync(dir).sort().find((n) => n.startsWith('001_') && n.endsWith('.txt'));
  if (name) return new TextDecoder('utf-8').decode(readFileSync(path.join(dir, name)));
  console.log(`e2e: no seed 001 in ${dir}; using a short sample`);
  return '某某镇人民政府2024年政府信息公开工作年度报告\n一、总体情况\n本年度未收到政府信息公开申请。\n';
}

// Collects console errors, page errors and CSP violations of a page.
function watch(page) {
  const problems = { console: [], csp: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.console.push(`${msg.text()} (${msg.location().url || 'page'})`);
  });
  page.on('pageerror', (err) => problems.console.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) problems.csp.push(msg.text());
  });
  return problems;
}

async function cspViolations(page) {
  return page.evaluate(() => window.__cspViolations || []);
}

async function waitReady(page) {
  await page.waitForSelector('body[data-state="ready"], body[data-state="error"]', { timeout: READY_TIMEOUT });
  const state = await page.getAttribute('body', 'data-state');
  const status = await page.textContent('#status');
  assert.equal(state, 'ready', `page state ${state}: ${status}`);
}

// Types the text (fill fires one input event), waits for the debounced check.
async function fillAndWait(page, text) {
  const before = Number((await page.getAttribute('body', 'data-checks')) || 0);
  await page.fill('#input', text);
  await page.waitForFunction((n) => Number(document.body.dataset.checks || 0) > n, before, { timeout: 10000 });
}

async function testServedPage(context, url) {
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(url);
  await waitReady(page);
  assert.match(await page.textContent('#version'), /\S/, 'the version is shown');

  const text = seedText();
  await fillAndWait(page, text);
  const summary = (await page.textContent('#summary')).trim();
  const verdict = await page.getAttribute('#summary', 'data-verdict');
  const findings = await page.$$eval('#findings [data-rule]', (els) =>
    els.map((e) => ({ rule: e.dataset.rule, severity: e.dataset.severity, start: e.dataset.start, end: e.dataset.end })));
  assert.ok(summary.length > 0 || findings.length > 0, 'the page shows a verdict or findings');
  assert.ok(['errors', 'warnings', 'clean'].includes(verdict), `verdict ${verdict}`);
  for (const f of findings) {
    assert.ok(f.rule, 'every finding has data-rule');
    assert.ok(['error', 'warning', 'info'].includes(f.severity), `data-severity ${f.severity}`);
  }
  if (findings.some((f) => f.severity === 'error')) assert.equal(verdict, 'errors');
  JSON.parse(await page.textContent('#model'));   // the model is shown as JSON text

  const located = findings.findIndex((f) => f.start !== undefined);
  if (located >= 0) {
    const bottom = await page.$eval('#input', (t) => (t.scrollTop = t.scrollHeight - t.clientHeight));
    await page.locator('#findings [data-rule]').nth(located).locator('button').click();
    const sel = await page.$eval('#input', (t) => [t.selectionStart, t.selectionEnd, document.activeElement === t]);
    assert.deepEqual(sel, [Number(findings[located].start), Number(findings[located].end), true],
      'clicking a finding selects its range in the textarea');
    if (Number(findings[located].start) < text.length / 3 && bottom > 0) {
      assert.ok((await page.$eval('#input', (t) => t.scrollTop)) < bottom, 'the textarea scrolls to the finding');
    }
  }
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, 'e2e-served.png'), fullPage: true });

  // Pasted markup stays text.
  await fillAndWait(page, '<img src=x id=injected><script>window.__pwned=1</script>\n' + text);
  assert.equal(await page.$$eval('#injected, #findings img, #model *, #summary *', (els) => els.length), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);

  // The 检查 button checks too.
  const n = Number(await page.getAttribute('body', 'data-checks'));
  await page.click('#check');
  await page.waitForFunction((k) => Number(document.body.dataset.checks) > k, n);

  assert.deepEqual(await cspViolations(page), [], 'no CSP violation');
  assert.deepEqual(problems.csp, [], 'no CSP message in the console');
  assert.deepEqual(problems.console, [], 'no console error');
  await page.close();
  console.log(`e2e: served page ok (${findings.length} findings, verdict ${verdict})`);
}

async function testSingleFile(context) {
  const file = path.join(dist, 'nianbao.html');
  assert.ok(existsSync(file), `${file} exists`);
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(pathToFileURL(file).href);
  await waitReady(page);
  await fillAndWait(page, seedText());
  assert.match((await page.textContent('#summary')).trim(), /\S/, 'a verdict');
  await page.screenshot({ path: path.join(artifacts, 'e2e-single-file.png'), fullPage: true });
  assert.deepEqual(problems.console, [], 'no console error');
  await page.close();
  console.log('e2e: one-file page from file:// ok');
}

async function testBlockedModule(context) {
  const strictest = "default-src 'self'; script-src 'self'; style-src 'self'";
  const server = await serve({ root: dist, port: 0, csp: strictest });
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector('body[data-state="error"]', { timeout: READY_TIMEOUT });
    assert.match(await page.textContent('#status'), /无法加载/);
    assert.equal(await page.isDisabled('#check'), true);
    await page.close();
    console.log('e2e: blocked module reported');
  } finally {
    await server.close();
  }
}

async function main() {
  assert.ok(existsSync(path.join(dist, 'index.html')), 'run scripts/build.sh first (no dist/index.html)');
  const profile = mkdtempSync(path.join(tmpdir(), 'nianbao-chromium-'));
  const server = await serve({ root: dist, port: 0, csp: CSP });
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    await context.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__cspViolations.push(`${e.effectiveDirective} ${e.blockedURI}`);
      });
    });
    await testServedPage(context, server.url);
    await testSingleFile(context);
    await testBlockedModule(context);
  } finally {
    if (context) await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
  console.log('e2e: all passed');
}

main().catch((err) => {
  console.error(`e2e: FAILED: ${err.stack || err}`);
  process.exit(1);
});
