// The page's side of the checking worker (worker.js): starts it, turns its
// messages into promises, and turns every way loading can fail (a blocked
// script or wasm compile, a missing file, a crash, silence) into one error.
// Served: new Worker('worker.js'). One-file page (file://, where a worker file
// cannot load): a Blob worker made from the inlined data blocks #nb-core
// (nianbao.js) and #nb-worker (worker.js); the wasm comes from #nb-wasm.
'use strict';

window.NB = window.NB || {};

NB.engine = (function () {
  const LOAD_TIMEOUT_MS = 20000;
  let worker = null;
  let nextId = 1;
  const waiting = new Map();   // id -> {resolve, reject}
  let onFatal = () => {};
  let stopped = false;

  // A module that aborts after it was ready (out of memory on some input, a
  // bug) takes only that request with it: the worker is replaced by a fresh
  // one and the page stays usable (the text is never touched). Restarts are
  // rationed, so a module that cannot run at all still ends in stop().
  const MAX_RESTARTS = 3;
  let restarts = 0;
  let relaunch = null;   // set by start(): starts a new worker with the same handlers

  function restart(message) {
    for (const w of waiting.values()) w.reject(new Error(message));
    waiting.clear();
    if (worker) worker.terminate();
    worker = null;
    if (++restarts > MAX_RESTARTS || !relaunch) return stop(message);
    relaunch();
  }

  function stop(message) {
    if (stopped) return;
    stopped = true;
    for (const w of waiting.values()) w.reject(new Error(message));
    waiting.clear();
    if (worker) worker.terminate();
    onFatal(message);
  }

  function create() {
    const core = document.getElementById('nb-core');
    if (!core) return { worker: new Worker('worker.js'), init: { op: 'init' } };
    // The fallback inflater (#nb-inflate, fflate) goes into the Blob too: from
    // file:// the worker could not importScripts it later.
    const inflate = document.getElementById('nb-inflate');
    // So do the file readers' module (#nb-readers, #nb-readers-wasm), which the
    // served worker loads on the first file.
    const readers = document.getElementById('nb-readers');
    const code = core.textContent + '\n;\n' + (readers ? readers.textContent + '\n;\n' : '')
      + (inflate ? inflate.textContent + '\n;\n' : '') + document.getElementById('nb-worker').textContent;
    const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
    const readersWasm = document.getElementById('nb-readers-wasm');
    return { worker: new Worker(url), url, init: { op: 'init', wasmBase64: document.getElementById('nb-wasm').textContent.trim(),
      readersBase64: readersWasm ? readersWasm.textContent.trim() : '' } };
  }

  // Starts the worker; resolves with {version, rules, inputs, maxInputBytes} once the
  // module is ready (inputs: the core's table of input kinds, and maxInputBytes its
  // size limit, for NB.decode).
  // handlers.fatal(message) is called once if it cannot load or stops later.
  function start(handlers) {
    onFatal = handlers.fatal;
    return new Promise((resolve) => {
      const timer = setTimeout(() => stop('timeout'), LOAD_TIMEOUT_MS);
      // A worker or wasm blocked by the page's policy is reported here (while
      // loading only: a later violation, say by an extension, is not ours).
      let loaded = false;
      document.addEventListener('securitypolicyviolation', (e) => {
        const directive = String(e.effectiveDirective || e.violatedDirective || '');
        if (!loaded && /^(script|worker|default)-src/.test(directive)) stop('CSP ' + directive);
      });
      const launch = () => {
        let made;
        try {
          made = create();
        } catch (e) {
          clearTimeout(timer);
          stop(String((e && e.message) || e));
          return;
        }
        worker = made.worker;
        // Revoked only once the worker answered: its script is fetched asynchronously.
        const revoke = () => made.url && URL.revokeObjectURL(made.url);
        worker.onerror = (e) => {
          e.preventDefault();
          if (loaded) restart(e.message || 'worker error');
          else stop(e.message || 'worker error');
        };
        worker.onmessage = (event) => {
          const m = event.data;
          if (m.op === 'ready') {
            clearTimeout(timer);
            revoke();
            loaded = true;
            resolve({ version: m.version, rules: m.rules, inputs: m.inputs, maxInputBytes: m.maxInputBytes });
          } else if (m.op === 'fatal') {
            clearTimeout(timer);
            revoke();
            if (loaded) restart(m.message);
            else stop(m.message);
          } else {
            const w = waiting.get(m.id);
            if (!w) return;
            waiting.delete(m.id);
            if (m.ok) w.resolve({ value: m.value, ms: m.ms });
            else w.reject(new Error(m.message));
          }
        };
        worker.postMessage(made.init);
      };
      relaunch = launch;
      launch();
    });
  }

  // Sends a request: op 'check' {text}, 'html' {html}, 'text' {bytes}, 'zip' {bytes}, 'time' {text, n}.
  function request(op, fields) {
    if (stopped || !worker) return Promise.reject(new Error('stopped'));
    // After a restart the new worker queues requests until its module is
    // ready (worker.js waits for its own load).
    const id = nextId++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.postMessage(Object.assign({ id, op }, fields));
    });
  }

  return { start, request };
})();
