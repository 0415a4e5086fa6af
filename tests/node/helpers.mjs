// Shared by the node tests: where things are, loading the wasm module, running the CLI.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const shared = path.resolve(process.env.SHARED || path.join(repo, '..', 'shared'));
// NIANBAO_WASM_DIR: another wasm build's wasm/ folder (nianbao.js + nianbao.wasm).
export const wasmDir = process.env.NIANBAO_WASM_DIR ? path.resolve(process.env.NIANBAO_WASM_DIR) : path.join(repo, 'build-wasm', 'wasm');
// NIANBAO_CLI: another build of the CLI (e.g. a sanitizer or profiling build).
export const cliPath = process.env.NIANBAO_CLI || path.join(repo, 'build-native', 'cli', 'nianbao');

// The real reports every report-level test knows by name (../shared): the five
// seeds and the real reports with their tables whole. A missing one fails.
export const REAL_REPORTS = [
  'seeds/000_871ede2c728ee505.txt',
  'seeds/001_596907d86b561f89.txt',
  'seeds/002_a4f66517a6301564.txt',
  'seeds/003_42f29cd10deb4ca1.txt',
  'seeds/004_cefec1d860d17dad.txt',
  'real/006_huaian_city_2024.txt',
  'real/007_hongze_district_2023.txt',
  'real/008_hongze_district_2024.txt',
];

// Report texts to run through both builds: the labelled seeds, the real
// reports and the repo's own fixtures (all *.txt below tests/fixtures), whichever exist.
export function sampleFiles() {
  const dirs = [path.join(shared, 'seeds'), path.join(shared, 'real'), path.join(repo, 'tests', 'fixtures')];
  const seen = new Set();
  return dirs.flatMap((dir) => textFilesUnder(dir)).filter((file) => {
    const content = readFileSync(file, 'latin1');   // the same text twice is tested once
    if (seen.has(content)) return false;
    seen.add(content);
    return true;
  });
}

// A short name for test titles: the path below the shared folder or the repo.
export function label(file) {
  const base = file.startsWith(shared + path.sep) ? shared : repo;
  return path.relative(base, file);
}

function textFilesUnder(dir) {
  if (!existsSync(dir)) return [];
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...textFilesUnder(full));
    else if (entry.name.endsWith('.txt')) files.push(full);
  }
  return files;
}

export function seedFiles() {
  const dir = path.join(shared, 'seeds');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().filter((n) => n.endsWith('.txt')).map((n) => path.join(dir, n));
}

// The text as the page would hand it over: UTF-8 decoded, BOM dropped.
export function readText(file) {
  return new TextDecoder('utf-8').decode(readFileSync(file));
}

let modulePromise = null;
// The same classic MODULARIZE builds the page uses; node needs wasmBinary
// (emscripten 3.1.6 would otherwise fetch() a file path). The page's two
// modules as its worker joins them: nianbao (check, extract, rules, ...) with
// the file readers of nianbao-readers (readText, zipRead, layOut), which the
// worker loads on the first file.
export const READERS = ['readText', 'zipRead', 'layOut', 'htmlToText'];
export function loadModule(name) {
  const require = createRequire(import.meta.url);
  return require(path.join(wasmDir, `${name}.js`))({ wasmBinary: readFileSync(path.join(wasmDir, `${name}.wasm`)) });
}
export function loadNianbao() {
  if (!modulePromise) {
    modulePromise = Promise.all([loadModule('nianbao'), loadModule('nianbao-readers')]).then(([nb, readers]) => {
      for (const name of READERS) nb[name] = readers[name];
      return nb;
    });
  }
  return modulePromise;
}

// Runs the native CLI; never throws on a non-zero exit.
export function runCli(args, { input } = {}) {
  const r = spawnSync(cliPath, args, { input, maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status, signal: r.signal, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

// Runs the CLI and parses its stdout; exit 0 or 1 (check's "some error finding") only.
export function cliJson(args, options) {
  const r = runCli(args, options);
  if (r.status !== 0 && r.status !== 1) {
    throw new Error(`nianbao ${args.join(' ')}: exit ${r.status ?? r.signal}: ${r.stderr}`);
  }
  return JSON.parse(r.stdout);
}

// The finding contract the CLI, the page and the tests rely on.
export const SEVERITIES = ['error', 'warning', 'info'];
export function assertResultShape(assert, result, text) {
  assert.equal(typeof result, 'object');
  assert.ok(result !== null && !Array.isArray(result), 'the result is an object');
  assert.ok(Array.isArray(result.findings), 'the result has a findings array');
  for (const f of result.findings) {
    assert.equal(typeof f.id, 'string', 'finding.id is a string');
    assert.ok(SEVERITIES.includes(f.severity), `finding.severity is one of ${SEVERITIES}: ${f.severity}`);
    assert.ok(f.location && f.location.start && f.location.end, `finding ${f.id} has a location`);
    const { start, end } = f.location;
    assert.ok(Number.isInteger(start.utf16) && Number.isInteger(end.utf16), `finding ${f.id}: utf16 offsets`);
    if (text !== undefined) {
      assert.ok(start.utf16 >= 0 && start.utf16 <= end.utf16 && end.utf16 <= text.length,
        `finding ${f.id}: range ${start.utf16}..${end.utf16} inside the text (${text.length})`);
    }
  }
}
