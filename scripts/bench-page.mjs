#!/usr/bin/env node
// Page figures for scripts/bench.sh (printed, not asserted), in Debian's Chromium:
//  1. bytes the served page loads until ready (first visit), each file gzipped
//     (-9) as a server would send it; the page's own files apart from the module.
//     Not counted: what the service worker fetches for its store (it is
//     registered once the page is ready, and stores what loads on demand too);
//     what loads on demand (later.js, rules.json, nianbao-readers.*, pdfjs/)
//     shows here only if the page asked for it before it was ready;
//  2. time from navigation to ready (the page's performance mark), first visit
//     and the median of later visits (fresh page each, files re-sent: no-cache);
//  3. time to check a 15 KB report in the page's worker (median of 50 checks)
//     and the same text natively: `nianbao check --format json` given the file
//     51 times in one process, pinned to one core (taskset -c 0), minus the same
//     with the file once, divided by 50 (process start and reading cancel out);
//     five rounds of each, in turns, and the ratio of the medians;
//  4. time to check a 5 MB text in the worker;
//  5. the embeds: the iframe page's own files and <nianbao-check>'s script, gzipped;
//  6. the PDF path, which the page loads only when a PDF is dropped (so not in 1):
//     the bytes dist/pdfjs/ adds, what a PDF drop loads, and the time from
//     dropping ../shared/real/huaian_city_2024.pdf (6 pages, WPS; the issue and ../shared/real/README say 7) to its result,
//     first drop (pdf.js loaded then) and a second drop; and the same PDF
//     picked in the file dialog of a fresh page, which starts loading pdf.js
//     when it opens: the dialog open 1 s, the time from the pick to the result;
//  7. the OFD path: the time from dropping the largest report OFD there is
//     (tests/fixtures/ofd/report-huaian_city_2024.ofd: real 006, 5 pages) to
//     its result, the first time (the readers' module loaded then) and a
//     second time, and the files the drop loads.
// The 15 KB report is tests/fixtures/real/006 (real tables with non-zero
// numbers) with narrative paragraphs of 007/008 added to section 一.
// Run: node scripts/bench-page.mjs   (after scripts/build.sh; NIANBAO_DIST and
// NIANBAO_BUILD_NATIVE point it at other builds, as for scripts/build.sh)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { chromium } from 'playwright-core';

import { CSP, serve } from './serve.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(repo, process.env.NIANBAO_DIST || 'dist');
const cli = path.resolve(repo, process.env.NIANBAO_BUILD_NATIVE || 'build-native', 'cli', 'nianbao');
const real = (name) => readFileSync(path.join(repo, 'tests', 'fixtures', 'real', name), 'utf8');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const gz = (buf) => gzipSync(buf, { level: 9 }).length;

// Section 一's paragraphs of a report: the lines between 一、总体情况 and 二、.
function section1(text) {
  const lines = text.split('\n');
  const from = lines.findIndex((l) => /^一、总体情况/.test(l.trim()));
  const to = lines.findIndex((l, i) => i > from && /^二、/.test(l.trim()));
  return lines.slice(from + 1, to);
}

export function report15k() {
  const base = real('006_huaian_city_2024.txt').split('\n');
  const extra = [...section1(real('007_hongze_district_2023.txt')), ...section1(real('008_hongze_district_2024.txt'))];
  const at = base.findIndex((l) => /^一、总体情况/.test(l.trim())) + 1;
  const added = [];
  for (let i = 0; Buffer.byteLength([...base, ...added].join('\n')) < 15 * 1024; i++) added.push(extra[i % extra.length]);
  base.splice(at, 0, ...added);
  return base.join('\n');
}

// One native figure: (n copies - 1 copy) / (n - 1), each the best of 3 runs.
function nativePerCheck(file, n = 51) {
  const time = (copies) => {
    let best = Infinity;
    for (let r = 0; r < 3; r++) {
      const t0 = process.hrtime.bigint();
      const p = spawnSync('taskset', ['-c', '0', cli, 'check', '--format', 'json', ...Array(copies).fill(file)], { maxBuffer: 1 << 30 });
      if (p.status !== 0 && p.status !== 1) throw new Error(`nianbao: exit ${p.status}: ${p.stderr}`);
      best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
    }
    return best;
  };
  return (time(n) - time(1)) / (n - 1);
}

async function main() {
  const profile = mkdtempSync(path.join(tmpdir(), 'nianbao-bench-'));
  const server = await serve({ root: dist, port: 0, csp: CSP });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    // 1 + 2: first visit.
    const loaded = new Map();
    // The service worker's own requests (its store, filled once the page is
    // ready, with what loads on demand too) are not the page's loading.
    const onResponse = (r) => {
      const u = new URL(r.url());
      if (r.request().serviceWorker()) return;
      if (u.origin + '/' === server.url) loaded.set(u.pathname === '/' ? '/index.html' : u.pathname, null);
    };
    context.on('response', onResponse);
    let page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector('body[data-state="ready"]');
    const first = await page.evaluate(() => performance.getEntriesByName('nianbao-ready')[0].startTime);
    context.off('response', onResponse);
    let total = 0;
    let own = 0;
    const rows = [];
    for (const name of [...loaded.keys()].sort()) {
      const bytes = readFileSync(path.join(dist, name));
      const g = gz(bytes);
      total += g;
      if (!/^\/nianbao\.(js|wasm)$/.test(name)) own += g;
      const note = name === '/sw.js' ? '  (the service worker, registered once ready)' : '';
      rows.push(`    ${name.padEnd(16)} ${String(bytes.length).padStart(8)} B  ${String(g).padStart(7)} B gz${note}`);
    }
    console.log(`page: bytes loaded until ready (first visit), gzip -9 each:\n${rows.join('\n')}`);
    console.log(`page: total ${kb(total)} gz (target <= 170 KB); the page's own HTML+CSS+JS ${kb(own)} gz (aim <= 25 KB); module ${kb(total - own)} gz`);
    const single = readFileSync(path.join(dist, 'nianbao.html'));
    console.log(`page: dist/nianbao.html (one file, wasm as base64) ${kb(single.length)}, ${kb(gz(single))} gz`);

    const later = [];
    for (let i = 0; i < 5; i++) {
      await page.close();
      page = await context.newPage();
      await page.goto(server.url);
      await page.waitForSelector('body[data-state="ready"]');
      later.push(await page.evaluate(() => performance.getEntriesByName('nianbao-ready')[0].startTime));
    }
    console.log(`page: navigation to ready ${first.toFixed(0)} ms first visit, ${median(later).toFixed(0)} ms median of 5 later visits`);

    // 3: a 15 KB report, page worker against native.
    const text = report15k();
    const tmp = mkdtempSync(path.join(tmpdir(), 'nianbao-bench-text-'));
    const file = path.join(tmp, 'report-15k.txt');
    writeFileSync(file, text);
    // Page and native in turns, so that a busy machine weighs on both alike.
    await page.evaluate((t) => NB.engine.request('time', { text: t, n: 20 }), text);   // warm-up
    const wasmRounds = [];
    const nativeRounds = [];
    for (let round = 0; round < 5; round++) {
      wasmRounds.push(median(await page.evaluate(async (t) => (await NB.engine.request('time', { text: t, n: 50 })).value, text)));
      nativeRounds.push(nativePerCheck(file));
    }
    const wasm = median(wasmRounds);
    const native = median(nativeRounds);
    console.log(`page: check of a ${kb(Buffer.byteLength(text))} report (${text.length} characters, tests/fixtures/real/006 + section 一 of 007/008): `
      + `${wasm.toFixed(2)} ms in the worker (target <= 5 ms); native ${native.toFixed(2)} ms `
      + `(51 vs 1 copies in one process, one core); ratio ${(wasm / native).toFixed(2)}x (target <= 3x); medians of 5 alternating rounds`);

    // 4: 5 MB.
    const big = text.repeat(Math.ceil(5e6 / Buffer.byteLength(text)));
    const bigMs = await page.evaluate(async (t) => (await NB.engine.request('time', { text: t, n: 3 })).value, big);
    console.log(`page: check of a ${(Buffer.byteLength(big) / 1e6).toFixed(1)} MB text in the worker: ${median(bigMs).toFixed(0)} ms (median of 3)`);
    rmSync(tmp, { recursive: true, force: true });

    // 5: the embeds.
    const gzOf = (names) => names.reduce((n, f) => n + gz(readFileSync(path.join(dist, f))), 0);
    const frameOwn = ['embed.html', 'embed.css', 'i18n.js', 'render.js', 'engine.js', 'embed.js', 'worker.js'];
    console.log(`page: embeds: the iframe page's own files ${kb(gzOf(frameOwn))} gz (${frameOwn.join(', ')}; plus the module); `
      + `nianbao-check.js ${kb(statSync(path.join(dist, 'nianbao-check.js')).size)}, ${kb(gzOf(['nianbao-check.js']))} gz (plus worker.js and the module)`);

    // A file dropped on a fresh page, twice: the time from each drop to its
    // result, and what the first drop loaded (pdf.js and its CMaps, the
    // worker's file readers), each path in dist/.
    const gzOfDist = (files) => files.reduce((n, f) => n + gz(readFileSync(path.join(dist, f))), 0);
    const dropTwice = async (bytes, name, type) => {
      const loadedByDrop = new Set();
      const onLoad = (r) => {
        const u = new URL(r.url());
        if (u.pathname.startsWith('/pdfjs/') || /^\/(nianbao-readers\.(js|wasm)|inflate\.js)$/.test(u.pathname)) loadedByDrop.add(u.pathname);
      };
      const drop = async () => {
        const before = await page.evaluate(() => Number(document.body.dataset.checks || 0));
        // The file is made in the page first (handing 400 KB to the page is not the page's time).
        const dt = await page.evaluateHandle(({ data, name, type }) => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([new Uint8Array(data)], name, { type }));
          return transfer;
        }, { data: [...bytes], name, type });
        for (const t of ['dragenter', 'dragover']) await page.dispatchEvent('#input', t, { dataTransfer: dt });
        await page.evaluate(() => { window.__dropAt = performance.now(); });
        await page.dispatchEvent('#input', 'drop', { dataTransfer: dt });
        await page.waitForFunction((n) => Number(document.body.dataset.checks || 0) > n && !document.body.dataset.busy, before, { timeout: 60000 });
        return page.evaluate(() => {
          // The PDF path's stages (web/pdftext.js' marks), from the drop, the last of each.
          const stages = ['start', 'loaded', 'opened', 'text', 'rulings', 'laid-out'].map((s) => {
            const marks = performance.getEntriesByName('nianbao-pdf-' + s).filter((m) => m.startTime >= window.__dropAt);
            performance.clearMarks('nianbao-pdf-' + s);
            return marks.length ? `${s} ${Math.round(marks[marks.length - 1].startTime - window.__dropAt)}` : null;
          }).filter(Boolean);
          const total = Math.round(performance.now() - window.__dropAt);
          return stages.length ? { total, stages: stages.join(', ') } : { total };
        });
      };
      await page.close();
      page = await context.newPage();
      await page.goto(server.url);
      await page.waitForSelector('body[data-state="ready"]');
      context.on('response', onLoad);
      const first = await drop();
      // The same text twice would not be checked again: empty the box first.
      await page.fill('#input', '');
      await page.waitForFunction(() => document.getElementById('summary').dataset.verdict === 'empty');
      const second = await drop();
      context.off('response', onLoad);
      return { first: first.total, second: second.total, stages: first.stages, files: [...loadedByDrop].sort() };
    };

    // 6: the PDF path.
    const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    const pdfFiles = walk(path.join(dist, 'pdfjs'));
    const pdfRaw = pdfFiles.reduce((n, f) => n + statSync(f).size, 0);
    const pdfGz = pdfFiles.reduce((n, f) => n + gz(readFileSync(f)), 0);
    console.log(`page: PDF support adds ${pdfFiles.length} files to dist/pdfjs: ${kb(pdfRaw)}, ${kb(pdfGz)} gz (not loaded at start; not in the one-file page)`);
    const realPdf = path.join(repo, '..', 'shared', 'real', 'huaian_city_2024.pdf');
    if (existsSync(realPdf)) {
      const bytes = readFileSync(realPdf);
      const { first, second, stages, files } = await dropTwice(bytes, 'report.pdf', 'application/pdf');
      console.log(`page: PDF path: dropping huaian_city_2024.pdf (${kb(bytes.length)}, 6 pages) to its result: ${first} ms the first time `
        + `(loads ${files.length} files, ${kb(gzOfDist(files))} gz: ${files.join(', ')}), ${second} ms the second time; `
        + `the first drop's stages, ms after the drop: ${stages}, result ${first}`);
      // Picked through the file dialog on a fresh page: pdf.js loads while the
      // dialog is open (1 s here; a person takes seconds), the time is from the pick.
      await page.close();
      page = await context.newPage();
      await page.goto(server.url);
      await page.waitForSelector('body[data-state="ready"]');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#open')]);
      await page.waitForTimeout(1000);
      const checked = await page.evaluate(() => { window.__pickAt = performance.now(); return Number(document.body.dataset.checks || 0); });
      await chooser.setFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: bytes });
      await page.waitForFunction((n) => Number(document.body.dataset.checks || 0) > n && !document.body.dataset.busy, checked, { timeout: 60000 });
      const picked = await page.evaluate(() => Math.round(performance.now() - window.__pickAt));
      console.log(`page: PDF path: picking huaian_city_2024.pdf in the file dialog (open 1 s) to its result: ${picked} ms the first time`);
    }

    // 7: the OFD path.
    const ofd = readFileSync(path.join(repo, 'tests', 'fixtures', 'ofd', 'report-huaian_city_2024.ofd'));
    const o = await dropTwice(ofd, 'report.ofd', 'application/ofd');
    console.log(`page: OFD path: dropping report-huaian_city_2024.ofd (${kb(ofd.length)}, 5 pages) to its result: ${o.first} ms the first time `
      + `(loads ${o.files.length} files, ${kb(gzOfDist(o.files))} gz: ${o.files.join(', ') || 'none'}), ${o.second} ms the second time`);
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`bench-page: ${e.stack || e}`);
  process.exit(1);
});
