// The native CLI's contract: commands, options, exit codes, JSON shapes.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { makeDocx, zip } from '../lib/docx.mjs';
import { assertResultShape, cliJson, cliPath, loadNianbao, readText, runCli, seedFiles } from './helpers.mjs';

const hasErrors = (result) => result.findings.some((f) => f.severity === 'error');

let tmp;
let sample;       // a report file to check
let sampleText;
before(() => {
  assert.ok(existsSync(cliPath), `build the native CLI first (${cliPath})`);
  tmp = mkdtempSync(path.join(tmpdir(), 'nianbao-cli-'));
  const [seed] = seedFiles();
  sampleText = seed ? readText(seed) : '2024年度政府信息公开工作年度报告\n一、总体情况\n';
  sample = path.join(tmp, 'report.txt');
  writeFileSync(sample, sampleText);
});
after(() => rmSync(tmp, { recursive: true, force: true }));

function assertUsageError(args, pattern) {
  const r = runCli(args);
  assert.equal(r.status, 2, `exit 2 for: nianbao ${args.join(' ')}\n${r.stdout}${r.stderr}`);
  assert.match(r.stderr, /nianbao: /);
  if (pattern) assert.match(r.stderr, pattern);
}

describe('commands', () => {
  test('--version prints the core version', async () => {
    const r = runCli(['--version']);
    assert.equal(r.status, 0);
    const nb = await loadNianbao();
    assert.equal(r.stdout.trim(), `nianbao ${nb.version()}`);
  });

  test('--help prints the usage', () => {
    const r = runCli(['--help']);
    assert.equal(r.status, 0);
    for (const word of ['check', 'extract', 'rules', '--disable', '--severity', '--previous']) assert.ok(r.stdout.includes(word), word);
    assert.equal(runCli(['check', '--help']).status, 0);
  });

  test('no command, unknown command', () => {
    assertUsageError([], /no command/);
    assertUsageError(['frobnicate'], /unknown command 'frobnicate'/);
  });

  test('rules: JSON by default, markdown on request', () => {
    const r = runCli(['rules']);
    assert.equal(r.status, 0);
    JSON.parse(r.stdout);
    assert.deepEqual(JSON.parse(runCli(['rules', '--format', 'json']).stdout), JSON.parse(r.stdout));
    assert.equal(runCli(['rules', '--format', 'markdown']).status, 0);
    assertUsageError(['rules', '--format', 'text'], /--format/);
  });

  test('extract prints JSON; extract needs exactly one file', () => {
    JSON.parse(runCli(['extract', sample]).stdout);
    JSON.parse(runCli(['extract', '--format', 'json', sample]).stdout);
    assertUsageError(['extract'], /exactly one FILE/);
    assertUsageError(['extract', sample, sample], /exactly one FILE/);
    assertUsageError(['extract', '--format', 'text', sample], /--format/);
  });
});

describe('check', () => {
  test('--format json: one file gives result_to_json, exit code follows the errors', () => {
    const r = runCli(['check', '--format', 'json', sample]);
    const result = JSON.parse(r.stdout);
    assertResultShape(assert, result, sampleText);
    assert.equal(r.status, hasErrors(result) ? 1 : 0);
  });

  test('--format=json works too; - reads stdin', () => {
    const fromFile = cliJson(['check', '--format=json', sample]);
    const fromStdin = cliJson(['check', '--format', 'json', '-'], { input: readFileSync(sample) });
    assert.deepEqual(fromStdin, fromFile);
  });

  test('several files in json: {"files":[{"file","result"}]}', () => {
    const doc = cliJson(['check', '--format', 'json', sample, sample]);
    assert.equal(doc.files.length, 2);
    for (const entry of doc.files) {
      assert.equal(entry.file, sample);
      assertResultShape(assert, entry.result, sampleText);
    }
  });

  test('text output ends with a summary line', () => {
    const r = runCli(['check', sample]);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines.at(-1), /共检查 1 个文件/);
    assert.match(runCli(['check', '--lang', 'en', sample]).stdout, /1 file\(s\) checked/);
  });

  test('every option is accepted', () => {
    const r = runCli(['check', '--format', 'json', '--lang', 'en', '--deadline', '03-31', '--body-kind', 'government',
      '--today', '2025-02-01', '--previous', sample, '--jobs', '2', sample]);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    assertResultShape(assert, JSON.parse(r.stdout), sampleText);
  });

  test('rule ids in --disable and --severity are checked against `nianbao rules`', () => {
    const rules = JSON.parse(runCli(['rules']).stdout);
    const list = Array.isArray(rules) ? rules : rules.rules || [];
    const ids = list.map((r) => (typeof r === 'string' ? r : r.id)).filter(Boolean);
    assertUsageError(['check', '--severity', 'some-rule=fatal', sample], /level/);
    assertUsageError(['check', '--severity', 'no-equals-sign', sample], /ID=/);
    if (ids.length === 0) return;  // the core lists no rules yet: ids cannot be validated
    assertUsageError(['check', '--disable', 'no-such-rule', sample], /unknown rule id 'no-such-rule'/);
    assertUsageError(['check', '--severity', 'no-such-rule=info', sample], /unknown rule id/);
    const r = runCli(['check', '--format', 'json', '--disable', ids.join(','), '--severity', `${ids[0]}=info`, sample]);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).findings, [], 'every rule turned off: no findings');
  });

  test('dates in options read as the page and the checks read them (one grammar: 2025-2-1, 3/31)', () => {
    const a = runCli(['check', '--format', 'json', '--today', '2025-2-1', '--deadline', '3/31', sample]);
    const b = runCli(['check', '--format', 'json', '--today', '2025-02-01', '--deadline', '03-31', sample]);
    assert.equal(a.status, b.status);
    assert.equal(a.stdout, b.stdout);
  });

  test('bad option values are usage errors', () => {
    assertUsageError(['check', '--lang', 'fr', sample], /--lang/);
    assertUsageError(['check', '--deadline', '13-01', sample], /--deadline/);
    assertUsageError(['check', '--deadline', '02-30', sample], /--deadline/);
    assertUsageError(['check', '--today', '2025-02-29', sample], /--today/);
    assertUsageError(['check', '--today', '2025-02', sample], /--today/);
    assertUsageError(['check', '--deadline', 'Jan 31', sample], /--deadline/);
    assertUsageError(['check', '--body-kind', 'county', sample], /--body-kind/);
    assertUsageError(['check', '--jobs', '0', sample], /--jobs/);
    assertUsageError(['check', '--jobs', 'all', sample], /--jobs/);
    assertUsageError(['check', '--format', 'xml', sample], /--format/);
    assertUsageError(['check', '--frobnicate', sample], /unknown option '--frobnicate'/);
    assertUsageError(['check', sample, '--lang'], /needs a value/);
    assertUsageError(['check'], /at least one FILE/);
    assertUsageError(['check', '-', '--previous', '-'], /only once/);
  });

  test('a file that cannot be read: exit 2 and a message', () => {
    const missing = path.join(tmp, 'missing.txt');
    assertUsageError(['check', missing], /missing\.txt/);
    const empty = path.join(tmp, 'empty-folder');
    mkdirSync(empty, { recursive: true });
    assertUsageError(['check', empty], /cannot read/);  // a folder without reports
    assertUsageError(['check', '--previous', missing, sample], /--previous/);
    const r = runCli(['check', '--format', 'json', sample, missing]);
    assert.equal(r.status, 2);
    const doc = JSON.parse(r.stdout);
    assert.ok(doc.files[1].error, 'the unreadable file is listed with its error');
  });

  test('a file over the limit of 8 MiB (8388608 bytes, the page\'s too): exit 2, naming the limit', () => {
    const big = path.join(tmp, 'big.txt');
    writeFileSync(big, '');
    truncateSync(big, 8 * 1024 * 1024 + 1);  // sparse: costs no disk
    assertUsageError(['check', big], /more than 8388608 bytes \(8 MB\)/);
  });

  test('UTF-8 with BOM and UTF-16 with BOM read like UTF-8', () => {
    const plain = cliJson(['extract', sample]);
    const utf8bom = path.join(tmp, 'bom8.txt');
    writeFileSync(utf8bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sampleText, 'utf8')]));
    const utf16 = path.join(tmp, 'bom16.txt');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sampleText, 'utf16le')]));
    assert.deepEqual(cliJson(['extract', utf8bom]), plain);
    assert.deepEqual(cliJson(['extract', utf16]), plain);
  });

  test('a .docx reads as its text: the same findings as the text it was written from', () => {
    for (const seed of seedFiles()) {
      const docx = path.join(tmp, path.basename(seed, '.txt') + '.docx');
      writeFileSync(docx, makeDocx(readText(seed)));
      const ids = (file) => cliJson(['check', '--format', 'json', file]).findings.map((f) => f.id).sort();
      assert.deepEqual(ids(docx), ids(seed), path.basename(seed));
    }
  });

  test('a zip that is not a Word document, or a damaged one: exit 2 and a message', () => {
    const other = path.join(tmp, 'other.docx');
    writeFileSync(other, zip({ 'readme.txt': 'hello' }));
    assertUsageError(['check', other], /word\/document\.xml/);
    const cut = path.join(tmp, 'cut.docx');
    writeFileSync(cut, makeDocx('某某镇人民政府2024年政府信息公开工作年度报告\n').subarray(0, 40));
    assertUsageError(['check', cut], /cut\.docx/);
  });

  test('a folder: a progress bar on a terminal only, and the summary line', () => {
    const folder = path.join(tmp, 'many');
    mkdirSync(folder, { recursive: true });
    for (let i = 0; i < 80; ++i) writeFileSync(path.join(folder, `r${String(i).padStart(3, '0')}.txt`), sampleText);
    const piped = runCli(['check', folder]);
    assert.equal(piped.stderr, '', 'no bar when stderr is not a terminal');
    assert.match(piped.stdout, /共检查 80 个文件/);
    const oneByOne = runCli(['check', '--format', 'json', '--jobs', '1', folder]);
    const fourAtOnce = runCli(['check', '--format', 'json', '--jobs', '4', folder]);
    assert.equal(fourAtOnce.stdout, oneByOne.stdout, '--jobs changes the speed, not the output or its order');
    assert.equal(fourAtOnce.status, oneByOne.status);
    // util-linux `script` gives the CLI a terminal.
    const tty = spawnSync('script', ['-qec', `${JSON.stringify(cliPath)} check ${JSON.stringify(folder)}`, '/dev/null'],
      { encoding: 'utf8' });
    if (tty.error) return;  // no `script` here
    assert.match(tty.stdout, /\[#{30}\] 80\/80/);
    assert.match(tty.stdout, /共检查 80 个文件/);
  });
});

