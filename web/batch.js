// Many reports at once: the summary table (file, body, year, errors,
// warnings, verdict), sortable by any column (a button in each header,
// aria-sort on it), and its CSV (UTF-8 with BOM, CRLF).
'use strict';

window.NB = window.NB || {};

NB.batch = (function () {
  const el = (...a) => NB.render.el(...a);
  const COLUMNS = [
    { key: 'file', label: 'colFile' }, { key: 'body', label: 'colBody' }, { key: 'year', label: 'colYear', numeric: true },
    { key: 'errors', label: 'colErrors', numeric: true }, { key: 'warnings', label: 'colWarnings', numeric: true },
    { key: 'verdict', label: 'colVerdict' },
  ];
  const collator = new Intl.Collator('zh-CN', { numeric: true });

  function verdictText(row) {
    return NB.t(row.verdict === 'pass' ? 'verdictPass' : row.verdict === 'fail' ? 'verdictFail' : 'verdictUnreadable');
  }

  function cellValue(row, key) {
    return key === 'verdict' ? verdictText(row) : row[key];
  }

  // The rows in the order of sort = {key, dir: 1|-1}; ties by file name.
  function sorted(rows, sort) {
    const col = COLUMNS.find((c) => c.key === sort.key) || COLUMNS[0];
    const cmp = (a, b) => {
      const x = a[col.key];
      const y = b[col.key];
      if (col.numeric) {
        const nx = x === '' || x === null || x === undefined ? -Infinity : Number(x);
        const ny = y === '' || y === null || y === undefined ? -Infinity : Number(y);
        if (nx !== ny) return nx < ny ? -1 : 1;
        return 0;
      }
      return collator.compare(String(cellValue(a, col.key) || ''), String(cellValue(b, col.key) || ''));
    };
    return rows.map((r, i) => [r, i]).sort(([a], [b]) => sort.dir * cmp(a, b) || collator.compare(a.file, b.file))
      .map(([r, i]) => Object.assign({ index: i }, r));
  }

  function table(rows, sort) {
    const head = el('tr', {}, ...COLUMNS.map((c) => el('th', {
      scope: 'col', 'aria-sort': c.key === sort.key ? (sort.dir > 0 ? 'ascending' : 'descending') : 'none',
    }, el('button', { type: 'button', class: 'sort', 'data-key': c.key, text: NB.t(c.label) }))));
    const body = sorted(rows, sort).map((r) => el('tr', { 'data-index': r.index, 'data-verdict': r.verdict },
      el('td', {}, el('button', { type: 'button', class: 'open', 'data-index': r.index, 'aria-label': NB.t('batchOpen', r.file), text: r.file })),
      el('td', { text: r.body || '' }), el('td', { text: r.year || '' }),
      el('td', { class: 'num', text: r.errors === '' ? '' : r.errors }), el('td', { class: 'num', text: r.warnings === '' ? '' : r.warnings }),
      el('td', { title: r.message || null, text: verdictText(r) })));
    return el('table', { class: 'batch', id: 'batch-table' }, el('caption', { text: NB.t('batchCaption', rows.length) }),
      el('thead', {}, head), el('tbody', {}, ...body));
  }

  function csv(rows, sort) {
    const lines = [COLUMNS.map((c) => NB.t(c.label))];
    for (const r of sorted(rows, sort)) lines.push(COLUMNS.map((c) => cellValue(r, c.key)));
    return lines.map((cells) => cells.map(NB.exporter.field).join(',')).join('\r\n') + '\r\n';
  }

  return { COLUMNS, sorted, table, csv };
})();
