#!/usr/bin/env node
// Minifies the page's own scripts and styles in place (dist/ only; web/ stays
// readable): node scripts/minify.mjs FILE...
// .js through terser (compress + mangle of local names; property names and
// globals are kept, so NB.*, createNianbao and the worker's messages are
// unchanged), .css by dropping comments and the white space around
// punctuation that cannot change a selector ({ } ; , and after a property's colon).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { minify } from 'terser';

export function minifyCss(css) {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/;}/g, '}')
    .replace(/([{;])([a-z-]+):\s+/g, '$1$2:')
    .trim() + '\n';
}

export async function minifyJs(js) {
  const out = await minify(js, { ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  return out.code + '\n';
}

async function main(files) {
  let before = 0;
  let after = 0;
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    const ext = path.extname(file);
    const out = ext === '.css' ? minifyCss(source) : ext === '.js' ? await minifyJs(source) : null;
    if (out === null) throw new Error(`${file}: neither .js nor .css`);
    writeFileSync(file, out);
    before += Buffer.byteLength(source);
    after += Buffer.byteLength(out);
  }
  console.log(`minify: ${files.length} files, ${before} -> ${after} bytes`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(`minify: ${e.message}`);
    process.exit(1);
  });
}
