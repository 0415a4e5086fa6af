// What dist/ ships and whose it is: every file is nianbao's own or in a third-party group
// that THIRD_PARTY_NOTICES.md names (with the versions actually shipped), and the license
// texts pdf.js and its CMaps need ship beside them. Fails (does not skip) without dist/:
// run scripts/build.sh (or scripts/build.sh dist) first.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { repo } from './helpers.mjs';

const dist = path.resolve(repo, process.env.NIANBAO_DIST || 'dist');
const notices = readFileSync(path.join(repo, 'THIRD_PARTY_NOTICES.md'), 'utf8');

function walk(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  }).sort();
}

// dist/'s files, relative, '/'-separated; a failed assertion when there is no build.
function distFiles() {
  assert.ok(existsSync(path.join(dist, 'index.html')), `no build in ${dist}: run scripts/build.sh first`);
  return walk(dist);
}

// nianbao's own: the files copied from web/, what the build makes from them, the license files.
const webFiles = new Set(readdirSync(path.join(repo, 'web')));
const made = new Set(['page.js', 'later.js', 'rules.json', 'nianbao.html', 'LICENSE', 'THIRD_PARTY_NOTICES.md']);
const isOwn = (f) => !f.includes('/') && (webFiles.has(f) || made.has(f));

function versionIn(file, re, what) {
  const m = re.exec(readFileSync(path.join(dist, file), 'latin1'));
  assert.ok(m, `${what}: no version found in dist/${file}`);
  return m[1];
}

function coreSources() {
  const src = path.join(repo, 'core', 'src');
  return walk(src).filter((f) => f.endsWith('.cpp') || f.endsWith('.h')).map((f) => path.join(src, f));
}

// Third-party groups: which dist/ files, and what the notices must say about them.
const groups = [
  {
    name: 'pdf.js',
    match: (f) => /^pdfjs\/pdf(\.worker)?\.min\.mjs$/.test(f),
    mustName: () => {
      const pdfjs = versionIn('pdfjs/pdf.min.mjs', /pdfjsVersion = ([0-9.]+)/, 'pdf.js');
      // The legacy build bundles core-js; its version is in the shared-store record.
      const coreJs = versionIn('pdfjs/pdf.min.mjs', /version:"([0-9.]+)",mode:[^,]+,copyright:"[^"]*core-js/, 'core-js');
      return ['pdfjs/pdf.min.mjs', 'pdfjs/pdf.worker.min.mjs', `**pdf.js** ${pdfjs}`, `**core-js** ${coreJs}`, 'Apache-2.0', 'MIT'];
    },
  },
  {
    name: 'CMaps',
    match: (f) => /^pdfjs\/cmaps\/[^/]+\.bcmap$/.test(f),
    mustName: () => ['pdfjs/cmaps/*.bcmap', '**Adobe CMaps**', 'BSD-3-Clause'],
  },
  {
    name: 'pdf.js license texts',
    match: (f) => f === 'pdfjs/LICENSE.txt' || f === 'pdfjs/cmaps/LICENSE.txt',
    mustName: () => ['pdfjs/LICENSE.txt', 'pdfjs/cmaps/LICENSE.txt'],
  },
  {
    name: 'fflate',
    match: (f) => f === 'inflate.js',
    mustName: () => {
      const v = versionIn('inflate.js', /fflate ([0-9.]+)/, 'fflate');
      return ['`inflate.js`', `**fflate** ${v}`, 'MIT', 'fflate (Copyright (c)'];
    },
  },
  {
    name: 'Emscripten output',
    match: (f) => /^nianbao(-readers)?\.(js|wasm)$/.test(f),
    mustName: () => {
      const names = ['`nianbao.wasm`, `nianbao.js`', '`nianbao-readers.wasm`, `nianbao-readers.js`', '**Emscripten runtime**', '**musl libc**',
        '**LLVM libc++, libc++abi and compiler-rt**', '### MIT License', '### LLVM Exceptions to the Apache 2.0 License'];
      // The Emscripten that built it, when this machine has Debian's package.
      const ver = '/usr/share/emscripten/emscripten-version.txt';
      if (existsSync(ver)) names.push(`**Emscripten** ${readFileSync(ver, 'utf8').trim().replace(/"/g, '')}`);
      // nlohmann/json code the wasm links: the core uses it outside the options parser
      // (which the binding replaces with JSON.parse), e.g. the JSON writer's to_chars.
      if (coreSources().some((f) => !f.endsWith('options.cpp') && /nlohmann::/.test(readFileSync(f, 'utf8')))) {
        names.push('**nlohmann/json**');
        const hpp = '/usr/include/nlohmann/json.hpp';
        const v = existsSync(hpp) && /version (\d+\.\d+\.\d+)/.exec(readFileSync(hpp, 'utf8').slice(0, 500));
        if (v) names.push(`**nlohmann/json** ${v[1]}`);
      }
      return names;
    },
  },
];

test('dist/ holds the page, pdf.js and the license files', () => {
  const files = distFiles();
  for (const f of ['index.html', 'nianbao.html', 'nianbao.js', 'nianbao.wasm', 'nianbao-check.js', 'embed.html',
    'pdfjs/pdf.min.mjs', 'pdfjs/pdf.worker.min.mjs', 'LICENSE', 'THIRD_PARTY_NOTICES.md']) {
    assert.ok(files.includes(f), `dist/${f}`);
  }
});

test('every file in dist/ is nianbao\'s own or in a group THIRD_PARTY_NOTICES.md names', () => {
  const files = distFiles();
  const unknown = files.filter((f) => !isOwn(f) && !groups.some((g) => g.match(f)));
  assert.deepEqual(unknown, [], 'files of unknown origin in dist/: add them to THIRD_PARTY_NOTICES.md and to this test');
  for (const g of groups) {
    if (!files.some(g.match)) continue;   // a group not shipped need not be named
    for (const name of g.mustName()) assert.ok(notices.includes(name), `THIRD_PARTY_NOTICES.md names ${g.name}: "${name}"`);
  }
});

test('nianbao\'s own files carry no third-party license header', () => {
  // A library pasted into web/ would keep its /*! or @license comment through terser.
  for (const f of distFiles().filter(isOwn).filter((f) => /\.(js|mjs|html|css|svg)$/.test(f))) {
    // The one file carries inflate.js (fflate, named above) as a data block: not its own text.
    const text = readFileSync(path.join(dist, f), 'utf8').replace(/<script type="text\/plain" id="nb-inflate">[\s\S]*?<\/script>/, '');
    assert.doesNotMatch(text, /@license|@preserve|\/\*!|Copyright \(c\)|©/i, `dist/${f}`);
  }
});

test('the license texts pdf.js and its CMaps need ship beside them, as pdfjs-dist has them', () => {
  distFiles();
  const pdfjs = path.join(repo, 'node_modules', 'pdfjs-dist');
  const pdfLicense = readFileSync(path.join(dist, 'pdfjs', 'LICENSE.txt'), 'utf8');
  assert.match(pdfLicense, /Apache License\s+Version 2\.0, January 2004/);
  assert.equal(pdfLicense, readFileSync(path.join(pdfjs, 'LICENSE'), 'utf8'));
  const cmapLicense = readFileSync(path.join(dist, 'pdfjs', 'cmaps', 'LICENSE.txt'), 'utf8');
  assert.match(cmapLicense, /Adobe Systems Incorporated/);
  assert.equal(cmapLicense, readFileSync(path.join(pdfjs, 'cmaps', 'LICENSE'), 'utf8'));
  // The pdf.js files still say which license they are under.
  for (const f of ['pdf.min.mjs', 'pdf.worker.min.mjs']) {
    assert.match(readFileSync(path.join(dist, 'pdfjs', f), 'utf8').slice(0, 2000), /Apache License, Version 2\.0/, f);
  }
});

test('dist/ carries the project\'s LICENSE and THIRD_PARTY_NOTICES.md as in the repository', () => {
  distFiles();
  for (const f of ['LICENSE', 'THIRD_PARTY_NOTICES.md']) {
    assert.equal(readFileSync(path.join(dist, f), 'utf8'), readFileSync(path.join(repo, f), 'utf8'), `dist/${f}`);
  }
});

test('the project is Apache-2.0: LICENSE, package.json, README', () => {
  const license = readFileSync(path.join(repo, 'LICENSE'), 'utf8');
  assert.match(license, /Apache License\s+Version 2\.0, January 2004/);
  assert.match(license, /END OF TERMS AND CONDITIONS/);
  const debian = '/usr/share/common-licenses/Apache-2.0';
  if (existsSync(debian)) assert.equal(license, readFileSync(debian, 'utf8'), 'LICENSE is the standard text');
  assert.equal(JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')).license, 'Apache-2.0');
  assert.match(readFileSync(path.join(repo, 'README.md'), 'utf8').slice(0, 1500), /Apache License 2\.0/);
});
