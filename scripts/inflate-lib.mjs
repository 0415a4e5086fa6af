#!/usr/bin/env node
// The page's fallback inflater, for browsers without
// DecompressionStream('deflate-raw') (Chromium < 103, Firefox < 113): fflate's
// streaming Inflate (npm `fflate`, MIT), cut down to what Inflate needs and
// minified into one classic script that sets self.nbInflate:
//   node scripts/inflate-lib.mjs OUT.js
// The worker loads it with importScripts only when it needs it (worker.js);
// the one-file page carries it inside its Blob worker.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { minify } from 'terser';

export async function inflateLib() {
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve('fflate/package.json'));
  const { version } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  // The ES module as a plain script: its exports become local names, so the
  // minifier drops everything Inflate does not reach.
  const esm = readFileSync(path.join(dir, 'esm', 'browser.js'), 'utf8')
    .replace(/^export \{[^}]*\};?$/gm, '')
    .replace(/^export (function|var|const|let|class) /gm, '$1 ');
  if (/^\s*(export|import) /m.test(esm)) throw new Error('fflate: an export or import left');
  const code = `(function(){${esm}\nself.nbInflate = Inflate;})();`;
  const out = await minify(code, { ecma: 2015, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  const owner = /Copyright \(c\) (.+)/.exec(readFileSync(path.join(dir, 'LICENSE'), 'utf8'))[1].trim();
  return `/*! fflate ${version} (inflate only), Copyright (c) ${owner}, MIT license: THIRD_PARTY_NOTICES.md */\n${out.code}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: node scripts/inflate-lib.mjs OUT.js');
    process.exit(2);
  }
  writeFileSync(out, await inflateLib());
  console.log(`inflate-lib: ${out}`);
}
