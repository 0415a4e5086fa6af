// The checking worker: owns the wasm module, so that checking a long text
// never blocks the page. Served, it is its own file and imports nianbao.js;
// in the one-file page (file://) engine.js runs the same code from a Blob,
// glued after nianbao.js's text, and posts the wasm bytes (base64) in 'init'.
// Messages in:  {op:'init', wasmBase64?}  {id, op:'check'|'html'|'docx'|'time', ...}
//   check: {text, options?, previous?, model?}: options as the module takes them
//   (lang, disable, severity, deadline, bodyKind, today); previous is last
//   year's report for the across-year checks; model:false leaves the read model out.
// Messages out: {op:'ready', version, rules}  {op:'fatal', message}
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
    let value;
    try {
      value = op(m);
    } catch (e) {
      return postMessage({ id: m.id, ok: false, message: String((e && e.message) || e) });
    }
    postMessage({ id: m.id, ok: true, value, ms: performance.now() - t0 });
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
        postMessage({ op: 'ready', version: String(module.version()), rules: JSON.parse(module.rules()) });
      }, (e) => fatal((e && e.message) || e));
      return;
    }
    if (!loading) return postMessage({ id: m.id, ok: false, message: 'not initialised' });
    loading.then(() => answer(m), () => answer(m));
  };
})();
