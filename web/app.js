// The page's wiring: input (typing, paste, drop, open, sample) -> the worker
// (engine.js) -> results (render.js, tables.js) -> selection in the text,
// keys, exports, language. Classic script; works under a strict CSP and from
// file://. The pasted text is untrusted: it reaches the DOM through
// textContent or the textarea's value only.
'use strict';

(function () {
  const DEBOUNCE_MS = 300;
  const $ = (id) => document.getElementById(id);
  let body = null;          // document.body, once parsed (inlined, this runs in <head>)

  let ready = false;
  let failed = false;
  let version = '';
  let registry = [];
  let result = null;        // the last result shown
  let checkedText = null;   // the text it belongs to
  let running = false;      // a check is in the worker
  let again = false;        // the text changed while it ran
  let timer = 0;
  let checks = 0;
  let current = -1;         // data-index of the selected finding

  const store = {
    get: (k) => { try { return localStorage.getItem('nianbao.' + k); } catch (e) { return null; } },
    set: (k, v) => { try { localStorage.setItem('nianbao.' + k, v); } catch (e) { /* file:// may refuse */ } },
  };

  function status(message) {
    $('status').textContent = message;
  }

  function fail(reason) {
    if (failed) return;
    const wasReady = ready;
    failed = true;
    ready = false;
    body.dataset.state = 'error';
    for (const b of document.querySelectorAll('[data-needs-module]')) b.disabled = true;
    status(NB.t(wasReady ? 'stopped' : 'loadFailed', reason));
  }

  // ---- checking ----

  function show(res, text) {
    result = res;
    checkedText = text;
    current = -1;
    NB.render.verdict($('summary'), res);
    NB.render.findings($('findings'), res);
    NB.tables.view($('tables'), res);
    for (const b of document.querySelectorAll('[data-needs-result]')) b.disabled = !res;
    checks++;
    body.dataset.checks = String(checks);
  }

  async function runCheck(force) {
    clearTimeout(timer);
    if (!ready) return;
    if (running) {
      again = true;
      return;
    }
    const text = NB.textbuf.get();
    if (!force && text === checkedText) return;
    if (text.trim() === '') return show(null, text);
    running = true;
    body.dataset.busy = 'true';
    $('results').setAttribute('aria-busy', 'true');
    try {
      const { value, ms } = await NB.engine.request('check', { text });
      const before = $('summary').textContent;
      show(value, text);
      $('timing').textContent = NB.t('checked', ms.toFixed(1));
      if ($('summary').textContent !== before) status($('summary').textContent);
    } catch (e) {
      if (!failed) status(NB.t('checkFailed', e.message));
    } finally {
      running = false;
      delete body.dataset.busy;
      $('results').removeAttribute('aria-busy');
      if (again) {
        again = false;
        runCheck(false);
      }
    }
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(() => runCheck(false), DEBOUNCE_MS);
  }

  function setText(text) {
    NB.textbuf.set(text);
    runCheck(false);
  }

  // Says which part of a long text the textarea shows.
  function windowNote() {
    const note = $('large-note');
    note.hidden = !NB.textbuf.isLarge();
    if (note.hidden) return;
    const [first, last, total] = NB.textbuf.shown();
    note.textContent = NB.t('largeNote', total.toLocaleString(), (first + 1).toLocaleString(), last.toLocaleString());
  }

  // ---- input: paste, files, sample ----

  // HTML from Word, WPS or a web page: the core reads its tables as
  // tab-separated lines. A long plain text goes into the text buffer (the
  // textarea would take seconds to lay it out). Anything else is left to the browser.
  function onPaste(e) {
    const data = e.clipboardData;
    if (!data) return;
    const html = data.getData('text/html');
    const plain = data.getData('text/plain');
    const table = ready && html && /<t[dh][\s>]/i.test(html);
    // In a long text's window a short paste is the browser's, like typing.
    if (!table && $('input').value.length + plain.length <= NB.textbuf.LARGE) return;
    e.preventDefault();
    const insert = (text) => {
      NB.textbuf.insert(text);
      windowNote();
      later();
    };
    if (!table) return insert(plain);
    NB.engine.request('html', { html }).then(({ value }) => {
      insert(value);
      status(NB.t('htmlRead'));
    }, () => insert(plain));
  }

  async function openFile(file) {
    try {
      const read = await NB.decode.readFile(file);
      const text = read.kind === 'html' ? (await NB.engine.request('html', { html: read.text })).value : read.text;
      setText(text);
      status(NB.t('fileRead', file.name, read.encoding));
    } catch (e) {
      status(NB.t('fileFailed', file.name, e.message));
    }
  }

  function hasFiles(e) {
    return e.dataTransfer && Array.from(e.dataTransfer.types || []).includes('Files');
  }

  // ---- findings: select, step ----

  // Browsers do not scroll a textarea to a selection made by script: measure
  // the text before `offset` in a hidden copy with the same metrics.
  function scrollToOffset(input, offset) {
    const cs = getComputedStyle(input);
    const mirror = document.createElement('div');
    mirror.className = 'mirror';
    for (const p of ['fontFamily', 'fontSize', 'fontWeight', 'lineHeight', 'letterSpacing', 'tabSize',
      'paddingTop', 'paddingLeft', 'paddingRight', 'wordBreak', 'overflowWrap']) {
      mirror.style[p] = cs[p];
    }
    mirror.style.width = input.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) + 'px';
    mirror.textContent = input.value.slice(0, offset);
    body.append(mirror);
    const y = mirror.scrollHeight;
    mirror.remove();
    input.scrollTop = Math.max(0, y - input.clientHeight / 3);
  }

  function selectRange(start, end) {
    const input = $('input');
    input.focus();
    const local = NB.textbuf.select(start, end);
    windowNote();
    scrollToOffset(input, local);
  }

  function selectItem(li) {
    for (const old of document.querySelectorAll('#findings li[aria-current]')) old.removeAttribute('aria-current');
    li.setAttribute('aria-current', 'true');
    current = Number(li.dataset.index);
    const items = document.querySelectorAll('#findings li[data-index]');
    const message = li.querySelector('.message');
    $('position').textContent = NB.t('position', Array.from(items).indexOf(li) + 1, items.length, message ? message.textContent : '');
    if (li.dataset.start !== undefined) selectRange(Number(li.dataset.start), Number(li.dataset.end));
  }

  function step(delta) {
    const items = Array.from(document.querySelectorAll('#findings li[data-index]'));
    if (items.length === 0) return;
    const at = items.findIndex((li) => Number(li.dataset.index) === current);
    const next = at < 0 ? (delta > 0 ? 0 : items.length - 1) : (at + delta + items.length) % items.length;
    selectItem(items[next]);
  }

  // ---- language, text size, rule docs, exports ----

  function rerender() {
    NB.setLang(NB.lang());
    windowNote();
    if (registry.length) NB.render.rules($('rule-list'), registry);
    if (ready) show(result, checkedText);
    else if (!failed) status(NB.t('loading'));
  }

  function setSize(large) {
    document.documentElement.dataset.size = large ? 'large' : 'normal';
    $('size').setAttribute('aria-pressed', String(large));
    store.set('size', large ? 'large' : 'normal');
  }

  function openRuleDoc(a) {
    $('rules-panel').open = true;
    const target = document.getElementById(a.getAttribute('href').slice(1));
    if (target) requestAnimationFrame(() => target.focus());
  }

  function printSheet() {
    NB.exporter.sheet($('print-sheet'), result, version);
  }

  // ---- start ----

  function wire() {
    const input = $('input');
    NB.textbuf.attach(input, windowNote);
    input.addEventListener('input', () => {
      NB.textbuf.edited();
      later();
    });
    input.addEventListener('paste', onPaste);
    $('check').addEventListener('click', () => runCheck(true));
    $('sample').addEventListener('click', () => setText(NB.sample));
    $('open').addEventListener('click', () => $('file').click());
    $('file').addEventListener('change', (e) => {
      if (e.target.files[0]) openFile(e.target.files[0]);
      e.target.value = '';
    });
    document.addEventListener('dragover', (e) => {
      if (hasFiles(e)) e.preventDefault();
    });
    document.addEventListener('drop', (e) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer.files[0] && ready) openFile(e.dataTransfer.files[0]);
    });

    $('findings').addEventListener('click', (e) => {
      const button = e.target.closest('button.finding');
      if (button) selectItem(button.closest('li'));
    });
    $('findings').addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      const buttons = Array.from($('findings').querySelectorAll('button.finding'));
      const at = buttons.indexOf(document.activeElement);
      if (at < 0) return;
      e.preventDefault();
      const next = buttons[Math.min(buttons.length - 1, Math.max(0, at + (e.key === 'ArrowDown' ? 1 : -1)))];
      next.focus();
    });
    $('tables').addEventListener('click', (e) => {
      const td = e.target.closest('td[data-start]');
      if (td) selectRange(Number(td.dataset.start), Number(td.dataset.end));
    });
    document.addEventListener('keydown', (e) => {
      if (e.key === 'F8' && !e.altKey && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        step(e.shiftKey ? -1 : 1);
      }
    });
    $('prev').addEventListener('click', () => step(-1));
    $('next').addEventListener('click', () => step(1));
    document.addEventListener('click', (e) => {
      const a = e.target.closest && e.target.closest('a[href^="#rule-"]');
      if (a) openRuleDoc(a);
    });

    $('lang').addEventListener('click', () => {
      NB.setLang(NB.lang() === 'zh' ? 'en' : 'zh');
      store.set('lang', NB.lang());
      rerender();
    });
    $('size').addEventListener('click', () => setSize(document.documentElement.dataset.size !== 'large'));
    $('export-json').addEventListener('click', () => result && NB.exporter.json(result));
    $('export-csv').addEventListener('click', () => result && NB.exporter.csv(result));
    $('print').addEventListener('click', () => {
      printSheet();
      window.print();
    });
    window.addEventListener('beforeprint', printSheet);
  }

  // The offline copy: only when served (a service worker needs http(s)),
  // not for the one-file page.
  function registerServiceWorker() {
    if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol) || $('nb-core')) return;
    navigator.serviceWorker.register('sw.js').catch(() => { /* the page works without it */ });
  }

  function start() {
    body = document.body;
    NB.setLang(store.get('lang') === 'en' ? 'en' : 'zh');
    setSize(store.get('size') === 'large');
    wire();
    status(NB.t('loading'));
    NB.engine.start({ fatal: fail }).then((loaded) => {
      if (failed) return;
      ready = true;
      version = loaded.version;
      registry = loaded.rules;
      $('version').textContent = version;
      NB.render.rules($('rule-list'), registry);
      for (const b of document.querySelectorAll('[data-needs-module]')) b.disabled = false;
      body.dataset.state = 'ready';
      performance.mark('nianbao-ready');
      status(NB.t('ready'));
      runCheck(true);
      registerServiceWorker();
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
