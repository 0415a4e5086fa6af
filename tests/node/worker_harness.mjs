// The page's worker (web/worker.js) and its file reading (web/decode.js, with
// web/i18n.js's messages) run under node with the wasm module, as the page
// runs them: for the tests that hold the page to the CLI.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { inflateLib } from '../../scripts/inflate-lib.mjs';
import { loadNianbao, repo } from './helpers.mjs';

const workerCode = readFileSync(path.join(repo, 'web', 'worker.js'), 'utf8');
const inflateCode = await inflateLib();

// worker.js in this realm (the module's std::string takes only this realm's
// Uint8Array), its globals given as parameters: self, postMessage,
// importScripts, createNianbao and DecompressionStream (undefined: removed,
// as in Chromium < 103 or Firefox < 113: the worker then loads the fallback
// inflater, dist/inflate.js, with importScripts).
export async function startWorker({ deflateRaw = true } = {}) {
  const module = await loadNianbao();
  const self = { addEventListener() {}, onmessage: null };
  const imported = [];
  const waiting = new Map();
  let ready;
  const readyPromise = new Promise((resolve) => { ready = resolve; });
  const postMessage = (m) => {
    if (m.op === 'ready') return ready(m);
    const w = waiting.get(m.id);
    if (w) w(m);
  };
  const importScripts = (name) => {
    imported.push(name);
    assert.equal(name, 'inflate.js');
    new Function('self', inflateCode)(self);
  };
  const run = new Function('self', 'postMessage', 'importScripts', 'createNianbao', 'DecompressionStream', workerCode);
  run(self, postMessage, importScripts, () => Promise.resolve(module), deflateRaw ? DecompressionStream : undefined);
  self.onmessage({ data: { op: 'init' } });
  const readyMessage = await readyPromise;
  let id = 0;
  // The worker's answer as it posts it: {id, ok, value, ms} or {id, ok: false, message}.
  const request = (op, fields) => new Promise((resolve) => {
    waiting.set(++id, resolve);
    self.onmessage({ data: { id, op, ...fields } });
  });
  return { request, imported, readyMessage, module };
}

// web/i18n.js and web/decode.js in a window of their own, NB.decode set up
// from the worker's 'ready' as app.js does; fileText(file) reads a File the
// page's way (NB.decode.fileText with the worker's requests, as engine.js
// answers them: {value} or an Error with the worker's message).
export async function startPageReader(options) {
  const worker = await startWorker(options);
  const window = { NB: {} };
  for (const name of ['i18n.js', 'decode.js']) {
    new Function('window', 'NB', readFileSync(path.join(repo, 'web', name), 'utf8'))(window, window.NB);
  }
  const NB = window.NB;
  NB.decode.setKinds(worker.readyMessage.inputs);
  NB.decode.setLimit(worker.readyMessage.maxInputBytes);
  const request = async (op, fields) => {
    const answer = await worker.request(op, fields);
    if (!answer.ok) throw new Error(answer.message);
    return { value: answer.value, ms: answer.ms };
  };
  return { worker, NB, request, fileText: (file) => NB.decode.fileText(file, request) };
}
