// The checking worker: owns the wasm module, so that checking a long text
// never blocks the page. Served, it is its own file and imports nianbao.js;
// in the one-file page (file://) engine.js runs the same code from a Blob,
// glued after nianbao.js's text, and posts the wasm bytes (base64) in 'init'.
// Messages in:  {op:'init', wasmBase64?}  {id, op:'check'|'html'|'docx'|'zip'|'time', ...}
//   check: {text, options?, previous?, model?}: options as the module takes them
//   (lang, disable, severity, deadline, bodyKind, today); previous is last
//   year's report for the across-year checks; model:false leaves the read model out.
//   zip: {bytes}: a zip-based file (.docx) read as text (the core's zip reader,
//   our inflate); errors are the core's codes (zip-too-large, ...).
// Messages out: {op:'ready', version, rules, inputs}  {op:'fatal', message}
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

  // Lone UTF-16 surrogates would be mangled on the way into the module;
  // the replacement keeps the length, so offsets stay those of the page's text.
  function wellFormed(text) {
    if (typeof text.toWellFormed === 'function') return text.toWellFormed();
    return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  }

  // ---- zip-based inputs: the core plans (which entry, where, how far it may
  // inflate), we inflate, the core reads the part. ----

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
    if (typeof module.zipPlan !== 'function') throw new Error('docx');
    const plan = module.zipPlan(bytes);
    if (plan.code) throw zipError(plan.code, plan.message);
    const e = plan.entry;
    const data = bytes.subarray(e.offset, e.offset + e.packed);
    const part = e.method === 0 ? data : hasDeflateRaw() ? await inflateStream(data, e.limit) : inflateFallback(data, e.limit);
    return module.readZipPart(plan.kind, part);
  }

  const ops = {
    // The result with the read model (tables, cells and their places).
    check: (m) => JSON.parse(module.check(wellFormed(m.text),
      JSON.stringify(Object.assign({}, m.options, { model: m.model !== false })), m.previous ? wellFormed(m.previous) : '')),
    // Clipboard text/html and .html files: the core's reading, as the CLI's.
    html: (m) => module.htmlToText(wellFormed(m.html)),
    // word/document.xml of a .docx (the page unzips it): lines, table rows as tab-separated cells.
    docx: (m) => {
      if (typeof module.docxToText !== 'function') throw new Error('docx');
      return module.docxToText(wellFormed(m.xml));
    },
    zip: (m) => readZip(m.bytes),
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
      try {
        loading = load(m.wasmBase64);
      } catch (e) {
        return fatal((e && e.message) || e);
      }
      loading.then((loaded) => {
        if (dead) return;
        module = loaded;
        postMessage({ op: 'ready', version: String(module.version()), rules: JSON.parse(module.rules()),
          inputs: typeof module.inputKinds === 'function' ? module.inputKinds() : [] });
      }, (e) => fatal((e && e.message) || e));
      return;
    }
    if (!loading) return postMessage({ id: m.id, ok: false, message: 'not initialised' });
    loading.then(() => answer(m), () => answer(m));
  };
})();
