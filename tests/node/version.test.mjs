// One version: project(nianbao VERSION …) in CMakeLists.txt. package.json (and its lock),
// CHANGELOG.md, `nianbao --version` and the page's module (whose version() the footer
// shows) must say the same. The core's version() is still a literal of its own
// (core/src/options.cpp), so the built CLI and module are checked here when they exist.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';

import { cliPath, repo, runCli } from './helpers.mjs';

const cmake = readFileSync(path.join(repo, 'CMakeLists.txt'), 'utf8');
const m = /^project\(nianbao VERSION ([0-9][0-9A-Za-z.-]*)/m.exec(cmake);
const version = m && m[1];

test('CMakeLists.txt declares project(nianbao VERSION x.y.z)', () => {
  assert.match(version || '', /^\d+\.\d+\.\d+/);
});

test('package.json and package-lock.json carry CMakeLists.txt\'s version', () => {
  assert.equal(JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')).version, version);
  const lock = JSON.parse(readFileSync(path.join(repo, 'package-lock.json'), 'utf8'));
  assert.equal(lock.version, version);
  assert.equal(lock.packages[''].version, version);
});

test('CHANGELOG.md has an entry for the version', () => {
  assert.match(readFileSync(path.join(repo, 'CHANGELOG.md'), 'utf8'), new RegExp(`^## ${version.replace(/\./g, '\\.')}\\b`, 'm'));
});

test('nianbao --version prints it', () => {
  assert.ok(existsSync(cliPath), `the CLI is at ${cliPath} (scripts/build.sh)`);
  const r = runCli(['--version']);
  assert.equal(r.status, 0);
  assert.equal(r.stdout.trim(), `nianbao ${version}`);
});

const distJs = path.resolve(repo, process.env.NIANBAO_DIST || 'dist', 'nianbao.js');
test('the page\'s module (dist/) reports it', async () => {
  assert.ok(existsSync(distJs), 'dist/ is built (scripts/build.sh)');
  const factory = createRequire(import.meta.url)(distJs);
  const nb = await factory({ wasmBinary: readFileSync(path.join(path.dirname(distJs), 'nianbao.wasm')) });
  assert.equal(nb.version(), version);
});
