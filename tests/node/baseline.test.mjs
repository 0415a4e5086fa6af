// The browser baseline (package.json "browserslist", the one place it is declared)
// against what dist/ ships:
//  - the page's JS parses at the baseline's language level (es-check with the
//    browserslist: ES2021 for Chromium 86) and uses no later ES built-in unguarded
//    (es-check --checkFeatures); dist/pdfjs/ is checked against the PDF baseline (ES2022);
//  - the web APIs the shipped JS uses are in the baseline, or guarded where they are not
//    (a table of APIs with the versions that brought them, from MDN's compatibility data;
//    eslint-plugin-compat sees constructors and globals but not instance methods such as
//    el.replaceChildren or str.toWellFormed, which are the ones that set the baseline here);
//  - the .wasm validates with only the WebAssembly features the baseline has (binaryen);
//  - the page's own baseline check (baseline.js) is ES5, so that it runs where the rest fails.
// Run: node --test tests/node/baseline.test.mjs   (after scripts/build.sh)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = path.resolve(repo, process.env.NIANBAO_DIST || 'dist');
const esCheck = path.join(repo, 'node_modules', 'es-check', 'lib', 'cli', 'index.js');
const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));

// The baseline as declared: {chrome: 86, firefox: 115}.
function baseline() {
  const out = {};
  for (const q of pkg.browserslist) {
    const m = /^(chrome|firefox) >= (\d+)$/.exec(q);
    assert.ok(m, `browserslist entry "${q}" is "chrome >= N" or "firefox >= N"`);
    out[m[1]] = Number(m[2]);
  }
  return out;
}
// The PDF baseline (pdf.js 5): structuredClone, ES2022.
const PDF_BASELINE = { chrome: 98, firefox: 115 };

// A feature test of `expr`, as written or as terser turns it ("function"!=typeof x).
const typeofTest = (expr) => new RegExp(`typeof ${expr}\\s*[!=]==?\\s*["']function["']|["']function["']\\s*[!=]==?\\s*typeof ${expr}\\b`);

// Web APIs the shipped scripts use, with the first Chrome and Firefox versions that have
// them (MDN browser-compat-data). `use` finds a use in minified code; an API above the
// baseline must be guarded in the same file (`guard`: its feature test).
const APIS = [
  { name: 'Element.replaceChildren', use: /\.replaceChildren\(/, chrome: 86, firefox: 78 },
  { name: 'String.replaceAll', use: /\.replaceAll\(/, chrome: 85, firefox: 77 },
  { name: 'Promise.allSettled', use: /Promise\.allSettled\b/, chrome: 76, firefox: 71 },
  { name: 'Array.flat / flatMap', use: /\.flat(Map)?\(/, chrome: 69, firefox: 62 },
  { name: 'String.matchAll', use: /\.matchAll\(/, chrome: 73, firefox: 67 },
  { name: 'Object.fromEntries', use: /Object\.fromEntries\b/, chrome: 73, firefox: 63 },
  { name: 'RegExp lookbehind', use: /\(\?<[!=]/, chrome: 62, firefox: 78 },
  { name: 'ShadowRoot.adoptedStyleSheets', use: /adoptedStyleSheets/, chrome: 73, firefox: 101 },
  { name: 'CSSStyleSheet.replaceSync', use: /\.replaceSync\(/, chrome: 73, firefox: 101 },
  { name: 'customElements', use: /customElements\./, chrome: 67, firefox: 63 },
  { name: 'ResizeObserver', use: /\bResizeObserver\b/, chrome: 64, firefox: 69 },
  { name: 'Blob.stream', use: /\.stream\(\)/, chrome: 76, firefox: 69 },
  { name: 'Blob.arrayBuffer / text', use: /\.(arrayBuffer|text)\(\)/, chrome: 76, firefox: 69 },
  { name: 'TextDecoder', use: /\bTextDecoder\b/, chrome: 38, firefox: 19 },
  { name: 'webkitGetAsEntry', use: /webkitGetAsEntry/, chrome: 13, firefox: 50 },
  { name: 'webkitdirectory', use: /webkitdirectory/, chrome: 30, firefox: 50 },
  { name: 'AbortController', use: /\bAbortController\b/, chrome: 66, firefox: 57 },
  { name: 'navigator.clipboard', use: /navigator\.clipboard/, chrome: 66, firefox: 63 },
  { name: 'WebAssembly.instantiateStreaming', use: /instantiateStreaming/, chrome: 61, firefox: 58 },
  { name: 'BigInt64Array', use: /\bBigInt64Array\b/, chrome: 67, firefox: 68 },
  // Above the baseline: only behind a feature test with a fallback.
  { name: "DecompressionStream('deflate-raw')", use: /\bDecompressionStream\b/, chrome: 103, firefox: 113,
    guard: typeofTest('DecompressionStream') },
  { name: 'String.toWellFormed', use: /\.toWellFormed\(/, chrome: 111, firefox: 119,
    guard: typeofTest('\\w+\\.toWellFormed') },
  { name: 'structuredClone', use: /\bstructuredClone\b/, chrome: 98, firefox: 94,
    guard: typeofTest('structuredClone') },
  { name: 'Object.hasOwn', use: /Object\.hasOwn\b/, chrome: 93, firefox: 92,
    guard: typeofTest('Object\\.hasOwn') },
  { name: 'Array/String.at', use: /\.at\(-?\d/, chrome: 92, firefox: 90 },
  { name: 'Array.findLast', use: /\.findLast(Index)?\(/, chrome: 97, firefox: 104 },
  { name: 'Array.toSorted / toReversed / with', use: /\.(toSorted|toReversed|toSpliced)\(/, chrome: 110, firefox: 115 },
  { name: 'Promise.withResolvers', use: /Promise\.withResolvers\b/, chrome: 119, firefox: 121 },
  { name: 'Object.groupBy', use: /Object\.groupBy\b/, chrome: 117, firefox: 119 },
  { name: 'Intl.Segmenter', use: /Intl\.Segmenter\b/, chrome: 87, firefox: 125 },
  { name: 'crypto.randomUUID', use: /randomUUID\(/, chrome: 92, firefox: 95 },
  { name: 'CompressionStream', use: /\bCompressionStream\b/, chrome: 80, firefox: 113 },
  { name: 'showOpenFilePicker', use: /showOpenFilePicker|showDirectoryPicker/, chrome: 86, firefox: Infinity },
];

function shipped() {
  assert.ok(existsSync(path.join(dist, 'index.html')), `run scripts/build.sh first (no ${dist}/index.html)`);
  return readdirSync(dist).filter((f) => f.endsWith('.js')).sort();
}

function runEsCheck(args) {
  const r = spawnSync(process.execPath, [esCheck, ...args, '--noColor'], { cwd: dist, encoding: 'utf8' });
  return { ok: r.status === 0, out: `${r.stdout}\n${r.stderr}` };
}

test('the baseline is declared once, in package.json, and stated in the README', () => {
  assert.deepEqual(baseline(), { chrome: 86, firefox: 115 });
  const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
  for (const s of ['Chromium ≥ 86', 'Chrome 109', 'Firefox ESR ≥ 115', 'Chromium ≥ 98', '"browserslist"'])
    assert.ok(readme.includes(s), `README states ${s}`);
});

test('the shipped JS parses at the baseline (ES2021) and uses no later ES built-in unguarded', () => {
  const files = shipped();
  assert.ok(files.includes('page.js') && files.includes('worker.js') && files.includes('nianbao.js'), files.join());
  // checkBrowser reads package.json's browserslist (Chromium 86 -> ES2021); the ES
  // built-ins of later editions the code tests for itself are ignored (see APIS' guards).
  const r = runEsCheck(['checkBrowser', '--browserslistQuery', pkg.browserslist.join(', '), '--checkFeatures',
    '--ignore', 'StringToWellFormed', ...files]);
  assert.ok(r.ok, r.out);
  assert.match(r.out, /ES12 compatible/, 'the browserslist means ES2021 (ES12)');
  // The ES5 check is the one that fails on them: the files do need the baseline.
  assert.equal(runEsCheck(['es2019', 'page.js', 'later.js']).ok, false, 'page.js and later.js are newer than ES2019');
});

test('the page\'s own baseline check is ES5 and runs before the page\'s scripts', () => {
  const r = runEsCheck(['es5', 'baseline.js']);
  assert.ok(r.ok, r.out);
  const own = readFileSync(path.join(dist, 'baseline.js'), 'utf8').trim();
  for (const page of ['index.html', 'nianbao.html']) {
    const html = readFileSync(path.join(dist, page), 'utf8');
    const first = /<script\b(?![^>]*\btype=)([^>]*)>([\s\S]*?)<\/script>/.exec(html);
    assert.ok(first, `${page} has a script`);
    assert.ok(/\bsrc="baseline\.js"/.test(first[1]) || first[2].trim() === own, `${page}: the first script is the baseline check`);
    assert.ok(!/\b(defer|async|type=)/.test(first[1]), `${page}: it runs at once`);
  }
  const sw = readFileSync(path.join(dist, 'sw.js'), 'utf8');
  assert.ok(sw.includes('baseline.js'), 'the service worker keeps it');
});

test('pdf.js is checked against the PDF baseline (ES2022), and is why that baseline is separate', () => {
  const files = readdirSync(path.join(dist, 'pdfjs')).filter((f) => f.endsWith('.mjs')).map((f) => `pdfjs/${f}`);
  assert.equal(files.length, 2, files.join());
  const r = runEsCheck(['es2022', '--module', ...files]);
  assert.ok(r.ok, r.out);
  assert.equal(runEsCheck(['es2021', '--module', files[0]]).ok, false, 'pdf.js is not ES2021');
  const pdf = readFileSync(path.join(dist, 'pdfjs', 'pdf.min.mjs'), 'utf8');
  assert.ok(pdf.includes('structuredClone'), 'pdf.js uses structuredClone');
  // The page tests for the PDF baseline before loading pdf.js, and says what it needs
  // (pdftext.js is in later.js, loaded on demand; the words in page.js).
  const page = ['page.js', 'later.js'].map((f) => readFileSync(path.join(dist, f), 'utf8')).join('\n');
  assert.ok(typeofTest('structuredClone').test(page), 'page.js or later.js tests for structuredClone');
  assert.ok(page.includes('pdfBrowserOld'), 'and has the message');
  assert.deepEqual(PDF_BASELINE.chrome > baseline().chrome, true);
});

test('every web API the shipped JS uses is in the baseline or guarded', () => {
  const base = baseline();
  const report = [];
  for (const file of shipped()) {
    const js = readFileSync(path.join(dist, file), 'utf8');
    for (const api of APIS) {
      if (!api.use.test(js)) continue;
      const inBaseline = api.chrome <= base.chrome && api.firefox <= base.firefox;
      report.push(`${file}: ${api.name} (Chrome ${api.chrome}, Firefox ${api.firefox})${inBaseline ? '' : ' guarded'}`);
      if (inBaseline) continue;
      assert.ok(api.guard && api.guard.test(js),
        `${file} uses ${api.name} (Chrome ${api.chrome}, Firefox ${api.firefox}), above the baseline, without a feature test`);
    }
  }
  // What sets the baseline: replaceChildren (Chromium 86) is the newest API used unguarded.
  assert.ok(report.some((l) => l.startsWith('page.js: Element.replaceChildren')), report.join('\n'));
});

test('the .wasm validates with only the WebAssembly features of the baseline', () => {
  const wasm = path.join(dist, 'nianbao.wasm');
  assert.ok(existsSync(wasm));
  // Chromium 86 and Firefox 115 both have these (Chrome 74/75/85, Firefox 61-78);
  // not reference types (Chrome 96), SIMD (91), exceptions (95), tail calls, GC, threads.
  const features = ['--mvp-features', '--enable-mutable-globals', '--enable-sign-ext',
    '--enable-nontrapping-float-to-int', '--enable-bulk-memory', '--enable-multivalue'];
  const r = spawnSync('wasm-opt', [...features, wasm, '-o', '/dev/null'], { encoding: 'utf8' });
  assert.equal(r.error, undefined, 'wasm-opt (Debian binaryen) is installed');
  assert.equal(r.status, 0, r.stderr);
});
