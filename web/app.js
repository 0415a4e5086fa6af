// The page's wiring: input (typing, paste, drop, open, sample; the kinds of
// file the core's input table names: .docx through the worker's zip path,
// .pdf through pdftext.js) -> the worker (engine.js)
// -> results (render.js, tables.js) -> selection in the text, keys, exports,
// language. Last year's report (the 上年报告 box) goes along with every
// check and both years are shown side by side (years.js); many files or a
// folder are checked one after another into a summary table (batch.js). Classic script; works under a strict CSP and from
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
  let checkedPrevious = '';  // and last year's text checked with it
  let previousResult = null; // last year's report as read (its own check, with the model)
  let previousText = null;   // the text previousResult belongs to
  let batchRows = [];       // the summary table's rows (each keeps its report's text)
  let batchSort = { key: 'file', dir: 1 };
  let batchRun = 0;         // a newer batch stops an older one
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
    NB.tables.view($('tables'), res);
    NB.years.view($('years'), res, res ? previousResult : null);
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
    $('save-text').addEventListener('click', () => NB.exporter.download(NB.exporter.baseName(result) + '.txt',
      'text/plain;charset=utf-8', [NB.textbuf.get()]));
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

  // Codes of the core's zip reader -> messages.
  const ZIP_MESSAGES = { 'zip-not-zip': 'zipNotZip', 'zip-damaged': 'zipDamaged', 'zip-too-many-entries': 'zipTooManyEntries',
    'zip-too-large': 'zipTooLarge', 'zip-unsupported': 'zipUnsupported', 'zip-missing': 'docxNoDocument', docx: 'docxUnsupported' };

  // Any supported file to {text, encoding}, by the reader the core's input
  // table names: 'text' decoded here, 'html' and 'zip' (.docx) read by the
  // core in the worker, 'pdfjs' by pdf.js.
  async function fileText(file) {
    const read = await NB.decode.readFile(file);
    if (read.reader === 'html') return { text: (await NB.engine.request('html', { html: read.text })).value, encoding: read.encoding };
    if (read.reader === 'zip') {
      const { value } = await NB.engine.request('zip', { bytes: read.bytes }).catch((e) => {
        const key = ZIP_MESSAGES[/^[a-z-]+/.exec(e.message)[0]];
        throw new Error(key ? NB.t(key) : e.message);
      });
      return { text: value, encoding: read.encoding };
    }
    if (read.reader === 'pdfjs') return { text: await NB.pdf.toText(read.bytes), encoding: read.encoding };
    return read;
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

  function renderBatch() {
    $('batch-list').replaceChildren(NB.batch.table(batchRows, batchSort));
  }

  async function checkFile(item) {
    try {
      const { text } = await fileText(item.file);
      const { value } = await NB.engine.request('check', { text, model: false });
      const r = value.report || {};
      const n = value.summary || {};
      return { file: item.name, body: (r.body && r.body.name) || '', year: r.year || '', errors: n.errors, warnings: n.warnings,
        verdict: n.verdict === 'fail' ? 'fail' : 'pass', text };
    } catch (e) {
      return { file: item.name, body: '', year: '', errors: '', warnings: '', verdict: 'unreadable', message: String(e.message || e) };
    }
  }

  // Checks the files one after another in the worker (the page stays
  // responsive), filling the summary table as they come.
  async function batch(items) {
    const run = ++batchRun;
    const list = items.filter((it) => NB.decode.kindOf(it.name)).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true }));
    const skipped = items.length - list.length;
    batchRows = [];
    batchSort = { key: 'file', dir: 1 };
    $('batch').hidden = false;
    $('batch-csv').disabled = true;
    const progress = $('batch-progress');
    progress.max = Math.max(1, list.length);
    progress.value = 0;
    body.dataset.batch = 'running';
    renderBatch();
    $('batch').scrollIntoView({ block: 'start' });
    let shown = 0;
    for (let i = 0; i < list.length; i++) {
      $('batch-status').textContent = NB.t('batchProgress', i + 1, list.length, list[i].name);
      const row = await checkFile(list[i]);
      if (run !== batchRun) return;
      batchRows.push(row);
      progress.value = i + 1;
      if (performance.now() - shown > 250 || i === list.length - 1) {
        renderBatch();
        shown = performance.now();
      }
    }
    const count = (v) => batchRows.filter((r) => r.verdict === v).length;
    $('batch-status').textContent = NB.t('batchDone', list.length, count('fail'), count('unreadable')) + (skipped ? NB.t('batchSkipped', skipped) : '');
    $('batch-csv').disabled = batchRows.length === 0;
    body.dataset.batch = 'done';
  }

  function openRow(row) {
    if (!row) return;
    if (row.text === undefined) return status(NB.t('fileFailed', row.file, row.message || ''));
    setText(row.text);
    $('input').focus();
    status(NB.t('batchOpened', row.file));
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
      Promise.all(entries.map((en, i) => (en ? walk(en) : Promise.resolve(files[i] ? [files[i]] : [])))).then((lists) => batch(lists.flat()));
    } else if (files.length > 1) batch(files);
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
    if (registry.length) NB.render.rules($('rule-list'), registry);
    if (ready) show(result, checkedText);
    if (!$('batch').hidden) renderBatch();
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
    wireOptions();
    wireDraft();
    input.addEventListener('input', () => {
      if (!failed) clearNotice();
      editing = true;
      NB.textbuf.edited();
      later();
    });
    input.addEventListener('paste', onPaste);
    $('check').addEventListener('click', () => runCheck(true));
    $('sample').addEventListener('click', () => setText(NB.sample));
    $('open').addEventListener('click', () => $('file').click());
    $('file').addEventListener('change', (e) => {
      const files = Array.from(e.target.files);
      if (files.length > 1) batch(files.map((file) => ({ file, name: file.name })));
      else if (files[0]) openFile(files[0]);
      e.target.value = '';
    });
    $('open-folder').addEventListener('click', () => $('folder').click());
    $('folder').addEventListener('change', (e) => {
      const files = Array.from(e.target.files).map((file) => ({ file, name: file.webkitRelativePath || file.name }));
      if (files.length) batch(files);
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
    document.addEventListener('drop', onDrop);
    $('batch-list').addEventListener('click', (e) => {
      const sort = e.target.closest('button.sort');
      if (sort) {
        const key = sort.dataset.key;
        batchSort = { key, dir: batchSort.key === key ? -batchSort.dir : 1 };
        renderBatch();
        $('batch-list').querySelector(`button.sort[data-key="${key}"]`).focus();
        return;
      }
      const tr = e.target.closest('tbody tr[data-index]');
      if (tr) openRow(batchRows[Number(tr.dataset.index)]);
    });
    $('batch-csv').addEventListener('click', () => NB.exporter.download('nianbao-batch.csv', 'text/csv;charset=utf-8',
      ['\uFEFF' + NB.batch.csv(batchRows, batchSort)]));

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
      // What the file pickers offer and drops take: the core's input table.
      NB.decode.setKinds(loaded.inputs);
      for (const id of ['file', 'previous-file']) $(id).accept = NB.decode.accept();
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
