// Golden finding lists (issue H item 7): every real report the tests have (../shared/seeds,
// ../shared/real) has its full finding list pinned in tests/golden/<name>.txt, one finding
// a line: `line:column severity[id] message`, in the CLI's order, checked with a fixed
// reference date. A change to any of them is a reviewed diff: rewrite the files with
//   UPDATE_GOLDEN=1 node --test tests/node/golden.test.mjs
// and read the diff before committing it. A listed report that is missing fails.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { REAL_REPORTS, cliPath, repo, shared } from './helpers.mjs';

const goldenDir = path.join(repo, 'tests', 'golden');
const TODAY = '2026-06-30';
// 009 too: one line is the layout it came in, not a variant of another base.
const REPORTS = [...REAL_REPORTS, 'real/009_pingtan_2021_oneline.txt'];

function findingLines(file) {
  const run = spawnSync(cliPath, ['check', '--format', 'json', '--today', TODAY, file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.ok(run.status === 0 || run.status === 1, `nianbao check ${file}: exit ${run.status}: ${run.stderr}`);
  const result = JSON.parse(run.stdout);
  return result.findings.map((f) => {
    const at = f.location ? `${f.location.start.line}:${f.location.start.column}` : '-';
    return `${at} ${f.severity}[${f.id}] ${f.message.zh}`;
  });
}

const goldenName = (report) => path.basename(report);

for (const report of REPORTS) {
  test(`golden findings: ${report}`, () => {
    const file = path.join(shared, report);
    assert.ok(existsSync(file), `missing report ${file}`);
    const lines = findingLines(file);
    const golden = path.join(goldenDir, goldenName(report));
    const text = `# nianbao check --today ${TODAY} ../shared/${report}\n${lines.join('\n')}\n`;
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, text);
    assert.ok(existsSync(golden), `no golden list ${golden}: run with UPDATE_GOLDEN=1 and review it`);
    assert.equal(text, readFileSync(golden, 'utf8'), `findings of ${report} changed: review, then UPDATE_GOLDEN=1`);
  });
}

test('golden findings: every golden list belongs to a listed report', () => {
  const names = new Set(REPORTS.map(goldenName));
  const stray = existsSync(goldenDir) ? readdirSync(goldenDir).filter((f) => !names.has(f)) : [];
  assert.deepEqual(stray, []);
});
