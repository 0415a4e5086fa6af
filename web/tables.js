// Tables 二, 三 and 四 as the module read them (result.report.tables), for
// the table view and the CSV export. Cells that a finding names with an
// expected value are wrong; other cells a finding names took part in it.
// Each table is a grid for the keyboard: one Tab stop, arrows between cells.
'use strict';

window.NB = window.NB || {};

NB.tables = (function () {
  const TITLES = { 2: 'table2', 3: 'table3', 4: 'table4' };

  function list(result) {
    const report = result && result.report;
    return report && Array.isArray(report.tables) ? report.tables.filter((t) => TITLES[t.number]) : [];
  }

  // "table|row|column" -> {expected?, rules: [...]} from the findings.
  function marks(result) {
    const map = new Map();
    for (const f of (result && result.findings) || []) {
      for (const c of f.cells || []) {
        const key = c.table + '|' + c.row + '|' + c.column;
        const m = map.get(key) || { rules: [] };
        if (c.expected !== undefined) m.expected = c.expected;
        if (!m.rules.includes(f.id)) m.rules.push(f.id);
        map.set(key, m);
      }
    }
    return map;
  }

  // Column labels of a row: table 二's rows carry their block's own;
  // tables 三 and 四 have one list of {group, label}.
  function columnsOf(table, row) {
    if (Array.isArray(row.columns)) return row.columns.map((label) => ({ group: '', label: String(label) }));
    return (table.columns || []).map((c) => ({ group: String(c.group || ''), label: String(c.label || '') }));
  }

  function title(table) {
    return NB.t(TITLES[table.number]);
  }

  // One line per row as text: [label, raw cells…], for the CSV.
  function rowsAsText(table) {
    const lines = [];
    let head = null;
    for (const row of table.rows || []) {
      const cols = columnsOf(table, row);
      const names = cols.map((c) => (c.group && c.group !== c.label ? c.group + '·' : '') + c.label);
      if (head !== names.join('\t')) {
        head = names.join('\t');
        lines.push([table.number === 2 ? NB.t('infoContent') : NB.t('rowHeader'), ...names]);
      }
      const cells = row.cells || [];
      lines.push([String(row.label || row.raw_label || ''), ...cols.map((_, i) => (cells[i] ? String(cells[i].raw) : ''))]);
    }
    return lines;
  }

  // ---- the view ----
  const el = (...a) => NB.render.el(...a);

  // Header rows: the groups (merged where they repeat) over the labels.
  function headRows(table, cols) {
    const first = table.number === 2 ? NB.t('infoContent') : NB.t('rowHeader');
    const hasGroups = cols.some((c) => c.group && c.group !== c.label);
    if (!hasGroups) return [el('tr', {}, el('th', { scope: 'col', text: first }), ...cols.map((c) => el('th', { scope: 'col', text: c.label })))];
    const top = el('tr', {}, el('th', { scope: 'col', rowspan: 2, text: first }));
    for (let i = 0; i < cols.length;) {
      let j = i;
      while (j < cols.length && cols[j].group === cols[i].group) j++;
      top.append(el('th', { scope: 'colgroup', colspan: j - i, text: cols[i].group }));
      i = j;
    }
    return [top, el('tr', {}, ...cols.map((c) => el('th', { scope: 'col', text: c.label })))];
  }

  function cell(table, row, cols, i, markMap) {
    const c = (row.cells || [])[i];
    const m = markMap.get(table.number + '|' + row.key + '|' + i);
    const loc = c && c.location;
    const td = el('td', {
      'data-start': loc && loc.start ? loc.start.utf16 : null,
      'data-end': loc && loc.end ? loc.end.utf16 : null,
      'data-rules': m ? m.rules.join(' ') : null,
      // The rules by name (an id would be read out letter by letter in a Chinese sentence).
      title: m ? m.rules.map(NB.render.ruleName).join(NB.t('listSep')) : null,
      tabindex: -1,
      class: m ? (m.expected !== undefined ? 'wrong' : 'involved') : (c && c.status !== 'ok' ? 'odd' : null),
    }, el('span', { class: 'value', text: c ? c.raw : '—' }));
    if (m && m.expected !== undefined) td.append(el('span', { class: 'expected', text: NB.t('expected', m.expected) }));
    return td;
  }

  // ---- the keyboard: one Tab stop per table, arrows between its cells ----
  // (a roving tabindex: the cell last visited holds tabindex 0, the others -1).

  function grid(t) {
    return Array.from(t.tBodies[0].rows).map((tr) => Array.from(tr.cells).filter((c) => c.tagName === 'TD')).filter((r) => r.length);
  }

  function rove(t, td) {
    for (const c of t.querySelectorAll('td[tabindex="0"]')) c.tabIndex = -1;
    td.tabIndex = 0;
  }

  // Arrows move by one cell (up and down to the nearest column of a row with
  // fewer cells), Home/End to the row's ends, Ctrl+Home/End to the table's;
  // Enter or Space selects the cell in the text, as a click does.
  function onKey(e) {
    const td = e.target.closest && e.target.closest('td');
    if (!td || e.altKey || e.metaKey) return;
    const t = e.currentTarget;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      td.click();
      return;
    }
    const cells = grid(t);
    const r = cells.findIndex((row) => row.includes(td));
    if (r < 0) return;
    const c = cells[r].indexOf(td);
    const at = (row, col) => (row >= 0 && row < cells.length ? cells[row][Math.min(col, cells[row].length - 1)] : null);
    const last = cells[cells.length - 1];
    const to = {
      ArrowRight: cells[r][c + 1], ArrowLeft: cells[r][c - 1], ArrowDown: at(r + 1, c), ArrowUp: at(r - 1, c),
      Home: e.ctrlKey ? cells[0][0] : cells[r][0], End: e.ctrlKey ? last[last.length - 1] : cells[r][cells[r].length - 1],
    }[e.key];
    if (to === undefined && !['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
    e.preventDefault();
    if (!to) return;
    rove(t, to);
    to.focus();
  }

  function tableView(table, markMap) {
    const body = el('tbody');
    let head = null;
    const t = el('table', { class: 'read', role: 'grid', 'aria-readonly': 'true', 'data-table': table.number }, el('caption', { text: title(table) }));
    for (const row of table.rows || []) {
      const cols = columnsOf(table, row);
      const key = cols.map((c) => c.group + '\u0000' + c.label).join('\u0001');
      if (key !== head) {
        head = key;
        if (table.number === 2 || !t.tHead) {
          const rows = headRows(table, cols);
          if (!t.tHead) t.append(el('thead', {}, ...rows));
          else body.append(...rows);
        }
      }
      const label = el('th', { scope: 'row', text: String(row.label || row.raw_label || '') });
      if (!row.found) label.append(el('span', { class: 'missing', text: ' ' + NB.t('notFound') }));
      body.append(el('tr', { 'data-row': row.key, class: row.found ? null : 'missing' }, label,
        ...cols.map((_, i) => cell(table, row, cols, i, markMap))));
    }
    t.append(body);
    const first = t.querySelector('td');
    if (first) first.tabIndex = 0;
    t.addEventListener('keydown', onKey);
    t.addEventListener('focusin', (e) => { if (e.target.tagName === 'TD') rove(t, e.target); });
    return el('div', { class: 'scroll' }, t);
  }

  function view(target, result) {
    const tables = list(result).filter((t) => t.found);
    if (tables.length === 0) return target.replaceChildren(el('p', { text: NB.t('noTables') }));
    const markMap = marks(result);
    target.replaceChildren(...tables.map((t) => tableView(t, markMap)));
  }

  return { list, marks, title, rowsAsText, tableView, view };
})();
