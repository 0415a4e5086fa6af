// Results to DOM: the verdict, the findings grouped by severity, the rule
// docs from the module's registry. Text from the report or the module only
// ever reaches the page through textContent.
'use strict';

window.NB = window.NB || {};

NB.render = (function () {
  const SEVERITIES = ['error', 'warning', 'info'];
  const MAX_PER_GROUP = 200;   // a 5 MB paste of noise can have thousands

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') node.className = v;
      else if (k === 'text') node.textContent = String(v);
      else node.setAttribute(k, String(v));
    }
    for (const c of children) if (c !== null && c !== undefined && c !== '') node.append(c);
    return node;
  }

  // The rules' names from the module's registry: a finding shows its rule by
  // name, the id after it, small, in English and hidden from screen readers
  // (it would be read letter by letter inside a Chinese sentence).
  let titles = new Map();
  function setRules(registry) {
    titles = new Map((registry || []).map((r) => [r.id, r.title]));
  }
  function ruleName(id) {
    return NB.pick(titles.get(id)) || id;
  }
  function ruleId(id) {
    return el('code', { class: 'rid', lang: 'en', 'aria-hidden': 'true', text: id });
  }

  // Text whose hyphenated ASCII words (--deadline, MM-DD, 2025-01-31) stay
  // whole: browsers break lines after a hyphen, which cuts such a word in two.
  const HYPHENATED = /((?:--?)?[A-Za-z0-9]+(?:-+[A-Za-z0-9]+)+|--?[A-Za-z][A-Za-z0-9]*)/;
  function unbroken(text) {
    // split() with a group: the words are at the odd places.
    return String(text).split(HYPHENATED).map((part, i) => {
      if (i % 2 === 0) return part;
      const word = el('span', { text: part });
      word.style.whiteSpace = 'nowrap';   // CSSOM, allowed by style-src 'self'
      return word;
    });
  }

  function severityOf(f) {
    return SEVERITIES.includes(f.severity) ? f.severity : 'info';
  }

  // The findings in the order they are listed (and walked with F8): errors,
  // then warnings, then notes, each in the order of the text.
  function ordered(findings) {
    return SEVERITIES.flatMap((s) => findings.filter((f) => severityOf(f) === s));
  }

  function counts(findings) {
    const n = { error: 0, warning: 0, info: 0 };
    for (const f of findings) n[severityOf(f)]++;
    return n;
  }

  // {verdict: 'empty'|'pass'|'fail', text}
  function verdictOf(result) {
    if (!result) return { verdict: 'empty', text: NB.t('empty') };
    const n = counts(result.findings);
    if (result.findings.some((f) => f.id === 'input-not-report')) return { verdict: 'fail', text: NB.t('notReport') };
    if (n.error > 0) return { verdict: 'fail', text: NB.t('fail', n.error, n.warning, n.info) };
    if (n.warning + n.info > 0) return { verdict: 'pass', text: NB.t('passWith', n.warning, n.info) };
    return { verdict: 'pass', text: NB.t('pass') };
  }

  function verdict(target, result) {
    const v = verdictOf(result);
    target.dataset.verdict = v.verdict;
    target.textContent = v.text;
  }

  function findingItem(f, index) {
    const loc = f.location || {};
    const start = loc.start && Number.isInteger(loc.start.utf16) ? loc.start.utf16 : null;
    const end = loc.end && Number.isInteger(loc.end.utf16) ? loc.end.utf16 : null;
    const button = el('button', { type: 'button', class: 'finding' },
      el('span', { class: 'sev', text: NB.t(severityOf(f)) }),
      loc.start && loc.start.line ? el('span', { class: 'where', text: NB.t('line', loc.start.line) }) : null,
      el('span', { class: 'message' }, ...unbroken(NB.pick(f.message))),
      f.arithmetic ? el('span', { class: 'arith', text: NB.t('arithmetic') + f.arithmetic }) : null,
      f.fix ? el('span', { class: 'fix' }, ...unbroken(NB.t('fix') + NB.pick(f.fix))) : null);
    // Out of the Tab order (one stop per finding): → on the finding reaches it.
    const doc = el('a', { class: 'doc', href: '#rule-' + f.id, title: NB.t('ruleDoc'), tabindex: -1 },
      NB.t('rule') + ruleName(f.id) + ' ', ruleId(f.id));
    return el('li', {
      'data-rule': f.id, 'data-severity': f.severity, 'data-index': index,
      'data-start': start === null ? null : start, 'data-end': end === null ? null : end,
    }, button, doc);
  }

  // Replaces target's children with one group per severity present.
  function findings(target, result) {
    const list = result ? ordered(result.findings) : [];
    const groups = [];
    let index = 0;
    for (const s of SEVERITIES) {
      const of = list.filter((f) => severityOf(f) === s);
      if (of.length === 0) continue;
      const headingId = 'group-' + s;
      const ol = el('ol', { class: 'findings', 'aria-labelledby': headingId });
      of.slice(0, MAX_PER_GROUP).forEach((f, i) => ol.append(findingItem(f, index + i)));
      index += of.length;
      groups.push(el('section', { class: 'group', 'data-severity': s },
        el('h3', { id: headingId, text: NB.t('group', NB.t(s), of.length) }), ol,
        of.length > MAX_PER_GROUP ? el('p', { class: 'more', text: NB.t('more', of.length - MAX_PER_GROUP) }) : null));
    }
    target.replaceChildren(...groups);
    return list;
  }

  // The registry explains what and why in both languages, and gives the example
  // with what it means in English; the legal basis is Chinese text by nature.
  // Chinese is marked as such, so that a screen reader in the English page
  // reads it as Chinese.
  function doc(label, zh, en) {
    const english = NB.lang() === 'en' && en;
    const text = english ? en : zh;
    return text && text !== '—' ? el('p', {}, NB.t(label), el('span', { lang: english ? 'en' : 'zh-CN', text })) : null;
  }

  // The registry as a list of articles with ids rule-<id>, the links' targets.
  // The long texts come from docs (NB.ruleDocs: id -> entry) once loaded.
  function rules(target, registry, docs) {
    setRules(registry);
    target.replaceChildren(...registry.map((r) => {
      const d = (docs && docs.get(r.id)) || r;
      return el('article', { id: 'rule-' + r.id, class: 'rule', tabindex: '-1' },
        el('h3', {}, NB.pick(r.title) + ' ', ruleId(r.id)),
        el('p', { text: NB.t('severity') + NB.t(SEVERITIES.includes(r.severity) ? r.severity : 'info') }),
        doc('what', d.what, d.what_en), doc('why', d.why, d.why_en), doc('example', d.example, d.example_en), doc('basis', d.basis));
    }));
  }

  return { el, setRules, ruleName, ruleId, unbroken, severityOf, ordered, counts, verdictOf, verdict, findings, rules };
})();
