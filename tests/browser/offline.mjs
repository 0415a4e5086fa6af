// Offline and no-network behaviour, in Debian's Chromium:
//  - dist/nianbao.html opened from file:// gets ready with its checking worker
//    made from a Blob, shows seed 001's findings as the CLI does, under its own
//    meta CSP (which does block an injected inline script) with zero
//    violations, and makes no request at all;
//  - the served page makes zero network requests after it is ready (and its
//    service worker has stored the site), whatever the user does: typing,
//    pasting HTML, the sample, selecting findings, switching language, exports;
//    what it loads on demand (later.js, rules.json) comes from the service
//    worker's store, and a request it answers is none;
//  - reloaded with the network off, the served page still loads and checks.
// Run: node tests/browser/offline.mjs   (after scripts/build.sh)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { assertClean, checks, cliCheck, dist, dropFile, fillAndWait, findings, fixture, pasteHtml, run, singleFileUrl, toggleLang, waitChecked, waitReady, watch, withBrowser, withServer } from './lib/browser.mjs';

const spans = (list) => list.map((f) => `${f.rule}@${f.start}-${f.end}`).sort();

async function testSingleFile(context) {
  const requests = [];
  const onRequest = (r) => requests.push(r.url());
  context.on('request', onRequest);
  const page = await context.newPage();
  const problems = watch(page);
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto(singleFileUrl);
  await waitReady(page);
  assert.ok(workers.length === 1 && workers[0].startsWith('blob:'), `the worker is a Blob: ${workers}`);

  const seed = fixture('seeds', '001_');
  await fillAndWait(page, seed.text);
  const cli = cliCheck(seed.file).findings.map((f) => ({ rule: f.id, start: f.location.start.utf16, end: f.location.end.utf16 }));
  assert.deepEqual(spans(await findings(page)), spans(cli), 'the same findings as the CLI');
  await assertClean(page, problems);

  // What the served page loads on demand, the file carries: the rule docs' texts
  // (rules.json as #nb-rules), the sample (later.js), the file readers (their module).
  const doc = JSON.parse(readFileSync(path.join(dist, 'rules.json'), 'utf8')).find((r) => r.id === 'apply-row-total');
  await page.evaluate(() => { document.getElementById('rules-panel').open = true; });
  await page.waitForFunction((what) => document.getElementById('rule-apply-row-total').textContent.includes(what), doc.what);
  let before = await checks(page);
  await page.click('#sample');
  await waitChecked(page, before);
  const gb = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: Buffer.from(seed.text, 'utf8') });
  assert.equal(gb.status, 0, 'iconv makes the GB18030 file');
  before = await checks(page);
  await dropFile(page, '年报.txt', gb.stdout);
  await waitChecked(page, before);
  assert.equal(await page.inputValue('#input'), seed.text.replace(/^\uFEFF/, ''), 'a GB18030 file read by the readers\' module');
  await assertClean(page, problems);

  // The policy is in force: an inline script that is not one of the page's own is refused.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = 1';
    document.body.append(s);
  });
  assert.equal(await page.evaluate(() => window.__injected), undefined, 'an injected inline script does not run');
  assert.equal((await page.evaluate(() => window.__cspViolations)).length, 1, 'and is reported as the one violation');

  // A PDF dropped on the one-file page (no pdf.js in it) is said in the results panel.
  await dropFile(page, '年报.pdf', Buffer.from('%PDF-1.7\n', 'latin1'), 'application/pdf');
  await page.waitForSelector('#results #notice:not([hidden])');
  assert.match(await page.textContent('#notice'), /年报\.pdf：这个单文件版不支持 PDF.*另存为 \.docx 或 \.txt/, 'no PDF here, and what to do, where the eye is');
  assert.equal(await page.inputValue('#input'), seed.text, 'the text is kept');

  // blob: is the worker's script, made in the page: not a request to anywhere.
  assert.deepEqual(requests.filter((u) => u !== singleFileUrl && !u.startsWith('blob:')), [], 'no request but the file itself');
  context.off('request', onRequest);
  await page.close();
  console.log('offline: the one-file page from file:// checks in a Blob worker under its own CSP, with no request');
}

async function testNoRequestsAfterLoad(context, url) {
  const page = await context.newPage();
  const problems = watch(page);
  const loading = [];
  const onLoad = (r) => loading.push(new URL(r.url()).pathname);
  context.on('request', onLoad);
  await page.goto(url);
  await waitReady(page);
  // The service worker stores the site as part of loading: wait for it.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 10000 });
  context.off('request', onLoad);
  assert.ok(loading.includes('/nianbao.wasm') && loading.includes('/worker.js'), `the recorder sees the worker's requests: ${loading}`);

  // Every http(s) request that the service worker did not answer from its store.
  const requests = [];
  const served = [];
  const onResponse = (r) => {
    if (!/^https?:/.test(r.url())) return;
    if (r.fromServiceWorker()) served.push(new URL(r.url()).pathname);
    else requests.push(r.url());
  };
  const onFailed = (r) => {
    if (/^https?:/.test(r.url())) requests.push(`${r.url()} (failed)`);
  };
  context.on('response', onResponse);
  context.on('requestfailed', onFailed);

  const seed = fixture('seeds', '001_');
  await fillAndWait(page, seed.text);
  await page.locator('#findings button.finding').first().click();
  await page.keyboard.press('F8');
  let before = await checks(page);
  await pasteHtml(page, '<table><tr><td>行政许可</td><td>3</td></tr></table>');
  await waitChecked(page, before);
  before = await checks(page);
  await page.click('#sample');
  await waitChecked(page, before);
  await toggleLang(page);
  await toggleLang(page);
  await page.click('a.doc >> nth=0');
  for (const id of ['#export-json', '#export-csv']) {
    const download = page.waitForEvent('download');
    await page.click(id);
    await (await download).path();
  }
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'screen' });

  context.off('response', onResponse);
  context.off('requestfailed', onFailed);
  assert.deepEqual(requests, [], 'no network request after load');
  for (const f of ['/later.js', '/rules.json']) assert.ok(served.includes(f), `${f} on demand, from the service worker's store: ${served}`);
  await assertClean(page, problems);
  await page.close();
  console.log('offline: zero requests after load (typing, HTML paste, sample, selection, language, docs, exports, print)');
}

async function testOfflineReload(context, url) {
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(url);
  await waitReady(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await context.setOffline(true);
  try {
    await page.reload();
    await waitReady(page);
    const before = await checks(page);
    await page.click('#sample');
    await waitChecked(page, before);
    assert.ok((await findings(page)).length > 0, 'it checks');
  } finally {
    await context.setOffline(false);
  }
  await assertClean(page, problems);
  await page.close();
  console.log('offline: the served page reloads and checks with the network off (service worker)');
}

run('offline', () => withBrowser(async (context) => {
  await testSingleFile(context);
  await withServer(async (s) => {
    await testNoRequestsAfterLoad(context, s.url);
    await testOfflineReload(context, s.url);
  });
}));
