// The page's wiring: input (typing, paste, drop, open, sample; the kinds of
// file the core's input table names: .docx and .ofd through the worker's zip path,
// .pdf through pdftext.js) -> the worker (engine.js)
// -> results (render.js, tables.js) -> selection in the text, keys, exports,
// language. Last year's report (the 上年报告 box) goes along with every
// check and both years are shown side by side (years.js); many files or a
// folder go to the batch section (batchrun.js). Classic script; works under a strict CSP and from
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
  let batchHooks = null;    // what the batch view calls back (NB.batchRun.init), set by wire()
  let ruleDocs = null;      // the rules' long texts (NB.ruleDocs), once the docs were opened
  let result = null;        // the last result shown
  let checkedText = null;   // the text it belongs to
  let checkedPrevious = '';  // and last year's text checked with it
  let previousResult = null; // last year's report as read (its own check, with the model)
  let previousText = null;   // the text previousResult belongs to
  let running = false;      // a check is in the worker
  let again = false;        // the text changed while it ran
  let timer = 0;
  let checks = 0;
  let current = -1;         // data-index of the selected finding
  let resume = 0;           // where F8 goes on when the selected finding was fixed
  let editing = false;      // the text was typed in since the last check

  const store = {
    get: (k) => { try { return localStorage.getItem('nianbao.' + k); } catch (e) { return null; } },
    set: (k, v) => { try { localStorage.setItem('nianbao.' + k, v); } catch (e) { /* file:// may refuse */ } },
  };

  function status(message) {
    $('status').textContent = message;
  }

  // A failure that leaves no result (a file refused or unreadable, the module
  // not loading) is said in the results panel, where the eye is, with what to
  // do; the status line below the box repeats it for screen readers' history.
  function notice(message, advice) {
    const box = $('notice');
    box.replaceChildren(NB.render.el('p', { text: message }), advice ? NB.render.el('p', { text: advice }) : '');
    box.hidden = false;
    status(message);
    if (body.dataset.state === 'ready') box.scrollIntoView({ block: 'nearest' });
  }

  function clearNotice() {
    $('notice').hidden = true;
    $('notice').replaceChildren();
  }

  function fileFailed(file, e) {
    const pdf = (NB.decode.kindOf(file.name) || {}).reader === 'pdfjs';
    notice(NB.t('fileFailed', file.name, e.message), pdf ? '' : NB.t('fileAdvice'));
  }

  function fail(reason) {
    if (failed) return;
    const wasReady = ready;
    failed = true;
    ready = false;
    body.dataset.state = 'error';
    for (const b of document.querySelectorAll('[data-needs-module]')) b.disabled = true;
    notice(NB.t(wasReady ? 'stopped' : 'loadFailed', reason));
  }

  // ---- checking ----

  // A finding's identity across checks of an edited text: its rule and message.
  const keyOf = (li) => li.dataset.rule + '|' + (li.querySelector('.message') || {}).textContent;

  function show(res, text) {
    const oldItems = Array.from(document.querySelectorAll('#findings li[data-index]'));
    const oldKeys = oldItems.map(keyOf);
    const was = oldItems.findIndex((li) => li.hasAttribute('aria-current'));
    result = res;
    checkedText = text;
    current = -1;
    resume = 0;
    NB.render.verdict($('summary'), res);
    NB.render.findings($('findings'), res);
    afterEdit(oldKeys, was);
    // The table view (tables.js) is on demand: it follows with the first report.
    if (NB.tables) NB.tables.view($('tables'), res);
    else if (res) whenLoaded(() => { if (result === res) NB.tables.view($('tables'), res); });
    // The two-year view (years.js) is on demand: only last year's report needs it.
    if (NB.years) NB.years.view($('years'), res, res ? previousResult : null);
    else if (res && previousResult) whenLoaded(() => { if (result === res) NB.years.view($('years'), res, previousResult); });
    // With a report in, exports and the sign-off sheet may follow (Ctrl+P too): their scripts load now.
    if (res && !NB.exporter) NB.onDemand().catch(() => { /* whenLoaded tries again */ });
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
    const previous = $('previous').value;
    const options = checkOptions();
    if (!force && text === checkedText && previous === checkedPrevious) return;
    checkedPrevious = previous;
    if (text.trim() === '') return show(null, text);
    running = true;
    body.dataset.busy = 'true';
    $('results').setAttribute('aria-busy', 'true');
    try {
      const { value, ms } = await NB.engine.request('check', { text, previous, options });
      if (!previous.trim()) previousResult = null;
      else if (previous !== previousText) {
        previousResult = (await NB.engine.request('check', { text: previous })).value;
        previousText = previous;
      }
      const before = $('summary').textContent;
      show(value, text);
      $('timing').textContent = NB.t('checked', ms.toFixed(1));
      if ($('summary').textContent !== before) status($('summary').textContent);
    } catch (e) {
      if (!failed) notice(NB.t('checkFailed', e.message), NB.t('checkAdvice'));
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

  // ---- options: 发布期限, 机关类型, 参考日期 (remembered on this machine; they are settings, not text) ----

  const OPTION_FIELDS = { deadline: 'opt-deadline', bodyKind: 'opt-body-kind', today: 'opt-today' };

  function checkOptions() {
    const o = {};
    const deadline = $('opt-deadline').value.trim().replace(/[／/.月]/g, '-').replace(/日$/, '');
    const md = /^(\d{1,2})-(\d{1,2})$/.exec(deadline);
    const good = deadline === '' || (md && md[1] >= 1 && md[1] <= 12 && md[2] >= 1 && md[2] <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][md[1] - 1]);
    $('opt-deadline').setAttribute('aria-invalid', String(!good));
    $('opt-deadline').title = good ? '' : NB.t('optBadDeadline');
    if (deadline && good) o.deadline = deadline;
    if ($('opt-body-kind').value) o.bodyKind = $('opt-body-kind').value;
    if ($('opt-today').value) o.today = $('opt-today').value;
    return o;
  }

  function wireOptions() {
    for (const [key, id] of Object.entries(OPTION_FIELDS)) {
      const v = store.get('opt.' + key);
      if (v) $(id).value = v;
      $(id).addEventListener('change', () => {
        store.set('opt.' + key, $(id).value.trim());
        runCheck(true);
      });
    }
    $('opt-clear').addEventListener('click', () => {
      for (const [key, id] of Object.entries(OPTION_FIELDS)) {
        $(id).value = '';
        store.set('opt.' + key, '');
      }
      runCheck(true);
    });
  }

  // ---- the corrected text: copy, download, and a draft kept on this machine
  // only when the person asks (office PCs are shared; drafts can hold ID numbers) ----

  function keepDraft() {
    if (!$('keep-draft').checked) return;
    store.set('draft', NB.textbuf.get());
    store.set('draftPrevious', $('previous').value);
  }

  function dropDraft() {
    try {
      for (const k of ['draft', 'draftPrevious', 'keepDraft']) localStorage.removeItem('nianbao.' + k);
    } catch (e) { /* nothing kept */ }
  }

  function wireDraft() {
    const box = $('keep-draft');
    box.checked = store.get('keepDraft') === '1';
    $('clear-draft').hidden = !box.checked;
    if (box.checked && store.get('draft')) {
      NB.textbuf.set(store.get('draft'));
      $('previous').value = store.get('draftPrevious') || '';
      status(NB.t('draftRestored'));
    }
    box.addEventListener('change', () => {
      $('clear-draft').hidden = !box.checked;
      if (box.checked) {
        store.set('keepDraft', '1');
        keepDraft();
      } else dropDraft();
    });
    $('clear-draft').addEventListener('click', () => {
      dropDraft();
      box.checked = false;
      $('clear-draft').hidden = true;
      status(NB.t('draftCleared'));
      box.focus();
    });
    $('copy-text').addEventListener('click', () => {
      const text = NB.textbuf.get();
      const done = () => status(NB.t('copied', text.length.toLocaleString()));
      const fallback = () => {
        $('input').select();
        if (document.execCommand('copy') && !NB.textbuf.isLarge()) done();
        else status(NB.t('copyFailed'));
      };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, fallback);
      else fallback();
    });
    $('save-text').addEventListener('click', () => whenLoaded(() => NB.exporter.download(NB.exporter.baseName(result) + '.txt',
      'text/plain;charset=utf-8', [NB.textbuf.get()])));
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(() => {
      keepDraft();
      runCheck(false);
    }, DEBOUNCE_MS);
  }

  function setText(text) {
    editing = false;
    NB.textbuf.set(text);
    keepDraft();
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

  // Any supported file to {text, encoding}: the core's input table says how
  // (NB.decode: text, web pages, .docx and .ofd by the core in the worker, PDF
  // by pdf.js), and a file over the size limit is refused before it is read.
  function fileText(file) {
    return NB.decode.fileText(file, NB.engine.request);
  }

  async function openFile(file) {
    try {
      if ((NB.decode.kindOf(file.name) || {}).reader === 'pdfjs') status(NB.t('pdfReading', file.name));
      const read = await fileText(file);
      clearNotice();
      setText(read.text);
      status(NB.t('fileRead', file.name, read.encoding));
    } catch (e) {
      fileFailed(file, e);
    }
  }

  async function openPrevious(file) {
    try {
      const read = await fileText(file);
      $('previous').value = read.text;
      $('previous-zone').open = true;
      runCheck(false);
      clearNotice();
      status(NB.t('previousRead', file.name, read.encoding));
    } catch (e) {
      fileFailed(file, e);
    }
  }

  // ---- many reports ----

  // A dropped folder's files, recursively: [{file, name}] with the path as name.
  function walk(entry) {
    if (entry.isFile) {
      return new Promise((resolve) => entry.file((file) => resolve([{ file, name: entry.fullPath.replace(/^\//, '') }]), () => resolve([])));
    }
    if (!entry.isDirectory) return Promise.resolve([]);
    const reader = entry.createReader();
    const found = [];
    return new Promise((resolve) => {
      const more = () => reader.readEntries((list) => {
        if (list.length === 0) Promise.all(found.map(walk)).then((lists) => resolve(lists.flat()));
        else {
          found.push(...list);
          more();
        }
      }, () => resolve([]));
      more();
    });
  }

  // A report opened from the batch table, with its body's earlier year as
  // last year's report when the batch paired them (else none).
  function openReport(text, previous) {
    $('previous').value = previous;
    if (previous) $('previous-zone').open = true;
    setText(text);
    $('input').focus();
  }

  function onDrop(e) {
    if (!hasFiles(e)) return;
    e.preventDefault();
    if (!ready) return;
    const data = e.dataTransfer;
    if (e.target.closest && e.target.closest('#previous-zone')) {
      if (data.files[0]) openPrevious(data.files[0]);
      return;
    }
    // The entries must be taken now: the drop's data is gone after this event.
    const entries = Array.from(data.items || []).filter((i) => i.kind === 'file').map((i) => (i.webkitGetAsEntry ? i.webkitGetAsEntry() : null));
    const files = Array.from(data.files).map((file) => ({ file, name: file.name }));
    if (entries.some((en) => en && en.isDirectory)) {
      Promise.all(entries.map((en, i) => (en ? walk(en) : Promise.resolve(files[i] ? [files[i]] : [])))).then((lists) => batch((b) => b.start(lists.flat())));
    } else if (files.length > 1) batch((b) => b.start(files));
    else if (files.length === 1) openFile(files[0].file);
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
    // The list follows F8 when it stands beside the box (the box stays in
    // view, sticky); on a narrow screen the list is below the box, and
    // scrolling to it would take the selected text out of sight.
    if (getComputedStyle($('input').closest('.panel')).position === 'sticky') li.scrollIntoView({ block: 'nearest' });
  }

  // After a check of an edited text: the finding that was selected stays
  // selected (the text's selection and focus are left alone, the person is
  // typing), or, fixed, F8 goes on to the one that took its place; the counter
  // says how many remain and "已解决 N 个问题" confirms the fix.
  function afterEdit(oldKeys, was) {
    const items = Array.from(document.querySelectorAll('#findings li[data-index]'));
    const edited = editing;
    editing = false;
    const newKeys = new Set(items.map(keyOf));
    const solved = edited ? oldKeys.filter((k) => !newKeys.has(k)).length : 0;
    let line = '';
    if (was >= 0 && edited) {
      const same = items.findIndex((li) => keyOf(li) === oldKeys[was]);
      if (same >= 0) {
        items[same].setAttribute('aria-current', 'true');
        current = Number(items[same].dataset.index);
        line = NB.t('position', same + 1, items.length, items[same].querySelector('.message').textContent);
      } else resume = Math.min(was, items.length);
    }
    if (solved > 0) line = NB.t('solved', solved, items.length) + (line ? ' ' + line : '');
    $('position').textContent = line;
  }

  function step(delta) {
    const items = Array.from(document.querySelectorAll('#findings li[data-index]'));
    if (items.length === 0) return;
    const at = items.findIndex((li) => Number(li.dataset.index) === current);
    const fresh = delta > 0 ? Math.min(resume, items.length - 1) : (resume > 0 ? resume - 1 : items.length - 1);
    const next = at < 0 ? fresh : (at + delta + items.length) % items.length;
    selectItem(items[next]);
  }

  // ---- language, text size, rule docs, exports ----

  function rerender() {
    NB.setLang(NB.lang());
    windowNote();
    if (registry.length) NB.render.rules($('rule-list'), registry, ruleDocs);
    if (ready) show(result, checkedText);
    else if (!failed) status(NB.t('loading'));
    if (batchHooks.ready) NB.batchRun.render();
  }

  function setSize(large) {
    document.documentElement.dataset.size = large ? 'large' : 'normal';
    $('size').setAttribute('aria-pressed', String(large));
    store.set('size', large ? 'large' : 'normal');
  }

  // The rules' long texts, and the code that reads them (later.js), load
  // when the docs are first opened (not with the page); the list is drawn
  // again with them, keeping the focus on its rule.
  function loadRuleDocs() {
    if (ruleDocs) return;
    NB.onDemand().then(() => NB.ruleDocs.load()).then((docs) => {
      ruleDocs = docs;
      if (!registry.length) return;
      const focused = document.activeElement;
      const id = focused && focused.closest('#rule-list') ? focused.id : '';
      NB.render.rules($('rule-list'), registry, ruleDocs);
      if (id && $(id)) $(id).focus();
    }, () => { /* the titles stay; the next opening tries again */ });
  }

  function openRuleDoc(a) {
    $('rules-panel').open = true;
    const target = document.getElementById(a.getAttribute('href').slice(1));
    if (target) requestAnimationFrame(() => target.focus());
  }

  function printSheet() {
    if (NB.exporter) NB.exporter.sheet($('print-sheet'), result, version);
  }

  // Runs fn once the on-demand scripts are in (NB.onDemand: exports, the
  // two-year view, the sample, the batch view); says so when they cannot load.
  function whenLoaded(fn) {
    NB.onDemand().then(fn, (e) => status(NB.t('partFailed', e.message)));
  }

  // The batch view (batch.js, batchgroups.js, batchrun.js) is on demand too:
  // fn(NB.batchRun) once it is loaded and wired.
  function batch(fn) {
    whenLoaded(() => {
      if (!batchHooks.ready) {
        NB.batchRun.init(batchHooks);
        batchHooks.ready = true;
      }
      fn(NB.batchRun);
    });
  }

  // ---- start ----

  function wire() {
    const input = $('input');
    NB.textbuf.attach(input, windowNote);
    wireOptions();
    wireDraft();
    $('rules-panel').addEventListener('toggle', () => { if ($('rules-panel').open) loadRuleDocs(); });
    input.addEventListener('input', () => {
      if (!failed) clearNotice();
      editing = true;
      NB.textbuf.edited();
      later();
    });
    input.addEventListener('paste', onPaste);
    $('check').addEventListener('click', () => runCheck(true));
    $('sample').addEventListener('click', () => whenLoaded(() => setText(NB.sample)));
    // pdf.js starts loading before a PDF arrives: while the file dialog is open
    // (a person takes seconds there) or the hand moves a dragged PDF in.
    const preloadPdf = () => NB.onDemand().then(() => NB.pdf && NB.pdf.preload(), () => { /* opening says what failed */ });
    $('open').addEventListener('click', () => {
      $('file').click();
      preloadPdf();
    });
    $('file').addEventListener('change', (e) => {
      const files = Array.from(e.target.files);
      if (files.length > 1) batch((b) => b.start(files.map((file) => ({ file, name: file.name }))));
      else if (files[0]) openFile(files[0]);
      e.target.value = '';
    });
    $('open-folder').addEventListener('click', () => $('folder').click());
    $('folder').addEventListener('change', (e) => {
      const files = Array.from(e.target.files).map((file) => ({ file, name: file.webkitRelativePath || file.name }));
      if (files.length) batch((b) => b.start(files));
      e.target.value = '';
    });
    $('open-previous').addEventListener('click', () => $('previous-file').click());
    $('previous-file').addEventListener('change', (e) => {
      if (e.target.files[0]) openPrevious(e.target.files[0]);
      e.target.value = '';
    });
    $('previous').addEventListener('input', later);
    $('clear-previous').addEventListener('click', () => {
      $('previous').value = '';
      runCheck(false);
    });
    document.addEventListener('dragover', (e) => {
      if (hasFiles(e)) e.preventDefault();
    });
    // A PDF on its way in: pdf.js starts loading while the hand moves.
    document.addEventListener('dragenter', (e) => {
      const items = e.dataTransfer ? Array.from(e.dataTransfer.items || []) : [];
      if (items.some((it) => it.kind === 'file' && it.type === 'application/pdf')) preloadPdf();
    });
    document.addEventListener('drop', onDrop);
    batchHooks = { fileText, open: openReport, status, version: () => version };

    $('findings').addEventListener('click', (e) => {
      const button = e.target.closest('button.finding');
      if (button) selectItem(button.closest('li'));
    });
    // One Tab stop per finding: ↑/↓ move between findings, → to the
    // finding's rule doc link (out of the Tab order), ← back.
    $('findings').addEventListener('keydown', (e) => {
      const li = e.target.closest && e.target.closest('li[data-index]');
      if (!li || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      const onDoc = e.target.matches('a.doc');
      if (e.key === 'ArrowRight' && !onDoc) {
        e.preventDefault();
        li.querySelector('a.doc').focus();
      } else if (e.key === 'ArrowLeft' && onDoc) {
        e.preventDefault();
        li.querySelector('button.finding').focus();
      } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        const buttons = Array.from($('findings').querySelectorAll('button.finding'));
        const at = buttons.indexOf(li.querySelector('button.finding'));
        e.preventDefault();
        buttons[Math.min(buttons.length - 1, Math.max(0, at + (e.key === 'ArrowDown' ? 1 : -1)))].focus();
      }
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
      const next = NB.lang() === 'zh' ? 'en' : 'zh';
      // The English words come with the on-demand scripts (i18n.js, scripts/bundle.mjs).
      const apply = () => {
        NB.setLang(next);
        store.set('lang', NB.lang());
        rerender();
      };
      if (NB.hasWords(next)) apply();
      else whenLoaded(apply);
    });
    $('size').addEventListener('click', () => setSize(document.documentElement.dataset.size !== 'large'));
    $('export-json').addEventListener('click', () => result && whenLoaded(() => NB.exporter.json(result)));
    $('export-csv').addEventListener('click', () => result && whenLoaded(() => NB.exporter.csv(result)));
    $('print').addEventListener('click', () => whenLoaded(() => {
      printSheet();
      window.print();
    }));
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
    const lang = store.get('lang') === 'en' ? 'en' : 'zh';
    NB.setLang(NB.hasWords(lang) ? lang : 'zh');
    setSize(store.get('size') === 'large');
    wire();
    status(NB.t('loading'));
    // English chosen before: its words (on demand) are in before the page says it is ready.
    const words = NB.hasWords(lang) ? Promise.resolve() : NB.onDemand().then(() => NB.setLang(lang), () => { /* stays Chinese */ });
    Promise.all([NB.engine.start({ fatal: fail }), words]).then(([loaded]) => {
      if (failed) return;
      ready = true;
      version = loaded.version;
      registry = loaded.rules;
      // What the file pickers offer and drops take: the core's input table.
      NB.decode.setKinds(loaded.inputs);
      NB.decode.setLimit(loaded.maxInputBytes);
      for (const id of ['file', 'previous-file']) $(id).accept = NB.decode.accept();
      NB.setTextArgs('inputHint', () => [NB.decode.extensionList(NB.t('listSep'), null, NB.t('listLast'))]);
      $('version').textContent = version;
      NB.render.rules($('rule-list'), registry, ruleDocs);
      for (const b of document.querySelectorAll('[data-needs-module]')) b.disabled = false;
      body.dataset.state = 'ready';
      performance.mark('nianbao-ready');
      status(NB.t('ready'));
      if (NB.batchStore.load()) batch((b) => b.restore());   // this tab kept a batch
      runCheck(true);
      registerServiceWorker();
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
