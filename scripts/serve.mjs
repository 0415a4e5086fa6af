#!/usr/bin/env node
// A tiny static file server for dist/ (no dependencies).
//   node scripts/serve.mjs [DIR] [--host 127.0.0.1] [--port 8080] [--no-csp]
// Also importable: `const s = await serve({ root, port: 0 }); ... await s.close();`
// Sends the page's Content-Security-Policy on every response (the page must
// work under it) and closes idle keep-alive sockets on shutdown, so that
// a browser's open connections cannot keep the process alive.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
};

function send(res, status, headers, body) {
  res.writeHead(status, headers);
  res.end(body);
}

// Maps a URL path to a file under root, or null when it escapes root.
function resolvePath(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file;
}

async function handle(root, csp, req, res) {
  const base = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' };
  if (csp) base['Content-Security-Policy'] = csp;
  const text = { ...base, 'Content-Type': 'text/plain; charset=utf-8' };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(res, 405, { ...text, Allow: 'GET, HEAD' }, 'method not allowed\n');
  }
  const urlPath = new URL(req.url, 'http://localhost').pathname;
  let file = resolvePath(root, urlPath);
  if (!file) return send(res, 400, text, 'bad path\n');
  try {
    if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
    const body = await readFile(file);
    const type = MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
    res.writeHead(200, { ...base, 'Content-Type': type, 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    send(res, 404, text, 'not found\n');
  }
}

export async function serve({ root, host = '127.0.0.1', port = 0, csp = CSP } = {}) {
  const dir = path.resolve(root);
  const server = createServer((req, res) => {
    handle(dir, csp, req, res).catch(() => {
      if (!res.headersSent) send(res, 500, {}, 'error\n');
      else res.destroy();
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}/`;
  const close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return { server, url, port: address.port, close };
}

function parseArgs(argv) {
  const opts = { root: path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist'), host: '127.0.0.1', port: 8080, csp: CSP };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--host') opts.host = argv[++i];
    else if (a === '--port') opts.port = Number(argv[++i]);
    else if (a === '--no-csp') opts.csp = null;
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else opts.root = a;
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) throw new Error('bad --port');
  return opts;
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`serve: ${e.message}\nusage: node scripts/serve.mjs [DIR] [--host H] [--port N] [--no-csp]`);
    process.exit(2);
  }
  const s = await serve(opts);
  console.log(`nianbao: serving ${path.resolve(opts.root)} at ${s.url}  (Ctrl-C to stop)`);
  const stop = async () => {
    await s.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e) => {
    console.error(`serve: ${e.message}`);
    process.exit(1);
  });
}
