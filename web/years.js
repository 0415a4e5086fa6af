// Two years side by side: this year's tables 二, 三 and 四 next to last
// year's (both as the module read them), with the carried-over cells linked:
// this year's 表三 二、上年结转 and last year's 表三 四、结转下年度继续办理,
// cell by cell. Hovering or focusing one highlights its pair; a pair that
// differs is marked.
'use strict';

window.NB = window.NB || {};

NB.years = (function () {
  const el = (...a) => NB.render.el(...a);
  const LINKS = [{ now: 't3.carried_in', before: 't3.carried_out', table: 3 }];

  function column(result, heading) {
    const tables = NB.tables.list(result).filter((t) => t.found);
    const marks = NB.tables.marks(result);
    return el('div', { class: 'year' }, el('h3', { text: heading }),
      ...(tables.length ? tables.map((t) => NB.tables.tableView(t, marks)) : [el('p', { text: NB.t('noTables') })]));
  }

  function link(now, before) {
    for (const l of LINKS) {
      const a = now.querySelectorAll(`table[data-table="${l.table}"] tr[data-row="${l.now}"] td`);
      const b = before.querySelectorAll(`table[data-table="${l.table}"] tr[data-row="${l.before}"] td`);
      for (let i = 0; i < Math.min(a.length, b.length); i++) {
        const differ = a[i].querySelector('.value').textContent.trim() !== b[i].querySelector('.value').textContent.trim();
        for (const [td, other] of [[a[i], 'pairNow'], [b[i], 'pairBefore']]) {
          td.dataset.pair = l.now + '|' + i;
          td.classList.add('pair');
          td.classList.toggle('pair-bad', differ);
          td.title = NB.t(other);
        }
      }
    }
  }

  // The pair under the pointer and the focused pair are both highlighted.
  const active = { hover: null, focus: null };
  function highlight(target, kind, e) {
    const td = e && e.target.closest ? e.target.closest('td[data-pair]') : null;
    active[kind] = td ? td.dataset.pair : null;
    for (const x of target.querySelectorAll('td[data-pair]')) {
      x.classList.toggle('pair-on', x.dataset.pair === active.hover || x.dataset.pair === active.focus);
    }
  }

  // Fills target with both years, or hides its section when there is no last year.
  function view(target, now, before) {
    const section = target.closest('section');
    if (!now || !before) {
      section.hidden = true;
      target.replaceChildren();
      return;
    }
    section.hidden = false;
    const year = (r) => (r.report && r.report.year ? NB.t('yearOf', r.report.year) : '');
    const a = column(now, NB.t('yearNow', year(now)));
    const b = column(before, NB.t('yearBefore', year(before)));
    link(a, b);
    target.replaceChildren(el('div', { class: 'years' }, a, b));
    if (!target.dataset.wired) {
      target.dataset.wired = 'true';
      target.addEventListener('mouseover', (e) => highlight(target, 'hover', e));
      target.addEventListener('mouseleave', () => highlight(target, 'hover', null));
      target.addEventListener('focusin', (e) => highlight(target, 'focus', e));
      target.addEventListener('focusout', () => highlight(target, 'focus', null));
    }
  }

  return { view, LINKS };
})();
