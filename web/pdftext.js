// PDF to text with pdf.js, loaded only when a PDF arrives (from pdfjs/, next
// to the page; the one-file page has no PDF support and says so). Lines are
// rebuilt from the text items' positions: items on one baseline (within a
// fraction of the font size) form a line, ordered left to right; a wide gap
// between two items is a cell boundary (a tab), as the core reads table rows.
'use strict';

window.NB = window.NB || {};

NB.pdf = (function () {
  let lib = null;

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

  // Text items of a page -> lines. An item: {str, transform:[a,b,c,d,x,y], width}.
  function linesOf(items) {
    // pdf.js fills gaps with blank items as wide as the gap: the gap itself is what counts.
    const runs = items.filter((it) => /\S/.test(it.str || '') && Array.isArray(it.transform)).map((it) => {
      const size = Math.hypot(it.transform[2], it.transform[3]) || Math.abs(it.transform[3]) || 10;
      return { str: it.str, x: it.transform[4], y: it.transform[5], w: it.width || 0, size };
    });
    runs.sort((a, b) => b.y - a.y || a.x - b.x);
    const lines = [];
    for (const r of runs) {
      const line = lines.length ? lines[lines.length - 1] : null;
      if (line && Math.abs(line.y - r.y) <= Math.min(line.size, r.size) * 0.4) line.runs.push(r);
      else lines.push({ y: r.y, size: r.size, runs: [r] });
    }
    return lines.map((line) => {
      line.runs.sort((a, b) => a.x - b.x);
      let out = '';
      let end = null;
      for (const r of line.runs) {
        if (end !== null) {
          const gap = r.x - end;
          if (gap > r.size * 1.2) out += '\t';
          else if (gap > r.size * 0.2 && /[\x21-\x7e]$/.test(out) && /^[\x21-\x7e]/.test(r.str)) out += ' ';
        }
        out += r.str;
        end = r.x + r.w;
      }
      return out.replace(/[ \u3000]+$/, '');
    });
  }

  // bytes: Uint8Array of a PDF. Resolves with its text.
  async function toText(bytes) {
    if (!supported()) throw new Error(NB.t('pdfUnsupported'));
    // pdf.js 5 (even its legacy build) is ES2022 and uses structuredClone: Chromium 98, Firefox 94.
    if (!modern()) throw new Error(NB.t('pdfBrowserOld'));
    const { pdfjs, base } = await load();
    const task = pdfjs.getDocument({
      data: bytes, cMapUrl: new URL('cmaps/', base).href, cMapPacked: true,
      isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false,
    });
    const doc = await task.promise;
    try {
      const pages = [];
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        pages.push(linesOf(content.items).join('\n'));
        page.cleanup();
      }
      return pages.join('\n');
    } finally {
      doc.destroy();
    }
  }

  return { supported, toText, linesOf };
})();
