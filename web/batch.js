// Many reports at once: the summary table (file, body, year, errors,
// warnings, notes, verdict, remarks), sortable by any column (a button in
// each header, aria-sort on it; the counts and the verdict worst first on the
// first click), filtered by verdict or by rule, and its two CSVs (UTF-8 with
// BOM, CRLF): the counts, and one line per finding. Rows are as batchrun.js
// keeps them: {file, body, year, title, errors, warnings, infos, verdict:
// 'pass'|'fail'|'notReport'|'unreadable', reason, findings, sameText,
// sameBodyYear, previous, next}.
'use strict';

window.NB = window.NB || {};

NB.batch = (function () {
  const el = (...a) => NB.render.el(...a);
  const COLUMNS = [
    { key: 'file', label: 'colFile' }, { key: 'body', label: 'colBody' }, { key: 'year', label: 'colYear', numeric: true },
    { key: 'errors', label: 'colErrors', numeric: true, worstFirst: true },
    { key: 'warnings', label: 'colWarnings', numeric: true, worstFirst: true },
    { key: 'infos', label: 'colInfos', numeric: true, worstFirst: true },
    { key: 'verdict', label: 'colVerdict', worstFirst: true }, { key: 'note', label: 'colNote' },
  ];
  const collator = new Intl.Collator('zh-CN', { numeric: true });
  // Worst first: a failed report, then a file to get again, then one that is no report.
  const RANK = { fail: 3, unreadable: 2, notReport: 1, pass: 0 };
  const VERDICT = { pass: 'verdictPass', fail: 'verdictFail', notReport: 'verdictNotReport', unreadable: 'verdictUnreadable' };

  function verdictText(row) {
    return NB.t(VERDICT[row.verdict] || 'verdictUnreadable');
  }

  // The direction of a header's first click.
  function firstDir(key) {
    return (COLUMNS.find((c) => c.key === key) || {}).worstFirst ? -1 : 1;
  }

  // A few file names of a list: 'a.txt、b.txt 等 5 份'.
  function names(list) {
    const head = list.slice(0, 2).join(NB.t('listSep'));
    return list.length > 2 ? NB.t('andMore', head, list.length) : head;
  }

  // What else there is to know of a row: why it is no report or unreadable,
  // its duplicates, the other year it was checked with.
  function note(row) {
    const parts = [];
    if (row.reason) parts.push(NB.pick(row.reason));
    if (row.sameText && row.sameText.length) parts.push(NB.t('noteSameText', names(row.sameText)));
    if (row.sameBodyYear && row.sameBodyYear.length) parts.push(NB.t('noteSameBodyYear', names(row.sameBodyYear), row.year));
    if (row.previous) parts.push(NB.t('notePrevious', row.previous));
    if (row.next && row.next.length) parts.push(NB.t('noteNext', names(row.next)));
    return parts.join(NB.t('noteSep'));
  }

  function cellValue(row, key) {
    return key === 'verdict' ? verdictText(row) : key === 'note' ? note(row) : row[key];
  }

  const isDuplicate = (r) => (r.sameText && r.sameText.length > 0) || (r.sameBodyYear && r.sameBodyYear.length > 0);

  // The rows a filter {show: ''|'fail'|'other'|'dup', rule: ''|id} keeps.
  function filtered(rows, filter) {
    const f = filter || {};
    return rows.map((r, i) => Object.assign({ index: i }, r)).filter((r) => (!f.show
      || (f.show === 'fail' && r.verdict === 'fail')
      || (f.show === 'other' && (r.verdict === 'notReport' || r.verdict === 'unreadable'))
      || (f.show === 'dup' && isDuplicate(r)))
      && (!f.rule || (r.findings || []).some((x) => x.id === f.rule)));
  }

  // For the rule filter: each rule found, with the number of reports it was found in, most first.
  function ruleCounts(rows) {
    const n = new Map();
    for (const r of rows) for (const id of new Set((r.findings || []).map((x) => x.id))) n.set(id, (n.get(id) || 0) + 1);
    return [...n].sort((a, b) => b[1] - a[1] || collator.compare(NB.render.ruleName(a[0]), NB.render.ruleName(b[0])))
      .map(([id, count]) => ({ id, count }));
  }

  // The rows in the order of sort = {key, dir: 1|-1}; ties by file name.
  // Each keeps its index among all rows (filtered() gives it already).
  function sorted(rows, sort) {
    const col = COLUMNS.find((c) => c.key === sort.key) || COLUMNS[0];
    const cmp = (a, b) => {
      const x = col.key === 'verdict' ? RANK[a.verdict] : a[col.key];
      const y = col.key === 'verdict' ? RANK[b.verdict] : b[col.key];
      if (col.numeric || col.key === 'verdict') {
        const nx = x === '' || x === null || x === undefined ? -Infinity : Number(x);
        const ny = y === '' || y === null || y === undefined ? -Infinity : Number(y);
        if (nx !== ny) return nx < ny ? -1 : 1;
        return 0;
      }
      return collator.compare(String(cellValue(a, col.key) || ''), String(cellValue(b, col.key) || ''));
    };
    return rows.map((r, i) => [r, i]).sort(([a], [b]) => sort.dir * cmp(a, b) || collator.compare(a.file, b.file))
      .map(([r, i]) => (r.index === undefined ? Object.assign({ index: i }, r) : r));
  }

  // The rows as the table shows them: filtered, then sorted.
  function shown(rows, sort, filter) {
    return sorted(filtered(rows, filter), sort);
  }

  function table(rows, sort, filter, current) {
    const head = el('tr', {}, ...COLUMNS.map((c) => el('th', {
      scope: 'col', 'aria-sort': c.key === sort.key ? (sort.dir > 0 ? 'ascending' : 'descending') : 'none',
    }, el('button', { type: 'button', class: 'sort', 'data-key': c.key, text: NB.t(c.label) }))));
    const list = shown(rows, sort, filter);
    const count = (n) => el('td', { class: 'num', text: n === '' || n === undefined ? '' : n });
    const body = list.map((r) => el('tr', {
      'data-index': r.index, 'data-verdict': r.verdict, 'data-duplicate': isDuplicate(r) ? 'true' : null,
      'aria-current': r.index === current ? 'true' : null,
    },
    el('td', {}, el('button', { type: 'button', class: 'open', 'data-index': r.index, 'aria-label': NB.t('batchOpen', r.file), text: r.file })),
    el('td', { text: r.body || '' }), el('td', { text: r.year || '' }), count(r.errors), count(r.warnings), count(r.infos),
    el('td', { class: 'verdict', text: verdictText(r) }), el('td', { class: 'note', text: note(r) })));
    const caption = list.length === rows.length ? NB.t('batchCaption', rows.length) : NB.t('batchCaptionShown', list.length, rows.length);
    return el('table', { class: 'batch', id: 'batch-table' }, el('caption', { text: caption }),
      el('thead', {}, head), el('tbody', {}, ...body));
  }

  // A path's file name and its folder: the CSVs name a file without the folder in front.
  function split(path) {
    const at = path.lastIndexOf('/');
    return [path.slice(at + 1), at < 0 ? '' : path.slice(0, at)];
  }

  const asCsv = (lines) => lines.map((cells) => cells.map(NB.exporter.field).join(',')).join('\r\n') + '\r\n';

  // The counts, one line per report shown.
  function csv(rows, sort, filter) {
    const cols = COLUMNS.filter((c) => c.key !== 'file');
    const lines = [[NB.t('colFile'), NB.t('colFolder'), ...cols.map((c) => NB.t(c.label))]];
    for (const r of shown(rows, sort, filter)) lines.push([...split(r.file), ...cols.map((c) => cellValue(r, c.key))]);
    return asCsv(lines);
  }

  // One line per finding of each report shown (a report without findings, or
  // unreadable, has one line with its verdict): for a spreadsheet's filters.
  function detailCsv(rows, sort, filter) {
    const lines = [['colFile', 'colFolder', 'colBody', 'colYear', 'colVerdict', 'colSeverity', 'colRule', 'colRuleId', 'colLine',
      'colMessage', 'colFix'].map((k) => NB.t(k))];
    for (const r of shown(rows, sort, filter)) {
      const head = [...split(r.file), r.body || '', r.year || '', verdictText(r)];
      const list = NB.render.ordered(r.findings || []);
      if (list.length === 0) lines.push([...head, '', '', '', '', r.reason ? NB.pick(r.reason) : '', '']);
      for (const f of list) {
        const line = f.location && f.location.start ? f.location.start.line : '';
        lines.push([...head, NB.t(NB.render.severityOf(f)), NB.render.ruleName(f.id), f.id, line || '', NB.pick(f.message), NB.pick(f.fix)]);
      }
    }
    return asCsv(lines);
  }

  return { COLUMNS, RANK, firstDir, verdictText, note, filtered, sorted, shown, ruleCounts, table, csv, detailCsv };
})();
