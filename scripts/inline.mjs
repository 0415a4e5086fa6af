#!/usr/bin/env node
// Makes one self-contained HTML file from the page (no dependencies):
//   node scripts/inline.mjs IN.html OUT.html [--replace NAME=FILE]... [--script NAME]...
//        [--data ID=FILE]... [--base64 ID=FILE]... [--csp]
// Every <link rel="stylesheet" href="X"> becomes <style>, an icon a data: URL, every
// <script src="X" ...></script> a classic inline <script>, read from the folder of the
// input page (--replace NAME=FILE takes X=NAME from elsewhere); --script NAME inlines one
// more script of that folder after the page's own (what the served page loads on
// demand, e.g. later.js). --data and --base64 add
// data blocks (<script type="text/plain|application/octet-stream" id="ID">, never run
// by the page) before </body>: engine.js builds the checking worker from them, since
// a worker file cannot load from file://. --csp adds a <meta> Content-Security-Policy
// that allows exactly the inlined scripts and styles (by hash), the wasm compile and
// a blob: worker, and nothing else. Fails if a local reference is left.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const MIME = { '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon' };

function usage(message) {
  console.error(`inline: ${message}\nusage: node scripts/inline.mjs IN.html OUT.html [--replace NAME=FILE]... `
    + '[--script NAME]... [--data ID=FILE]... [--base64 ID=FILE]... [--csp]');
  process.exit(2);
}

function pair(arg, flag) {
  const at = (arg || '').indexOf('=');
  if (at <= 0 || at === arg.length - 1) usage(`${flag} expects NAME=FILE`);
  return [arg.slice(0, at), arg.slice(at + 1)];
}

export function parseArgs(argv) {
  const files = [];
  const replace = new Map();
  const scripts = [];
  const data = [];
  let csp = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--replace') replace.set(...pair(argv[++i], a));
    else if (a === '--script') {
      const name = argv[++i];
      if (!name || !/^[\w.-]+\.js$/.test(name)) usage('--script expects a NAME.js of the page\'s folder');
      scripts.push(name);
    }
    else if (a === '--data' || a === '--base64') {
      const [id, file] = pair(argv[++i], a);
      if (!/^[A-Za-z][\w-]*$/.test(id)) usage(`${a}: bad id ${id}`);
      data.push({ id, file, base64: a === '--base64' });
    } else if (a === '--csp') csp = true;
    else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else files.push(a);
  }
  if (files.length !== 2) usage('expects an input and an output file');
  return { input: files[0], output: files[1], replace, scripts, data, csp };
}

// Text placed inside <script> or <style> must not close the element early.
function escapeScript(js) {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}
function escapeStyle(css) {
  return css.replace(/<\/(style)/gi, '<\\/$1');
}
const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export function inline({ input, output, replace, scripts = [], data = [], csp = false }) {
  const dir = path.dirname(input);
  const source = (name) => replace.get(name) || path.join(dir, name);
  const used = new Set();
  const hashes = { script: [], style: [] };
  let html = readFileSync(input, 'utf8');
  if (scripts.length) {
    if (!html.includes('</head>')) throw new Error('no </head> to put the --script scripts before');
    html = html.replace('</head>', () => `${scripts.map((s) => `<script src="${s}" defer></script>\n`).join('')}</head>`);
  }

  html = html.replace(/<link\s+rel="icon"\s+href="([^"]+)"/g, (_, href) => {
    used.add(href);
    const type = MIME[path.extname(href).toLowerCase()];
    if (!type) throw new Error(`icon ${href}: unknown type`);
    return `<link rel="icon" href="data:${type};base64,${readFileSync(source(href)).toString('base64')}"`;
  });
  html = html.replace(/<link\s+rel="stylesheet"\s+href="([^"]+)"\s*\/?>/g, (_, href) => {
    used.add(href);
    const css = `\n${escapeStyle(readFileSync(source(href), 'utf8'))}\n`;
    hashes.style.push(sha256(css));
    return `<style>${css}</style>`;
  });
  html = html.replace(/<script\s+src="([^"]+)"[^>]*><\/script>/g, (_, src) => {
    used.add(src);
    const js = `\n${escapeScript(readFileSync(source(src), 'utf8'))}\n`;
    hashes.script.push(sha256(js));
    return `<script>${js}</script>`;
  });

  const blocks = data.map(({ id, file, base64 }) => {
    const bytes = readFileSync(file);
    return base64
      ? `<script type="application/octet-stream" id="${id}">${bytes.toString('base64')}</script>`
      : `<script type="text/plain" id="${id}">\n${escapeScript(bytes.toString('utf8'))}\n</script>`;
  });
  if (blocks.length) {
    if (!html.includes('</body>')) throw new Error('no </body> to put the data blocks before');
    html = html.replace('</body>', () => `${blocks.join('\n')}\n</body>`);
  }

  if (csp) {
    const policy = ["default-src 'none'", `script-src ${hashes.script.join(' ')} 'wasm-unsafe-eval'`,
      `style-src ${hashes.style.join(' ') || "'none'"}`, 'worker-src blob:', 'img-src data:',
      "base-uri 'none'", "form-action 'none'"].join('; ');
    if (!/<meta charset="utf-8">/i.test(html)) throw new Error('no <meta charset="utf-8"> to put the policy after');
    html = html.replace(/<meta charset="utf-8">/i, (m) => `${m}\n<meta http-equiv="Content-Security-Policy" content="${policy}">`);
  }

  const left = html.match(/<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)="(?!data:|#)[^"]*"/i);
  if (left) throw new Error(`a reference is left after inlining: ${left[0]}`);
  for (const name of replace.keys()) {
    if (!used.has(name)) throw new Error(`--replace ${name}: the page does not load it`);
  }
  writeFileSync(output, html);
  return { bytes: Buffer.byteLength(html), inlined: [...used, ...data.map((d) => '#' + d.id)] };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  try {
    const args = parseArgs(process.argv.slice(2));
    const { bytes, inlined } = inline(args);
    console.log(`inline: ${args.output} (${bytes} bytes; ${inlined.join(', ')})`);
  } catch (e) {
    console.error(`inline: ${e.message}`);
    process.exit(1);
  }
}
