// PDF in the CLI (cli/pdf_input.cpp, cli/pdf/, with Debian's libqpdf). Which
// applies is the CLI build's own word: NIANBAO_CLI_PDF in the CMakeCache.txt
// next to it (ON when libqpdf-dev was found at configure time). With qpdf,
// `nianbao check file.pdf` gives the findings of the report's source text,
// from a file, from stdin and in a folder; a damaged PDF gets one line. Without
// it, every PDF says "PDF support not built in" and a folder still lists them.
// The reading itself is tested by tests/pdf (nianbao_pdf_tests, under ctest).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { cliPath, repo, runCli } from './helpers.mjs';

const fixtures = path.join(repo, 'tests', 'fixtures');
// Each PDF and the text it was made from (or extracted by hand).
const PDFS = [
  ['pdf/006_huaian_city_2024.pdf', 'real/006_huaian_city_2024.txt'],
  ['pdf/007_hongze_district_2023.pdf', 'real/007_hongze_district_2023.txt'],
  ['pdf/008_hongze_district_2024.pdf', 'real/008_hongze_district_2024.txt'],
  ['../layouts/printed/004_web.pdf', '../layouts/printed/004_web.txt'],
];

function pdfBuiltIn() {
  const cache = path.join(path.dirname(cliPath), '..', 'CMakeCache.txt');
  assert.ok(existsSync(cache), `the CLI's build has no ${cache}: cannot tell whether it reads PDF`);
  const m = /^NIANBAO_CLI_PDF:INTERNAL=(ON|OFF)$/m.exec(readFileSync(cache, 'utf8'));
  assert.ok(m, `${cache} does not say NIANBAO_CLI_PDF: reconfigure the build`);
  return m[1] === 'ON';
}

// "id:severity" of the findings that are not info, sorted; and the exit status.
function checked(args, options) {
  const r = runCli(['check', '--format', 'json', ...args], options);
  assert.ok(r.status === 0 || r.status === 1, `nianbao check ${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
  const ids = JSON.parse(r.stdout).findings.filter((f) => f.severity !== 'info').map((f) => `${f.id}:${f.severity}`);
  return { status: r.status, ids: ids.sort() };
}

let tmp;
let builtIn;
before(() => {
  assert.ok(existsSync(cliPath), `build the native CLI first (${cliPath})`);
  for (const [pdf, text] of PDFS) {
    assert.ok(existsSync(path.join(fixtures, pdf)), `missing ${pdf}`);
    assert.ok(existsSync(path.join(fixtures, text)), `missing ${text}`);
  }
  builtIn = pdfBuiltIn();
  tmp = mkdtempSync(path.join(tmpdir(), 'nianbao-pdf-'));
});
after(() => rmSync(tmp, { recursive: true, force: true }));

describe('PDF in the CLI', () => {
  test('a PDF gives the findings of its source text (or, without libqpdf, says PDF is not built in)', () => {
    for (const [pdf, text] of PDFS) {
      const file = path.join(fixtures, pdf);
      if (!builtIn) {
        const r = runCli(['check', file]);
        assert.equal(r.status, 2);
        assert.match(r.stderr, /PDF support not built in/);
        continue;
      }
      assert.deepEqual(checked([file]), checked([path.join(fixtures, text)]), pdf);
    }
  });

  test('a PDF on stdin is known by its bytes', () => {
    const bytes = readFileSync(path.join(fixtures, PDFS[0][0]));
    if (!builtIn) {
      assert.match(runCli(['check', '-'], { input: bytes }).stderr, /PDF support not built in/);
      return;
    }
    assert.deepEqual(checked(['-'], { input: bytes }), checked([path.join(fixtures, PDFS[0][1])]));
  });

  test('a folder takes its .pdf files (the input table\'s extensions) with the others', () => {
    const folder = path.join(tmp, 'batch');
    mkdirSync(path.join(folder, 'sub'), { recursive: true });
    writeFileSync(path.join(folder, 'a.txt'), readFileSync(path.join(fixtures, PDFS[1][1])));
    writeFileSync(path.join(folder, 'sub', 'B.PDF'), readFileSync(path.join(fixtures, PDFS[0][0])));
    writeFileSync(path.join(folder, 'notes.csv'), 'not a report');
    const r = runCli(['check', '--format', 'json', folder]);
    const doc = JSON.parse(r.stdout);
    assert.deepEqual(doc.files.map((f) => path.relative(folder, f.file)), ['a.txt', path.join('sub', 'B.PDF')]);
    if (builtIn) {
      assert.ok(doc.files[1].result, `the PDF is checked: ${JSON.stringify(doc.files[1]).slice(0, 200)}`);
    } else {
      assert.match(doc.files[1].error, /PDF support not built in/);
      assert.equal(r.status, 2);
    }
  });

  test('a damaged PDF: exit 2 and one line naming the file', () => {
    const bad = path.join(tmp, 'damaged.pdf');
    writeFileSync(bad, '%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n');
    const r = runCli(['check', bad]);
    assert.equal(r.status, 2);
    const line = r.stderr.split('\n').find((l) => l.includes('damaged.pdf'));
    assert.ok(line, r.stderr);
    assert.match(line, builtIn ? /^nianbao: .*damaged\.pdf: damaged PDF, not readable: / : /PDF support not built in/);
  });
});
