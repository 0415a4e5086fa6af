// PDF to text with pdf.js, loaded only when a PDF arrives (from pdfjs/, next
// to the page; the one-file page has no PDF support and says so). pdf.js
// gives each page's text items with their places; the core's layout step
// (core/src/layout, through the worker) makes lines and table rows of them,
// with an empty cell kept empty, as the CLI reads an OFD.
'use strict';

window.NB = window.NB || {};

NB.pdf = (function () {
  let lib = null;

  // What a PDF may take before it is refused: pdf.js has no bound of its own
  // (a PDF of 100,000 pages ran past two minutes; a flate bomb took 18 s and
  // 2.2 GB). A report has 5-30 pages and a few thousand text items, read in
  // about a second. Past the time, pdf.js's worker is ended, which frees what
  // it took. Settable, for the tests.
  const limits = { pages: 500, items: 300000, rulings: 200000, seconds: 30 };

  function supported() {
    return !document.getElementById('nb-core') && /^https?:$/.test(location.protocol);
  }

  // The PDF baseline: structuredClone (Chromium 98) stands for pdf.js's needs;
  // Array.prototype.at (Chromium 92) and Object.hasOwn (93) come before it.
  function modern() {
    return typeof structuredClone === 'function' && typeof Object.hasOwn === 'function';
  }

  // pdf.js's worker, made here and kept for the next PDF: its script (the
  // larger part of pdf.js) loads while pdf.min.mjs does, and a second PDF
  // does not start a worker again. Ended when a PDF takes too long.
  let port = null;
  const base = () => new URL('pdfjs/', document.baseURI);
  function workerPort() {
    if (!port) port = new Worker(new URL('pdf.worker.min.mjs', base()).href, { type: 'module' });
    return port;
  }

  function load() {
    if (!lib) {
      workerPort();
      lib = import(new URL('pdf.min.mjs', base()).href).then((pdfjs) => ({ pdfjs, base: base() }));
      lib.catch(() => { lib = null; });
    }
    return lib;
  }

  // Starts loading pdf.js, where it can read (a PDF is being dragged in).
  function preload() {
    if (supported() && modern()) load().catch(() => { /* toText tries again and says why */ });
  }

  // A page's text items -> the layout step's runs: {page, x, y, w, h, angle,
  // text}, y down from the page's top. scripts/pdf_runs.mjs writes the test
  // fixtures (tests/fixtures/runs) with this same function.
  function runsOf(items, page, pageHeight) {
    const round = (v) => Math.round(v * 100) / 100;
    const runs = [];
    for (const it of items) {
      // pdf.js fills gaps with blank items as wide as the gap: the gap itself is what counts.
      if (!it.str || !/\S/.test(it.str) || !Array.isArray(it.transform)) continue;
      const [a, b, c, d, x, y] = it.transform;
      const size = Math.hypot(c, d) || Math.abs(d) || 10;
      runs.push({ page, x: round(x), y: round(pageHeight - y), w: round(it.width || 0), h: round(size),
        angle: round(Math.atan2(b, a) * 180 / Math.PI), text: it.str });
    }
    return runs;
  }

  // A page's operator list -> the lines it draws (a table's cell borders):
  // {page, x0, y0, x1, y1}, y down from the page's top, as the CLI makes
  // them (cli/pdf/paths.h): a path is its subpaths of points (pdf.js builds a
  // rectangle as four corners, closed); a stroked path gives each of its
  // horizontal or vertical straight segments, a filled one each subpath that
  // is a thin upright rectangle (at most 2.5 units across) as its centre
  // line; curves are none. Points go through the transform in force.
  // scripts/pdf_runs.mjs writes the test fixtures with this same function.
  function rulingsOf(opList, OPS, page, pageHeight, cap) {
    const round = (v) => Math.round(v * 100) / 100;
    const mul = (m, n) => [m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1], m[0] * n[2] + m[2] * n[3],
      m[1] * n[2] + m[3] * n[3], m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5]];
    const strokes = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
    const fills = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
    const out = [];
    const add = (x0, y0, x1, y1) => {
      if (out.length < cap) out.push({ page, x0: round(x0), y0: round(pageHeight - y0), x1: round(x1), y1: round(pageHeight - y1) });
    };
    let ctm = [1, 0, 0, 1, 0, 0];
    const saved = [];
    const { fnArray, argsArray } = opList;
    for (let i = 0; i < fnArray.length && out.length < cap; i++) {
      const fn = fnArray[i];
      const args = argsArray[i];
      if (fn === OPS.save) saved.push(ctm);
      else if (fn === OPS.restore || fn === OPS.paintFormXObjectEnd) ctm = saved.pop() || ctm;
      else if (fn === OPS.transform) ctm = mul(ctm, args);
      else if (fn === OPS.paintFormXObjectBegin) {
        saved.push(ctm);
        if (Array.isArray(args[0]) && args[0].length === 6) ctm = mul(ctm, args[0]);
      } else if (fn === OPS.constructPath && args && args[1] && args[1][0]) {
        const stroke = strokes.has(args[0]);
        const fill = fills.has(args[0]);
        if (!stroke && !fill) continue;
        const data = args[1][0];
        const subs = [];
        let cur = null;
        const point = (x, y, straight) => {
          const p = { x: ctm[0] * x + ctm[2] * y + ctm[4], y: ctm[1] * x + ctm[3] * y + ctm[5], straight };
          if (!cur) { cur = { points: [], closed: false }; subs.push(cur); }
          cur.points.push(p);
        };
        for (let k = 0; k < data.length;) {
          const code = data[k];
          if (code === 0) { cur = null; point(data[k + 1], data[k + 2], true); k += 3; }
          else if (code === 1) { point(data[k + 1], data[k + 2], true); k += 3; }
          else if (code === 2) { point(data[k + 5], data[k + 6], false); k += 7; }
          else if (code === 3) { point(data[k + 3], data[k + 4], false); k += 5; }
          else if (code === 4) {
            if (cur) {
              cur.closed = true;
              const start = cur.points[0];
              cur = { points: [{ x: start.x, y: start.y, straight: true }], closed: false };
              subs.push(cur);
            }
            k += 1;
          } else break;
        }
        for (const sub of subs) {
          const pts = sub.points;
          const n = pts.length;
          if (stroke) {
            for (let k = 1; k <= n; k++) {
              if (k === n && !(sub.closed && n > 2)) break;
              const a = pts[k - 1];
              const b = pts[k % n];
              if (k < n && !b.straight) continue;
              const dx = Math.abs(b.x - a.x);
              const dy = Math.abs(b.y - a.y);
              if ((dx <= 0.5 || dy <= 0.5) && Math.max(dx, dy) >= 1) add(a.x, a.y, b.x, b.y);
            }
          }
          if (fill && sub.closed && n === 4) {
            const xs = pts.map((q) => q.x);
            const ys = pts.map((q) => q.y);
            const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
            const upright = pts.every((q) => q.straight && (Math.abs(q.x - x0) < 0.01 || Math.abs(q.x - x1) < 0.01)
              && (Math.abs(q.y - y0) < 0.01 || Math.abs(q.y - y1) < 0.01));
            const w = x1 - x0, h = y1 - y0;
            if (!upright || Math.min(w, h) > 2.5 || Math.max(w, h) < 3) continue;
            if (w < h) add((x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
            else add(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
          }
        }
      }
    }
    return out;
  }

  // Each page of doc in turn, asked for one page ahead, so that pdf.js's
  // worker never waits for this thread between two pages: ask(page) -> a
  // promise; use(page, n, answer) takes it.
  async function eachPage(doc, within, ask, use) {
    const read = (n) => doc.getPage(n).then((page) => Promise.all([page, ask(page)]));
    let next = read(1);
    next.catch(() => {});
    for (let n = 1; n <= doc.numPages; n++) {
      const [page, answer] = await within(next);
      if (n < doc.numPages) {
        next = read(n + 1);
        next.catch(() => {});
      }
      use(page, n, answer);
      page.cleanup();
    }
  }

  // bytes: Uint8Array of a PDF; layOut: (runs, rulings) -> Promise of
  // {text, bordersWanted} (the worker's 'layout'; rulings null: not read
  // yet). Resolves with the PDF's text. The drawn lines come from pdf.js's
  // operator lists, which cost as much again as the text, so they are read
  // only when the text laid out without them reads its tables short, as the
  // CLI decides (nianbao/layout.h borders_wanted).
  async function toText(bytes, layOut) {
    if (!supported()) throw new Error(NB.t('pdfUnsupported'));
    // pdf.js 5 (even its legacy build) is ES2022 and uses structuredClone: Chromium 98, Firefox 94.
    if (!modern()) throw new Error(NB.t('pdfBrowserOld'));
    // Stages as performance marks (scripts/bench-page.mjs prints them).
    const mark = (stage) => performance.mark('nianbao-pdf-' + stage);
    mark('start');
    const { pdfjs, base } = await load();
    mark('loaded');
    pdfjs.GlobalWorkerOptions.workerPort = workerPort();
    const task = pdfjs.getDocument({
      data: bytes, cMapUrl: new URL('cmaps/', base).href, cMapPacked: true,
      isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false,
    });
    let timer = 0;
    const late = new Promise((resolve, reject) => {
      timer = setTimeout(() => {
        // What pdf.js took it keeps until its worker ends.
        if (port) port.terminate();
        port = null;
        reject(new Error(NB.t('pdfTooSlow', limits.seconds)));
      }, limits.seconds * 1000);
    });
    late.catch(() => {});
    const within = (promise) => Promise.race([promise, late]);
    try {
      const doc = await within(task.promise);
      mark('opened');
      if (doc.numPages > limits.pages) throw new Error(NB.t('pdfTooManyPages', limits.pages, doc.numPages));
      const runs = [];
      const heights = [];
      await eachPage(doc, within, (page) => page.getTextContent(), (page, n, content) => {
        heights[n] = page.view[3] - page.view[1];
        if (runs.length + content.items.length > limits.items) throw new Error(NB.t('pdfTooManyItems', limits.items));
        for (const run of runsOf(content.items, n, heights[n])) runs.push(run);
      });
      mark('text');
      const plain = await within(layOut(runs, null));
      mark('laid-out');
      if (!plain.bordersWanted) return plain.text;
      const rulings = [];
      await eachPage(doc, within, (page) => page.getOperatorList(), (page, n, ops) => {
        for (const r of rulingsOf(ops, pdfjs.OPS, n, heights[n], limits.rulings - rulings.length)) rulings.push(r);
      });
      mark('rulings');
      const laid = await within(layOut(runs, rulings));
      mark('laid-out');
      return laid.text;
    } finally {
      clearTimeout(timer);
      task.destroy();
    }
  }

  return { supported, preload, toText, runsOf, rulingsOf, limits };
})();
