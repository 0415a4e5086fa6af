// The release zip's EMBEDDING.md, in Debian's Chromium: what it promises holds.
//  - the iframe snippet runs in a host page whose CSP allows its script only by the
//    sha256 EMBEDDING.md gives (no 'unsafe-inline'), against the zip's site/ on another
//    origin: nianbaoCheck(seed 001) answers as the CLI, no CSP violation;
//  - the element snippet with its integrity (sha384) loads the zip's nianbao-check.js
//    and checks seed 001 as the CLI; a changed nianbao-check.js is refused.
// Run: node tests/browser/release.mjs   (after scripts/build.sh; it runs scripts/package.sh)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { cliCheck, fixture, repo, run, serve, watch, withBrowser } from './lib/browser.mjs';

const ELEMENT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const ids = (findings) => findings.map((f) => f.id);
const page = (body) => `<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>host</title>\n</head>\n<body>\n${body}</body>\n</html>\n`;

run('release', () => withBrowser(async (context) => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'nianbao-release-'));
  const servers = [];
  try {
    const version = /^project\(nianbao VERSION ([^ )]+)/m.exec(readFileSync(path.join(repo, 'CMakeLists.txt'), 'utf8'))[1];
    execFileSync(path.join(repo, 'scripts', 'package.sh'), { env: { ...process.env, OUT: path.join(tmp, 'out') }, stdio: 'ignore' });
    execFileSync('python3', ['-m', 'zipfile', '-e', path.join(tmp, 'out', `nianbao-${version}.zip`), path.join(tmp, 'unpacked')]);
    const top = path.join(tmp, 'unpacked', `nianbao-${version}`);
    const site = path.join(top, 'site');
    const embedding = readFileSync(path.join(top, 'EMBEDDING.md'), 'utf8');
    const [iframeSnippet, elementSnippet] = [...embedding.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1]);
    const hash = /script-src 'self' ('sha256-[A-Za-z0-9+/=]+')/.exec(embedding);
    assert.ok(iframeSnippet && elementSnippet && hash, 'EMBEDDING.md has both snippets and the script hash');
    assert.match(elementSnippet, /integrity="sha384-[A-Za-z0-9+/=]+"/);
    const seed = fixture('seeds', '001_');
    const cli = ids(cliCheck(seed.file).findings);

    // iframe: the zip's site on one origin, the host on another, its script allowed by hash only.
    const frameServer = await serve({ root: site, port: 0 });
    servers.push(frameServer);
    const frameOrigin = new URL(frameServer.url).origin;
    const hostDir = path.join(tmp, 'host');
    mkdirSync(hostDir);
    const hostServer = await serve({ root: hostDir, port: 0,
      csp: `default-src 'self'; script-src 'self' ${hash[1]}; style-src 'self'; frame-src ${frameOrigin}` });
    servers.push(hostServer);
    writeFileSync(path.join(hostDir, 'iframe.html'), page(iframeSnippet
      .replace('https://nianbao.example.org', frameOrigin).replace('https://www.example.gov.cn', new URL(hostServer.url).origin)));
    let p = await context.newPage();
    let problems = watch(p);
    await p.goto(hostServer.url + 'iframe.html');
    const viaFrame = await p.evaluate((text) => window.nianbaoCheck(text), seed.text);
    assert.deepEqual(ids(viaFrame.findings), cli, 'the iframe snippet checks seed 001 as the CLI');
    assert.deepEqual(await p.evaluate(() => window.__cspViolations), [], 'no CSP violation in the host');
    assert.deepEqual(problems.csp, []);
    await p.close();
    console.log(`release: the iframe snippet runs under a host CSP that allows it by ${hash[1].slice(0, 16)}…`);

    // The element: the four files in the host's /static/nianbao/, and a changed copy.
    const elementDir = path.join(tmp, 'element');
    for (const [folder, change] of [['good', false], ['bad', true]]) {
      const lib = path.join(elementDir, folder, 'static', 'nianbao');
      mkdirSync(lib, { recursive: true });
      for (const f of ['nianbao-check.js', 'worker.js', 'nianbao.js', 'nianbao.wasm']) copyFileSync(path.join(site, f), path.join(lib, f));
      if (change) appendFileSync(path.join(lib, 'nianbao-check.js'), '\n// changed\n');
      writeFileSync(path.join(elementDir, folder, 'index.html'), page(elementSnippet.replace('/static/', `/${folder}/static/`)));
    }
    const elementServer = await serve({ root: elementDir, port: 0, csp: ELEMENT_CSP });
    servers.push(elementServer);
    p = await context.newPage();
    problems = watch(p);
    await p.goto(elementServer.url + 'good/');
    await p.waitForFunction(() => window.nianbao && customElements.get('nianbao-check'), null, { timeout: 20000 });
    const viaElement = await p.evaluate((text) => window.nianbao.check(text), seed.text);
    assert.deepEqual(ids(viaElement.findings), cli, 'the element checks seed 001 as the CLI');
    assert.ok(!problems.console.some((m) => /integrity/i.test(m)), problems.console.join('\n'));
    await p.close();
    p = await context.newPage();
    problems = watch(p);
    await p.goto(elementServer.url + 'bad/');
    await p.waitForFunction(() => document.readyState === 'complete');
    for (let i = 0; i < 50 && !problems.console.some((m) => /integrity/i.test(m)); i++) await p.waitForTimeout(100);
    assert.equal(await p.evaluate(() => typeof window.nianbao), 'undefined', 'a changed nianbao-check.js does not run');
    assert.ok(problems.console.some((m) => /integrity/i.test(m)), 'the browser says why');
    await p.close();
    console.log('release: the element snippet loads with its sha384; a changed nianbao-check.js is refused');
  } finally {
    for (const s of servers) await s.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}));
