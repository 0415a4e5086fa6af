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
  // about a second. Past the time, pdf.js's worker is ended (task.destroy()),
  // which frees what it took. Settable, for the tests.
  const limits = { pages: 500, items: 300000, seconds: 30 };

  function supported() {
    return !document.getElementById('nb-core') && /^https?:$/.test(location.protocol);
  }

  // The PDF baseline: structuredClone (Chromium 98) stands for pdf.js's needs;
  // Array.prototype.at (Chromium 92) and Object.hasOwn (93) come before it.
  function modern() {
    return typeof structuredClone === 'function' && typeof Object.hasOwn === 'function';
  }

  function load() {
    if (!lib) {
      const base = new URL('pdfjs/', document.baseURI);
      lib = import(new URL('pdf.min.mjs', base).href).then((pdfjs) => {
        pdfjs.GlobalWorkerOptions.workerSrc = new URL('pdf.worker.min.mjs', base).href;
        return { pdfjs, base };
      });
      lib.catch(() => { lib = null; });
    }
    return lib;
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

  // bytes: Uint8Array of a PDF; layOut: runs -> Promise of text (the worker's
  // 'layout'). Resolves with the PDF's text.
  async function toText(bytes, layOut) {
    if (!supported()) throw new Error(NB.t('pdfUnsupported'));
    // pdf.js 5 (even its legacy build) is ES2022 and uses structuredClone: Chromium 98, Firefox 94.
    if (!modern()) throw new Error(NB.t('pdfBrowserOld'));
    const { pdfjs, base } = await load();
    const task = pdfjs.getDocument({
      data: bytes, cMapUrl: new URL('cmaps/', base).href, cMapPacked: true,
      isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false,
    });
    let timer = 0;
    const late = new Promise((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(NB.t('pdfTooSlow', limits.seconds))), limits.seconds * 1000);
    });
    late.catch(() => {});
    const within = (promise) => Promise.race([promise, late]);
    try {
      const doc = await within(task.promise);
      if (doc.numPages > limits.pages) throw new Error(NB.t('pdfTooManyPages', limits.pages, doc.numPages));
      const runs = [];
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await within(doc.getPage(n));
        const content = await within(page.getTextContent());
        if (runs.length + content.items.length > limits.items) throw new Error(NB.t('pdfTooManyItems', limits.items));
        for (const run of runsOf(content.items, n, page.view[3] - page.view[1])) runs.push(run);
        page.cleanup();
      }
      return layOut(runs);
    } finally {
      clearTimeout(timer);
      task.destroy();
    }
  }

  return { supported, toText, runsOf, limits };
})();
