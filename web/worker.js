// The checking worker: owns the wasm module, so that checking a long text
// never blocks the page. Served, it is its own file and imports nianbao.js;
// in the one-file page (file://) engine.js runs the same code from a Blob,
// glued after nianbao.js's text, and posts the wasm bytes (base64) in 'init'.
// The readers of files (readText, zipRead, layOut)
// are a second module, nianbao-readers.js/.wasm, loaded on the first op that
// needs one and joined to the first (the one-file page: glued in the Blob
// too, its wasm posted in 'init' as readersBase64).
// Messages in:  {op:'init', wasmBase64?, readersBase64?}  {id, op:'check'|'html'|'text'|'zip'|'layout' (runs, rulings|null)|'sameBody'|'time', ...}
//   check: {text, options?, previous?, model?}: options as the module takes them
//   (lang, disable, severity, deadline, bodyKind, today); previous is last
//   year's report for the across-year checks; model:false leaves the read model out.
//   zip: {bytes}: a zip-based file (.docx, .ofd) read as text (the core's zip
//   reader and the kind's reader, our inflate): {text, kind}; errors are the
//   core's codes (zip-too-large, ...), 'zip-missing: <kind> <entry>' for a
//   part that a kind's file names and does not hold.
//   text: {bytes}: a text file or web page read as the CLI reads it (the
//   core's decoder): {text, encoding, lossy, binary} or {tooLarge, size, limit}.
//   sameBody: {pairs: [[a, b], ...]}: for each, whether the two names are one body.
// Messages out: {op:'ready', version, rules, inputs, maxInputBytes}  {op:'fatal', message}
//               {id, ok:true, value, ms}  {id, ok:false, message}
'use strict';

(function () {
  let module = null;     // the loaded module
  let loading = null;    // its promise
  let dead = false;      // aborted: every later request fails

  function fatal(message) {
    dead = true;
    postMessage({ op: 'fatal', message: String(message) });
  }

  // A blocked wasm compile or import never settles the module's promise.
  self.addEventListener('securitypolicyviolation', (e) => {
    if (!module) fatal('CSP: ' + (e.effectiveDirective || e.violatedDirective));
  });

  function bytesOf(base64) {
    const bin = atob(base64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return bytes;
  }

  function load(wasmBase64) {
    if (typeof createNianbao !== 'function') importScripts('nianbao.js');
    const options = { onAbort: (what) => fatal(what) };
    // Given the bytes the loader neither fetches nor decodes a data: URL.
    if (wasmBase64) options.wasmBinary = bytesOf(wasmBase64);
    return createNianbao(options);
  }

  // The readers of dropped files and pastes are not in the page's first load
  // (the GB18030 table, the HTML, zip, Word and OFD readers, the layout step):
  // loaded on the first op that reads a file or a web page's paste, their
  // functions then join the module's. A
  // module that has them already (node's tests join both) loads nothing.
  const READER_OPS = ['text', 'zip', 'layout', 'html'];
  const READERS = ['readText', 'zipRead', 'layOut', 'htmlToText'];
  let readersBase64 = '';
  let readers = null;   // the promise of the loaded readers

  function loadReaders() {
    if (typeof module.zipRead === 'function') return Promise.resolve();
    if (!readers) {
      readers = new Promise((resolve) => {
        if (typeof createNianbaoReaders !== 'function') importScripts('nianbao-readers.js');
        const options = { onAbort: (what) => fatal(what) };
        if (readersBase64) options.wasmBinary = bytesOf(readersBase64);
        resolve(createNianbaoReaders(options));
      }).then((loaded) => {
        for (const name of READERS) module[name] = loaded[name];
      });
      readers.catch(() => { readers = null; });   // the next file tries again
    }
    return readers;
  }

  // Lone UTF-16 surrogates would be mangled on the way into the module;
  // the replacement keeps the length, so offsets stay those of the page's text.
  function wellFormed(text) {
    if (typeof text.toWellFormed === 'function') return text.toWellFormed();
    return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  }

  // ---- the size limit counts a file's bytes (nianbao/limits.h): the texts
  // read from files lately, with their files' sizes, so that a check of one
  // of them (unchanged) counts those, as the CLI does; an edited text counts
  // its own UTF-8. A few, for the text, last year's report and a batch. ----

  const fileSizes = new Map();   // text -> the size of the file it was read from
  const KEEP_SIZES = 4;

  function remember(text, size) {
    fileSizes.delete(text);
    fileSizes.set(text, size);
    while (fileSizes.size > KEEP_SIZES) fileSizes.delete(fileSizes.keys().next().value);
    return text;
  }

  function sizes(m) {
    const o = {};
    if (fileSizes.has(m.text)) o.inputBytes = fileSizes.get(m.text);
    if (m.previous && fileSizes.has(m.previous)) o.previousInputBytes = fileSizes.get(m.previous);
    return o;
  }

  function readText(bytes) {
    const read = module.readText(bytes);
    if (!read.tooLarge) remember(read.text, bytes.length);
    return read;
  }

  // ---- zip-based inputs (.docx, .ofd), in rounds: the core names the
  // entries its reader of the kind needs (an OFD: OFD.xml, then the
  // Document.xml it names, then its pages), where they are and how far they
  // may inflate; we inflate them and hand them back, until it gives the
  // text. Every entry counts against the core's one budget (zip::Limits),
  // as in the CLI. ----

  function zipError(code, detail) {
    return new Error(code + (detail ? ': ' + detail : ''));
  }

  function concat(parts, total) {
    const out = new Uint8Array(total);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }

  // Chromium < 103 and Firefox < 113 have no 'deflate-raw' (older ones no
  // DecompressionStream at all).
  function hasDeflateRaw() {
    try {
      return typeof DecompressionStream === 'function' && !!new DecompressionStream('deflate-raw');
    } catch (e) {
      return false;
    }
  }

  async function inflateStream(data, limit) {
    const reader = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
    const parts = [];
    let total = 0;
    for (;;) {
      let step;
      try {
        step = await reader.read();
      } catch (e) {
        throw zipError('zip-damaged', String((e && e.message) || e));
      }
      if (step.done) break;
      total += step.value.length;
      if (total > limit) {
        reader.cancel();
        throw zipError('zip-too-large');
      }
      parts.push(step.value);
    }
    return concat(parts, total);
  }

  // The fallback: fflate's Inflate (dist/inflate.js, built by
  // scripts/inflate-lib.mjs), loaded on first need; the one-file page has it
  // in its Blob already. Fed 16 KB at a time, so a bomb stops within ~16 MB.
  function inflateFallback(data, limit) {
    if (typeof self.nbInflate !== 'function') importScripts('inflate.js');
    const parts = [];
    let total = 0;
    const inflater = new self.nbInflate((chunk) => {
      total += chunk.length;
      if (total <= limit) parts.push(chunk);
    });
    const STEP = 16384;
    try {
      for (let at = 0; at < data.length && total <= limit; at += STEP) {
        inflater.push(data.subarray(at, at + STEP), at + STEP >= data.length);
      }
      if (data.length === 0) inflater.push(data, true);
    } catch (e) {
      throw zipError('zip-damaged', String((e && e.message) || e));
    }
    if (total > limit) throw zipError('zip-too-large');
    return concat(parts, total);
  }

  async function readZip(bytes) {
    if (typeof module.zipRead !== 'function') throw new Error('zip');
    const parts = [];   // [[name, inflated bytes]], as the core asked for them
    for (;;) {
      const round = module.zipRead(bytes, parts);
      if (round.code) throw zipError(round.code, round.missing ? round.kind + ' ' + round.missing : round.message);
      if (!round.need) return { text: remember(round.text, bytes.length), kind: round.kind };
      let left = round.left;
      for (const e of round.need) {
        const limit = Math.min(e.limit, left);
        const data = bytes.subarray(e.offset, e.offset + e.packed);
        const part = e.method === 0 ? data : hasDeflateRaw() ? await inflateStream(data, limit) : inflateFallback(data, limit);
        if (part.length > limit) throw zipError('zip-too-large');
        left -= part.length;
        parts.push([e.name, part]);
      }
    }
  }

  const ops = {
    // The result with the read model (tables, cells and their places).
    check: (m) => JSON.parse(module.check(wellFormed(m.text),
      JSON.stringify(Object.assign({}, m.options, { model: m.model !== false }, sizes(m))), m.previous ? wellFormed(m.previous) : '')),
    // A dropped text file or web page, as bytes: the CLI's reading.
    text: (m) => readText(m.bytes),
    // Clipboard text/html and .html files: the core's reading, as the CLI's.
    html: (m) => module.htmlToText(wellFormed(m.html)),
    zip: (m) => readZip(m.bytes),
    // A PDF's text items (web/pdftext.js) laid out by the core: lines, table
    // rows as cells. Without the drawn lines (rulings null), also whether
    // they are wanted: the tables read short without them (nianbao/layout.h).
    layout: (m) => {
      const text = module.layOut(m.runs.map((r) => Object.assign({}, r, { text: wellFormed(r.text) })), m.rulings || []);
      return { text, bordersWanted: !m.rulings && m.runs.length > 0 && module.bordersWanted(text) };
    },
    // The batch view: for each [a, b] of bodies' names, whether they are one body.
    sameBody: (m) => m.pairs.map(([a, b]) => (typeof module.sameBody === 'function' ? module.sameBody(a, b) : a === b)),
    // scripts/bench-page.mjs: the time of each of n checks of one text.
    time: (m) => {
      const text = wellFormed(m.text);
      const times = [];
      for (let i = 0; i < m.n; i++) {
        const t0 = performance.now();
        module.check(text, '{}', '');
        times.push(performance.now() - t0);
      }
      return times;
    },
  };

  function answer(m) {
    if (dead) return postMessage({ id: m.id, ok: false, message: 'module stopped' });
    const op = ops[m.op];
    if (!op) return postMessage({ id: m.id, ok: false, message: 'unknown op ' + m.op });
    const t0 = performance.now();
    const failed = (e) => postMessage({ id: m.id, ok: false, message: String((e && e.message) || e) });
    if (READER_OPS.includes(m.op) && typeof module.zipRead !== 'function') return loadReaders().then(() => answer(m), failed);
    let value;
    try {
      value = op(m);
    } catch (e) {
      return failed(e);
    }
    const done = (v) => postMessage({ id: m.id, ok: true, value: v, ms: performance.now() - t0 });
    // The zip op inflates asynchronously; the others answer at once.
    if (value && typeof value.then === 'function') value.then(done, failed);
    else done(value);
  }

  self.onmessage = (event) => {
    const m = event.data || {};
    if (m.op === 'init') {
      readersBase64 = m.readersBase64 || '';
      try {
        loading = load(m.wasmBase64);
      } catch (e) {
        return fatal((e && e.message) || e);
      }
      loading.then((loaded) => {
        if (dead) return;
        module = loaded;
        postMessage({ op: 'ready', version: String(module.version()), rules: JSON.parse(module.rules()),
          inputs: typeof module.inputKinds === 'function' ? module.inputKinds() : [], maxInputBytes: module.maxInputBytes() });
      }, (e) => fatal((e && e.message) || e));
      return;
    }
    if (!loading) return postMessage({ id: m.id, ok: false, message: 'not initialised' });
    loading.then(() => answer(m), () => answer(m));
  };
})();
