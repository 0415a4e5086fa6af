// The batch section of the page, as a supervisor with a folder of reports
// uses it: the files checked one after another in the worker into the
// summary table (batch.js), a file that is no report or cannot be read said
// as such; then duplicates found and each body's two years paired, the later
// checked again with the earlier as last year's report (batchgroups.js);
// filters, the row last opened marked with 返回列表 back to it, the two CSVs,
// one sign-off sheet per report printed at once, and the results kept across
// a reload in this tab (batchstore.js). app.js hands over the files and
// opens a row's text in the editor.
'use strict';

window.NB = window.NB || {};

NB.batchRun = (function () {
  const $ = (id) => document.getElementById(id);
  const el = (...a) => NB.render.el(...a);
  // A text the core says is no report; one it could not read (too large, or
  // undecodable with nothing of a report read: a binary file, a font's
  // private-use codes; a report with a few bad bytes is still a report).
  const NOT_REPORT = ['input-not-report', 'input-empty'];
  const RENDER_MS = 250;   // the table is redrawn at most this often while the batch runs

  let hooks = null;        // app.js: fileText(file), open(text, previous), status(message), version()
  let rows = [];           // in file order; each keeps its report's text
  let skipped = 0;         // files of kinds the page does not read
  let sort = { key: 'file', dir: 1 };
  let filter = { show: '', rule: '' };
  let current = -1;        // the row last opened
  let run = 0;             // a newer batch stops an older one
  let stored = 'all';      // what the tab's storage took: 'all', 'noText', 'none'
  let ruleKey = '';        // the rule filter's options as last drawn

  // What a row keeps of a finding: enough for the table, the CSVs and the sheets.
  function lean(f) {
    const line = f.location && f.location.start ? f.location.start.line : 0;
    return { id: f.id, severity: f.severity, message: f.message, fix: f.fix, arithmetic: f.arithmetic,
      location: line ? { start: { line } } : undefined };
  }

  // A check's result as a row's fields.
  function fields(value) {
    const r = value.report || {};
    const n = value.summary || {};
    const findings = (value.findings || []).map(lean);
    const hit = (ids) => findings.find((f) => ids.includes(f.id));
    const title = (r.title && typeof r.title === 'object' ? r.title.text : r.title) || '';
    const body = (r.body && r.body.name) || '';
    const unread = hit(['input-too-large']) || (!title && !body && !r.year && hit(['input-encoding']));
    const odd = unread || hit(NOT_REPORT);
    return {
      body, year: r.year || '', title,
      errors: odd ? '' : n.errors, warnings: odd ? '' : n.warnings, infos: odd ? '' : n.infos,
      verdict: unread ? 'unreadable' : odd ? 'notReport' : n.verdict === 'fail' ? 'fail' : 'pass',
      reason: odd ? odd.message : undefined, findings,
    };
  }

  async function checkOne(item) {
    try {
      const { text } = await hooks.fileText(item.file);
      const { value } = await NB.engine.request('check', { text, model: false });
      return Object.assign({ file: item.name, text, digest: NB.batchGroups.digest(text) }, fields(value));
    } catch (e) {
      return { file: item.name, body: '', year: '', errors: '', warnings: '', infos: '', verdict: 'unreadable',
        reason: String(e.message || e), findings: [] };
    }
  }

  // Duplicates, then each body's later year checked again with the earlier one.
  async function group(id, progress) {
    const pairs = NB.batchGroups.candidates(rows);
    let same = pairs.map(() => false);
    if (pairs.length) {
      try {
        same = (await NB.engine.request('sameBody', { pairs: pairs.map(([i, j]) => [rows[i].body, rows[j].body]) })).value;
      } catch (e) { /* no pairs then: each report keeps its own check */ }
    }
    if (id !== run) return false;
    const again = NB.batchGroups.apply(rows, pairs, same);
    progress.max = rows.length + again.length;
    for (const [later, before] of again) {
      $('batch-status').textContent = NB.t('batchPairing', rows[later].file, rows[before].file);
      try {
        const { value } = await NB.engine.request('check', { text: rows[later].text, previous: rows[before].text, model: false });
        if (id !== run) return false;
        Object.assign(rows[later], fields(value));
      } catch (e) { /* keeps its check without last year */ }
      progress.value++;
    }
    return id === run;
  }

  function summary() {
    const count = (v) => rows.filter((r) => r.verdict === v).length;
    const dups = rows.filter((r) => (r.sameText || []).length || (r.sameBodyYear || []).length).length;
    const paired = rows.filter((r) => r.previous).length;
    return NB.t('batchDone', rows.length, count('fail'), count('notReport'), count('unreadable'))
      + (dups ? NB.t('batchDuplicates', dups) : '') + (paired ? NB.t('batchPaired', paired) : '')
      + (skipped ? NB.t('batchSkipped', skipped) : '')
      + (stored === 'noText' ? NB.t('batchStoredLean') : stored === 'none' ? NB.t('batchNotStored') : '');
  }

  function ruleOptions() {
    const counts = NB.batch.ruleCounts(rows);
    if (filter.rule && !counts.some((c) => c.id === filter.rule)) counts.push({ id: filter.rule, count: 0 });
    const key = NB.lang() + JSON.stringify(counts);
    const select = $('batch-rule');
    if (key !== ruleKey) {
      ruleKey = key;
      select.replaceChildren(el('option', { value: '', text: NB.t('allRules') }),
        ...counts.map((c) => el('option', { value: c.id, text: NB.t('ruleCount', NB.render.ruleName(c.id), c.count) })));
    }
    select.value = filter.rule;
  }

  function render() {
    if ($('batch').hidden) return;
    ruleOptions();
    $('batch-show').value = filter.show;
    $('batch-list').replaceChildren(NB.batch.table(rows, sort, filter, current));
  }

  function saveView() {
    NB.batchStore.saveView({ sort, filter, current });
  }

  function enable(on) {
    for (const id of ['batch-csv', 'batch-detail', 'batch-print']) $(id).disabled = !on;
  }

  // Screen readers hear the batch in steps, not file by file (forty names
  // read out drown everything else): the visible line (#batch-status) changes
  // per file, the live region (#batch-live) at the start, at each tenth of
  // the way when 5 s have passed since it last spoke, and at the end.
  const SAY_EVERY_MS = 5000;
  function say(text) {
    $('batch-live').textContent = text;
  }
  function stepper(total) {
    let step = 0;
    let said = performance.now();
    say(NB.t('batchStart', total));
    return (done) => {
      const now = Math.floor((10 * done) / total);
      if (now <= step || performance.now() - said < SAY_EVERY_MS) return;
      step = now;
      said = performance.now();
      say(NB.t('batchStep', done, total));
    };
  }

  // Checks the files one after another in the worker (the page stays
  // responsive), filling the summary table as they come.
  async function start(items) {
    const id = ++run;
    const list = items.filter((it) => NB.decode.kindOf(it.name)).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true }));
    skipped = items.length - list.length;
    rows = [];
    sort = { key: 'file', dir: 1 };
    filter = { show: '', rule: '' };
    current = -1;
    stored = 'all';
    NB.batchStore.clear();
    $('batch').hidden = false;
    $('batch-here').hidden = true;
    enable(false);
    const progress = $('batch-progress');
    progress.max = Math.max(1, list.length);
    progress.value = 0;
    document.body.dataset.batch = 'running';
    render();
    $('batch').scrollIntoView({ block: 'start' });
    let drawn = 0;
    const step = stepper(list.length);
    for (let i = 0; i < list.length; i++) {
      $('batch-status').textContent = NB.t('batchProgress', i + 1, list.length, list[i].name);
      const row = await checkOne(list[i]);
      if (id !== run) return;
      rows.push(row);
      progress.value = i + 1;
      step(i + 1);
      if (performance.now() - drawn > RENDER_MS) {
        render();
        drawn = performance.now();
      }
    }
    if (!(await group(id, progress))) return;
    stored = NB.batchStore.saveRows(rows, skipped);
    saveView();
    render();
    $('batch-status').textContent = summary();
    say(summary());
    enable(rows.length > 0);
    document.body.dataset.batch = 'done';
  }

  // Opens a row's report in the editor (with its body's earlier year as last
  // year's report when paired, so the editor shows what the row says) and
  // marks the row; 返回列表 comes back to it.
  function open(index) {
    const row = rows[index];
    if (!row) return;
    current = index;
    saveView();
    render();
    if (row.text === undefined) {
      hooks.status(row.noText ? NB.t('batchNoText', row.file) : NB.t('fileFailed', row.file, NB.pick(row.reason)));
      return;
    }
    const list = NB.batch.shown(rows, sort, filter);
    $('batch-here-text').textContent = NB.t('batchHere', row.file, list.findIndex((r) => r.index === index) + 1, list.length);
    $('batch-here').hidden = false;
    const before = rows[row.previousIndex];
    hooks.open(row.text, before && before.text !== undefined ? before.text : '');
    hooks.status(before && before.text !== undefined ? NB.t('batchOpenedWith', row.file, before.file) : NB.t('batchOpened', row.file));
  }

  function back() {
    const tr = $('batch-list').querySelector(`tbody tr[data-index="${current}"]`);
    if (!tr) {
      $('batch').scrollIntoView({ block: 'start' });
      return;
    }
    tr.scrollIntoView({ block: 'center' });
    tr.querySelector('button.open').focus({ preventScroll: true });
  }

  // The batch of an earlier load of this tab.
  function restore() {
    const saved = NB.batchStore.load();
    if (!saved || rows.length) return;
    rows = saved.rows;
    skipped = saved.skipped;
    const v = saved.view;
    if (v.sort && NB.batch.COLUMNS.some((c) => c.key === v.sort.key)) sort = { key: v.sort.key, dir: v.sort.dir < 0 ? -1 : 1 };
    if (v.filter) filter = { show: String(v.filter.show || ''), rule: String(v.filter.rule || '') };
    current = Number.isInteger(v.current) ? v.current : -1;
    stored = rows.some((r) => r.noText) ? 'noText' : 'all';
    $('batch').hidden = false;
    $('batch-progress').max = $('batch-progress').value = Math.max(1, rows.length);
    $('batch-status').textContent = NB.t('batchRestored') + summary();
    say($('batch-status').textContent);
    enable(true);
    document.body.dataset.batch = 'done';
    render();
  }

  function clear() {
    run++;
    rows = [];
    current = -1;
    NB.batchStore.clear();
    $('batch').hidden = true;
    $('batch-here').hidden = true;
    delete document.body.dataset.batch;
    hooks.status(NB.t('batchCleared'));
    $('open-folder').focus();
  }

  // One sign-off sheet per report shown, in the table's order.
  function sheetOf(r) {
    const result = { report: { title: r.title || '', body: { name: r.body || '' }, year: r.year || null }, findings: r.findings || [] };
    const odd = r.verdict === 'notReport' || r.verdict === 'unreadable';
    return { result, about: {
      name: [r.file, r.title || [r.body, r.year].filter(Boolean).join(' ')].filter(Boolean).join(' · '),
      file: r.file, previous: r.previous,
      verdict: odd ? NB.batch.verdictText(r) + NB.t('colon') + NB.pick(r.reason) : undefined,
    } };
  }

  // export.js is on demand (web/ondemand.js).
  function printAll() {
    NB.onDemand().then(() => {
      NB.exporter.sheets($('batch-sheets'), NB.batch.shown(rows, sort, filter).map(sheetOf), hooks.version());
      document.body.dataset.print = 'batch';
      window.print();
    }, (e) => hooks.status(NB.t('partFailed', e.message)));
  }

  function download(name, text) {
    NB.onDemand().then(() => NB.exporter.download(name, 'text/csv;charset=utf-8', ['\uFEFF' + text]),
      (e) => hooks.status(NB.t('partFailed', e.message)));
  }

  function init(h) {
    hooks = h;
    $('batch-list').addEventListener('click', (e) => {
      const button = e.target.closest('button.sort');
      if (button) {
        const key = button.dataset.key;
        sort = { key, dir: sort.key === key ? -sort.dir : NB.batch.firstDir(key) };
        saveView();
        render();
        $('batch-list').querySelector(`button.sort[data-key="${key}"]`).focus();
        return;
      }
      const tr = e.target.closest('tbody tr[data-index]');
      if (tr) open(Number(tr.dataset.index));
    });
    $('batch-show').addEventListener('change', (e) => {
      filter = Object.assign({}, filter, { show: e.target.value });
      saveView();
      render();
    });
    $('batch-rule').addEventListener('change', (e) => {
      filter = Object.assign({}, filter, { rule: e.target.value });
      saveView();
      render();
    });
    $('batch-csv').addEventListener('click', () => download('nianbao-batch.csv', NB.batch.csv(rows, sort, filter)));
    $('batch-detail').addEventListener('click', () => download('nianbao-batch-findings.csv', NB.batch.detailCsv(rows, sort, filter)));
    $('batch-print').addEventListener('click', printAll);
    $('batch-clear').addEventListener('click', clear);
    $('batch-back').addEventListener('click', back);
    window.addEventListener('afterprint', () => {
      delete document.body.dataset.print;
      $('batch-sheets').replaceChildren();
    });
  }

  return { init, start, render, restore };
})();
