#!/usr/bin/env node
// Makes one self-contained HTML file from the page (no dependencies):
//   node scripts/inline.mjs web/index.html dist/nianbao.html [--replace NAME=FILE]...
// Every <link rel="stylesheet" href="X"> becomes <style>, an icon a data: URL, every
// <script src="X" ...></script> a classic inline <script>, read from the
// folder of the input page; --replace takes a script from elsewhere (the
// SINGLE_FILE module for nianbao.js). Fails if a local reference is left.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const MIME = { '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon' };

function usage(message) {
  console.error(`inline: ${message}\nusage: node scripts/inline.mjs IN.html OUT.html [--replace NAME=FILE]...`);
  process.exit(2);
}

function parseArgs(argv) {
  const files = [];
  const replace = new Map();
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--replace') {
      const [name, file] = (argv[++i] || '').split('=');
      if (!name || !file) usage('--replace expects NAME=FILE');
      replace.set(name, file);
    } else files.push(argv[i]);
  }
  if (files.length !== 2) usage('expects an input and an output file');
  return { input: files[0], output: files[1], replace };
}

// Text placed inside <script> or <style> must not close the element early.
function escapeScript(js) {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}
function escapeStyle(css) {
  return css.replace(/<\/(style)/gi, '<\\/$1');
}

function inline({ input, output, replace }) {
  const dir = path.dirname(input);
  const source = (name) => replace.get(name) || path.join(dir, name);
  const used = new Set();
  let html = readFileSync(input, 'utf8');

  html = html.replace(/<link\s+rel="icon"\s+href="([^"]+)"/g, (_, href) => {
    used.add(href);
    const type = MIME[path.extname(href).toLowerCase()];
    if (!type) throw new Error(`icon ${href}: unknown type`);
    return `<link rel="icon" href="data:${type};base64,${readFileSync(source(href)).toString('base64')}"`;
  });
  html = html.replace(/<link\s+rel="stylesheet"\s+href="([^"]+)"\s*\/?>/g, (_, href) => {
    used.add(href);
    return `<style>\n${escapeStyle(readFileSync(source(href), 'utf8'))}\n</style>`;
  });
  html = html.replace(/<script\s+src="([^"]+)"[^>]*><\/script>/g, (_, src) => {
    used.add(src);
    return `<script>\n${escapeScript(readFileSync(source(src), 'utf8'))}\n</script>`;
  });

  const left = html.match(/<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)="(?!data:|#)[^"]*"/i);
  if (left) throw new Error(`a reference is left after inlining: ${left[0]}`);
  for (const name of replace.keys()) {
    if (!used.has(name)) throw new Error(`--replace ${name}: the page does not load it`);
  }
  writeFileSync(output, html);
  return { bytes: Buffer.byteLength(html), inlined: [...used] };
}

try {
  const args = parseArgs(process.argv.slice(2));
  const { bytes, inlined } = inline(args);
  console.log(`inline: ${args.output} (${bytes} bytes; ${inlined.join(', ')})`);
} catch (e) {
  console.error(`inline: ${e.message}`);
  process.exit(1);
}
