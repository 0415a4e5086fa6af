// embed.html: the checker in an iframe on another site's page, talking to
// that page with postMessage. The frame answers only parent origins its
// webmaster named in its address, never '*':
//   embed.html?origin=https://www.example.gov.cn[&origin=https://…][&lang=en]
// (several origins also comma-separated; its own origin is always allowed).
// Host -> frame:  {type:'nianbao:check', id, text, options?, previous?}
//                 options: lang, disable, severity, deadline, bodyKind, today
//                 {type:'nianbao:hello'}  (answered with nianbao:ready once loaded)
// Frame -> host:  {type:'nianbao:ready', version}
//                 {type:'nianbao:result', id, result}   (id null: typed in the frame)
//                 {type:'nianbao:error', id, message}
//                 {type:'nianbao:height', height}        (CSS px of the content)
// Messages from any other window or origin are ignored, and every message
// out names the parent's origin, so the browser drops it if the frame was
// put on any other site. It goes to that one origin only, once known (a
// message to another target is dropped with a console warning; Firefox logs
// an error).
'use strict';

(function () {
  const DEBOUNCE_MS = 300;
  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  const embedded = window.parent !== window;

  // The allowed parent origins: exact http(s) origins only.
  const allowed = new Set(/^https?:$/.test(location.protocol) ? [location.origin] : []);
  const refused = [];
  for (const raw of params.getAll('origin').flatMap((v) => v.split(','))) {
    const o = raw.trim().replace(/\/$/, '');
    if (!o) continue;
    let url = null;
    try {
      url = new URL(o);
    } catch (e) { /* refused below */ }
    if (url && /^https?:$/.test(url.protocol) && url.origin === o) allowed.add(o);
    else refused.push(o);
  }

  let ready = false;
  let version = '';
  let options = {};        // the host's last options
  let previous = '';
  let result = null;
  let checked = null;
  let running = null;      // the check in the worker
  let timer = 0;

  // The parent's origin: what the browser says (Chromium's ancestorOrigins),
  // the frame's own when the parent is same-origin, else the referrer's (the
  // default referrer policy gives a cross-origin frame its parent's origin);
  // a message from the parent settles it. Unknown (no referrer), a message
  // goes to every allowed origin but the frame's own.
  function parentOriginOf() {
    if (!embedded) return null;
    const ancestors = location.ancestorOrigins;
    if (ancestors && ancestors.length) return ancestors[0];
    try {
      if (window.parent.location.origin) return window.parent.location.origin;
    } catch (e) { /* cross-origin: not the frame's own */ }
    try {
      return document.referrer ? new URL(document.referrer).origin : null;
    } catch (e) {
      return null;
    }
  }
  let parentOrigin = parentOriginOf();

  function post(message, origin) {
    if (!embedded) return;
    const targets = origin ? [origin] : parentOrigin ? [parentOrigin].filter((o) => allowed.has(o))
      : [...allowed].filter((o) => o !== location.origin);
    for (const target of targets) window.parent.postMessage(message, target);
  }

  function status(text) {
    $('status').textContent = text;
  }

  function show(res) {
    result = res;
    NB.render.verdict($('summary'), res);
    NB.render.findings($('findings'), res);
  }

  // Checks the box's text; resolves with the result (null for an empty box).
  async function runCheck() {
    clearTimeout(timer);
    const text = $('input').value;
    if (running) await running.catch(() => null);
    if (text === checked && result) return result;
    if (!text.trim()) {
      checked = text;
      show(null);
      return null;
    }
    running = NB.engine.request('check', { text, options, previous, model: false }).then(({ value }) => value);
    try {
      const value = await running;
      checked = text;
      if (text === $('input').value) show(value);
      return value;
    } finally {
      running = null;
    }
  }

  function typed() {
    clearTimeout(timer);
    timer = setTimeout(() => runCheck().then((value) => value && post({ type: 'nianbao:result', id: null, result: value }),
      (e) => status(NB.t('checkFailed', e.message))), DEBOUNCE_MS);
  }

  function setLang(lang) {
    NB.setLang(lang === 'en' ? 'en' : 'zh');
    if (ready) status(NB.t('ready'));
    show(result);
  }

  async function hostCheck(m, origin) {
    const id = m.id === undefined ? null : m.id;
    if (typeof m.text !== 'string') return post({ type: 'nianbao:error', id, message: 'text must be a string' }, origin);
    const o = m.options && typeof m.options === 'object' ? m.options : {};
    options = {};
    for (const k of ['lang', 'deadline', 'bodyKind', 'today']) if (typeof o[k] === 'string') options[k] = o[k];
    if (Array.isArray(o.disable)) options.disable = o.disable.filter((d) => typeof d === 'string');
    if (o.severity && typeof o.severity === 'object') options.severity = o.severity;
    previous = typeof m.previous === 'string' ? m.previous : '';
    if (options.lang && options.lang !== NB.lang()) setLang(options.lang);
    $('input').value = m.text;
    checked = null;
    try {
      const value = await runCheck();
      post({ type: 'nianbao:result', id, result: value }, origin);
    } catch (e) {
      post({ type: 'nianbao:error', id, message: String(e.message || e) }, origin);
    }
  }

  function onMessage(e) {
    if (!embedded || e.source !== window.parent || !allowed.has(e.origin)) return;
    parentOrigin = e.origin;
    const m = e.data;
    if (!m || typeof m !== 'object' || typeof m.type !== 'string') return;
    if (m.type === 'nianbao:hello' && ready) post({ type: 'nianbao:ready', version }, e.origin);
    else if (m.type === 'nianbao:check') {
      if (ready) hostCheck(m, e.origin);
      else post({ type: 'nianbao:error', id: m.id === undefined ? null : m.id, message: 'not ready' }, e.origin);
    }
  }

  function watchHeight() {
    const main = document.querySelector('main');
    let last = 0;
    const send = () => {
      const height = Math.ceil(main.getBoundingClientRect().height);
      if (height !== last) {
        last = height;
        post({ type: 'nianbao:height', height });
      }
    };
    if (typeof ResizeObserver === 'function') new ResizeObserver(send).observe(main);
    send();
  }

  function start() {
    NB.setLang(params.get('lang') === 'en' ? 'en' : 'zh');
    window.addEventListener('message', onMessage);
    $('input').addEventListener('input', typed);
    $('findings').addEventListener('click', (e) => {
      const li = e.target.closest('li[data-start]');
      if (!li) return;
      $('input').focus();
      $('input').setSelectionRange(Number(li.dataset.start), Number(li.dataset.end));
    });
    status(NB.t('loading'));
    watchHeight();
    NB.engine.start({
      fatal: (reason) => {
        document.body.dataset.state = 'error';
        status(NB.t(ready ? 'stopped' : 'loadFailed', reason));
      },
    }).then((loaded) => {
      if (document.body.dataset.state === 'error') return;
      ready = true;
      version = loaded.version;
      $('version').textContent = version;
      document.body.dataset.state = 'ready';
      status(refused.length ? NB.t('embedRefused', refused.join(' ')) : NB.t('ready'));
      show(null);
      post({ type: 'nianbao:ready', version });
      if ($('input').value.trim()) typed();
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
