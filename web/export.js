// Exports: the findings as JSON, the tables as CSV (UTF-8 with BOM, so that
// Excel and WPS read the Chinese), and the printable summary for sign-off.
// Downloads are Blob URLs: nothing leaves the machine.
'use strict';

window.NB = window.NB || {};

NB.exporter = (function () {
  function download(name, type, parts) {
    const url = URL.createObjectURL(new Blob(parts, { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  function baseName(result) {
    const r = (result && result.report) || {};
    const name = [r.body && r.body.name, r.year].filter(Boolean).join('-') || 'nianbao';
    return name.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80);
  }

  // The read model's title is {text, found, location}; the CLI's lean report has the text.
  function titleOf(r) {
    return r.title && typeof r.title === 'object' ? r.title.text || '' : r.title || '';
  }

  // The result as the CLI's --format json prints it, without the read model.
  function findingsJson(result) {
    const r = result.report || {};
    return {
      version: result.version,
      summary: result.summary,
      report: { title: titleOf(r), body: r.body, year: r.year === undefined ? null : r.year, format: r.format },
      findings: result.findings,
    };
  }

  // A CSV field; text a spreadsheet would run as a formula gets a leading '.
  function field(value) {
    let s = String(value === undefined || value === null ? '' : value);
    if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = "'" + s;
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  function tablesCsv(result) {
    const lines = [];
    const tables = NB.tables.list(result).filter((t) => t.found);
    for (const t of tables) {
      lines.push([NB.tables.title(t)]);
      lines.push(...NB.tables.rowsAsText(t));
      lines.push([]);
    }
    // The wrong cells, with what they should be.
    lines.push([NB.t('csvFixes')]);
    const marks = NB.tables.marks(result);
    lines.push([NB.t('csvTable'), NB.t('csvRow'), NB.t('csvColumn'), NB.t('csvRead'), NB.t('csvExpected'), NB.t('csvRule')]);
    for (const t of tables) {
      for (const row of t.rows || []) {
        (row.cells || []).forEach((c, i) => {
          const m = marks.get(t.number + '|' + row.key + '|' + i);
          if (!m || m.expected === undefined) return;
          const col = Array.isArray(row.columns) ? row.columns[i] : ((t.columns || [])[i] || {}).label;
          lines.push([t.number, row.label, col, c.raw, m.expected, m.rules.map((id) => NB.render.ruleName(id) + ' (' + id + ')').join('; ')]);
        });
      }
    }
    return lines.map((cells) => cells.map(field).join(',')).join('\r\n') + '\r\n';
  }

  function json(result) {
    download(baseName(result) + '.json', 'application/json', [JSON.stringify(findingsJson(result), null, 2) + '\n']);
  }

  function csv(result) {
    download(baseName(result) + '-tables.csv', 'text/csv;charset=utf-8', ['\uFEFF' + tablesCsv(result)]);
  }

  // The print-only sheet of one report: what was checked, the verdict, every
  // finding, and lines to sign on. The report's name heads the findings table
  // in its <thead>, which the browser repeats on every printed page the table
  // runs to. `about` (the batch): {name, file, verdict, previous}.
  function sheetNode(result, version, about) {
    const el = NB.render.el;
    const a = about || {};
    const r = (result && result.report) || {};
    const pad = (n) => String(n).padStart(2, '0');
    const d = new Date();
    const name = a.name || titleOf(r) || [(r.body && r.body.name) || '', r.year || ''].join(' ').trim() || NB.t('sheetTitle');
    const facts = [
      a.file ? [NB.t('sheetFile'), a.file] : null,
      [NB.t('sheetReport'), titleOf(r)],
      [NB.t('sheetBody'), (r.body && r.body.name) || ''],
      [NB.t('sheetYear'), r.year || ''],
      [NB.t('sheetTool'), 'nianbao ' + (version || '')],
      [NB.t('sheetDate'), d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate())],
      [NB.t('sheetVerdict'), a.verdict || NB.render.verdictOf(result).text],
      a.previous ? [NB.t('sheetPrevious'), a.previous] : null,
    ].filter(Boolean);
    const list = result ? NB.render.ordered(result.findings) : [];
    const rows = list.map((f, i) => el('tr', {},
      el('td', { text: i + 1 }),
      el('td', { text: NB.t(NB.render.severityOf(f)) }),
      el('td', { class: 'rule' }, NB.render.ruleName(f.id) + ' ', NB.render.ruleId(f.id)),
      el('td', { text: f.location && f.location.start ? NB.t('line', f.location.start.line) : '' }),
      el('td', {}, el('div', {}, ...NB.render.unbroken(NB.pick(f.message))),
        f.arithmetic ? el('div', { text: NB.t('arithmetic') + f.arithmetic }) : null,
        f.fix ? el('div', {}, ...NB.render.unbroken(NB.t('fix') + NB.pick(f.fix))) : null)));
    const sign = () => el('div', { class: 'sign' },
      el('span', { text: NB.t('signChecker') }), el('span', { text: NB.t('signReviewer') }), el('span', { text: NB.t('signDate') }));
    // The lines to sign on end the table (a footer drawn in place, not
    // repeated), so that a page they go to alone still has the name above.
    return el('article', { class: 'sheet' },
      el('h2', { text: NB.t('sheetTitle') }),
      el('dl', {}, ...facts.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: v })])),
      // A file that could not be read has no findings, and its verdict says why.
      rows.length === 0 ? (a.verdict ? null : el('p', { text: NB.t('sheetNone') })) : el('table', {},
        el('thead', {},
          el('tr', { class: 'running' }, el('th', { colspan: 5, text: name })),
          el('tr', {}, ...['sheetNo', 'sheetSeverity', 'sheetRule', 'sheetWhere', 'sheetMessage']
            .map((k) => el('th', { scope: 'col', text: NB.t(k) })))),
        el('tbody', {}, ...rows),
        el('tfoot', {}, el('tr', {}, el('td', { colspan: 5 }, sign())))),
      rows.length === 0 ? sign() : null);
  }

  function sheet(target, result, version) {
    target.replaceChildren(sheetNode(result, version));
  }

  // One sheet per report, each from a new page: [{result, about}].
  function sheets(target, list, version) {
    target.replaceChildren(...list.map((x) => sheetNode(x.result, version, x.about)));
  }

  return { json, csv, sheet, sheets, field, tablesCsv, findingsJson, download, baseName };
})();
