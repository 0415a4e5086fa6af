// <nianbao-check>: the checker as a custom element, for pages whose policy
// allows 'wasm-unsafe-eval' (script-src 'self' 'wasm-unsafe-eval').
//   <script src="/static/nianbao/nianbao-check.js" defer></script>
//   <nianbao-check lang="zh" rules="-publish-late" deadline="01-31" compact></nianbao-check>
// Finds worker.js, nianbao.js and nianbao.wasm next to itself (its own URL);
// one worker serves every element on the page, each gets its own results.
// Shadow DOM with a constructed style sheet: no page style gets in (the box
// resets everything it would inherit from the element, which host rules may
// style), none gets out, no inline <style> for the policy to refuse. Adds one global, `nianbao`:
//   nianbao.check(text, options) -> Promise<result>   (options: lang, rules,
//   deadline, disable, severity, bodyKind, today, previous, model)
//   nianbao.ready() -> Promise<{version, rules}>
// Each element fires `nianbao-result` (detail: {result}) after every check.
// The report text is untrusted: it only reaches the DOM as textContent/value.
'use strict';

(function () {
  if (window.nianbao || customElements.get('nianbao-check')) return;   // loaded twice
  const script = document.currentScript;
  const base = new URL('.', script && script.src ? script.src : location.href);
  const LOAD_TIMEOUT_MS = 20000;
  const DEBOUNCE_MS = 400;

  // ---- the shared worker ----
  let worker = null;
  let starting = null;
  let nextId = 1;
  const waiting = new Map();

  function ready() {
    if (starting) return starting;
    starting = new Promise((resolve, reject) => {
      let done = false;
      const fail = (message) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        for (const w of waiting.values()) w.reject(new Error(message));
        waiting.clear();
        if (worker) worker.terminate();
        reject(new Error(message));
      };
      const timer = setTimeout(() => fail('timeout'), LOAD_TIMEOUT_MS);
      try {
        worker = new Worker(new URL('worker.js', base));
      } catch (e) {
        fail(String((e && e.message) || e));
        return;
      }
      worker.onerror = (e) => {
        e.preventDefault();
        fail(e.message || 'worker error');
      };
      worker.onmessage = (event) => {
        const m = event.data || {};
        if (m.op === 'ready') {
          clearTimeout(timer);
          resolve({ version: m.version, rules: m.rules });
        } else if (m.op === 'fatal') {
          fail(m.message);
        } else {
          const w = waiting.get(m.id);
          if (!w) return;
          waiting.delete(m.id);
          if (m.ok) w.resolve(m.value);
          else w.reject(new Error(m.message));
        }
      };
      worker.postMessage({ op: 'init' });
    });
    return starting;
  }

  // "a b -c" / ["a", "-c"]: ids to run only, -ids to turn off.
  function disabledBy(rules, registry) {
    const list = Array.isArray(rules) ? rules : String(rules || '').split(/[\s,]+/);
    const off = list.filter((r) => r.startsWith('-')).map((r) => r.slice(1));
    const only = list.filter((r) => r && !r.startsWith('-'));
    if (only.length) for (const r of registry) if (!only.includes(r.id)) off.push(r.id);
    return off;
  }

  async function check(text, options) {
    const o = Object.assign({}, options);
    const loaded = await ready();
    const opts = {};
    for (const k of ['lang', 'deadline', 'bodyKind', 'today', 'severity']) if (o[k]) opts[k] = o[k];
    opts.disable = [...(Array.isArray(o.disable) ? o.disable : []), ...disabledBy(o.rules, loaded.rules)];
    const id = nextId++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, op: 'check', text: String(text), options: opts, previous: o.previous ? String(o.previous) : '', model: !!o.model });
    });
  }

  // ---- the element ----
  const WORDS = {
    zh: {
      label: '年报全文', placeholder: '粘贴政府信息公开工作年度报告全文，边输入边检查……', loading: '正在加载检查模块……',
      failed: '无法加载检查模块：', empty: '请粘贴年报全文。', pass: '通过', passWith: '通过（{1} 个警告、{2} 个提示）',
      fail: '未通过：{0} 个错误、{1} 个警告、{2} 个提示', error: '错误', warning: '警告', info: '提示', line: '第 {0} 行',
      list: '问题列表', count: '（{0}）', title: '年报体检', fix: '建议：', rule: '规则：',
    },
    en: {
      label: 'Full text of the report', placeholder: 'Paste the annual report; it is checked as you type…', loading: 'Loading the checker…',
      failed: 'The checker could not be loaded: ', empty: 'Paste the full text of the report.', pass: 'Passed',
      passWith: 'Passed ({1} {1|warning|warnings}, {2} {2|note|notes})', fail: 'Failed: {0} {0|error|errors}, {1} {1|warning|warnings}, {2} {2|note|notes}',
      error: 'Error', warning: 'Warning', info: 'Note', line: 'line {0}', list: 'Findings', count: ' ({0})', title: 'nianbao',
      fix: 'Fix: ', rule: 'Rule: ',
    },
  };
  const SEVERITIES = ['error', 'warning', 'info'];
  const CSS = `
:host { all: initial; display: block; contain: content; }
:host([hidden]) { display: none; }
.nb { all: initial; display: block; box-sizing: border-box; font: 16px/1.6 "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif;
  color: #1a1a1a; background: #fff; border: 1px solid #8a9099; border-radius: 6px; padding: 0.5em 0.75em 0.75em; text-align: left; }
.nb *, .nb *::before, .nb *::after { box-sizing: border-box; }
label { display: block; font-weight: 700; margin: 0 0 0.25em; }
textarea { display: block; width: 100%; height: 12em; resize: vertical; margin: 0; padding: 0.4em; font: 0.95em/1.5 ui-monospace, monospace;
  color: #1a1a1a; background: #fff; border: 2px solid #8a9099; border-radius: 4px; tab-size: 4; }
textarea:focus { outline: 3px solid #0b57d0; outline-offset: 1px; }
.verdict { margin: 0.5em 0 0; padding: 0.3em 0.5em; border-radius: 4px; font-weight: 700; }
.verdict[data-verdict="fail"] { color: #a4161a; background: #fde8e8; }
.verdict[data-verdict="pass"] { color: #1b5e20; background: #e6f4e7; }
.verdict[data-verdict="error"] { color: #a4161a; }
ol { list-style: none; margin: 0.5em 0 0; padding: 0; }
li { margin: 0 0 0.4em; padding: 0 0 0.25em; border: 1px solid #8a9099; border-left: 5px solid #0b4f9c; border-radius: 4px; }
li[data-severity="error"] { border-left-color: #a4161a; }
li[data-severity="warning"] { border-left-color: #7a4a00; }
li[aria-current="true"] { border-color: #0b57d0; background: #eef3fd; }
button { all: unset; display: block; box-sizing: border-box; width: 100%; padding: 0.25em 0.5em 0; cursor: pointer; overflow-wrap: break-word; }
button:focus-visible { outline: 3px solid #0b57d0; outline-offset: -3px; }
.fix { display: block; color: #44484e; }
.about { display: block; padding: 0 0.5em; color: #44484e; font-size: 0.9em; }
.sev { font-weight: 700; margin-right: 0.4em; }
li[data-severity="error"] .sev { color: #a4161a; }
li[data-severity="warning"] .sev { color: #7a4a00; }
li[data-severity="info"] .sev { color: #0b4f9c; }
.where { color: #44484e; margin-right: 0.4em; }
code { font: 0.85em ui-monospace, monospace; color: #44484e; white-space: nowrap; }
.word { white-space: nowrap; }
textarea::selection { background: #ffd54f; color: #000; }
summary { cursor: pointer; margin-top: 0.4em; }
:host([compact]) .nb { font-size: 14px; padding: 0.4em 0.5em 0.5em; }
:host([compact]) textarea { height: 10em; min-height: 6em; }
`;
  let sheet = null;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null) continue;
      if (k === 'text') node.textContent = String(v);
      else node.setAttribute(k, String(v));
    }
    for (const c of children) if (c) node.append(c);
    return node;
  }

  // Text whose hyphenated ASCII words (--deadline, MM-DD, 2025-01-31) stay
  // whole: browsers break lines after a hyphen, which cuts such a word in two.
  const HYPHENATED = /((?:--?)?[A-Za-z0-9]+(?:-+[A-Za-z0-9]+)+|--?[A-Za-z][A-Za-z0-9]*)/;
  function unbroken(text) {
    return String(text).split(HYPHENATED).map((part, i) => (i % 2 ? el('span', { class: 'word', text: part }) : part || null));
  }

  class NianbaoCheck extends HTMLElement {
    static get observedAttributes() { return ['lang', 'rules', 'deadline', 'compact']; }

    constructor() {
      super();
      const root = this.attachShadow({ mode: 'open' });
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
      }
      root.adoptedStyleSheets = [sheet];
      this._input = el('textarea', { id: 'input', spellcheck: 'false' });
      this._label = el('label', { for: 'input' });
      this._verdict = el('p', { class: 'verdict', role: 'status', 'data-verdict': 'loading' });
      this._list = el('div', { class: 'list' });
      root.append(el('div', { class: 'nb', part: 'box' }, this._label, this._input, this._verdict, this._list));
      this._result = null;
      this._titles = new Map();
      this._checked = null;
      this._timer = 0;
      this._input.addEventListener('input', () => {
        clearTimeout(this._timer);
        this._timer = setTimeout(() => this.check(), DEBOUNCE_MS);
      });
      this._list.addEventListener('click', (e) => {
        const button = e.target.closest('button');
        if (button) this._select(button.closest('li'));
      });
    }

    connectedCallback() {
      this._words();
      ready().then((loaded) => {
        this._titles = new Map(loaded.rules.map((r) => [r.id, r.title]));
        if (this._verdict.dataset.verdict === 'loading') this._show(null);
        if (this._input.value.trim()) this.check();
      }, (e) => {
        this._verdict.dataset.verdict = 'error';
        this._verdict.textContent = this._t('failed') + e.message;
      });
    }

    attributeChangedCallback(name) {
      if (!this.shadowRoot) return;
      if (name === 'lang') this._words();
      if (this._checked !== null) this.check(true);
    }

    get value() { return this._input.value; }
    set value(text) {
      this._input.value = String(text);
      this.check();
    }
    get result() { return this._result; }

    // Checks the box's text with the element's attributes; resolves with the result.
    async check(force) {
      clearTimeout(this._timer);
      const text = this._input.value;
      if (!force && text === this._checked && this._result) return this._result;
      this._checked = text;
      if (!text.trim()) {
        this._show(null);
        return null;
      }
      const result = await check(text, { lang: this._lang(), rules: this.getAttribute('rules') || '', deadline: this.getAttribute('deadline') || '' });
      if (text !== this._input.value) return result;   // typed on meanwhile: the next check shows
      this._show(result);
      this.dispatchEvent(new CustomEvent('nianbao-result', { detail: { result }, bubbles: true, composed: true }));
      return result;
    }

    // A finding clicked (or Enter on it): its characters selected in the box, scrolled into view.
    _select(li) {
      for (const old of this._list.querySelectorAll('li[aria-current]')) old.removeAttribute('aria-current');
      li.setAttribute('aria-current', 'true');
      if (li.dataset.start === undefined) return;
      const input = this._input;
      input.focus();
      input.setSelectionRange(Number(li.dataset.start), Number(li.dataset.end));
      // Browsers do not scroll a textarea to a selection made by script: the
      // text before it, measured in a hidden copy with the box's metrics.
      const cs = getComputedStyle(input);
      const mirror = el('div', {});
      for (const p of ['fontFamily', 'fontSize', 'fontWeight', 'lineHeight', 'letterSpacing', 'tabSize', 'paddingLeft', 'paddingRight']) mirror.style[p] = cs[p];
      Object.assign(mirror.style, { position: 'absolute', visibility: 'hidden', whiteSpace: 'pre-wrap', overflowWrap: 'break-word',
        width: input.clientWidth + 'px', boxSizing: 'border-box' });
      mirror.textContent = input.value.slice(0, Number(li.dataset.start));
      this.shadowRoot.append(mirror);
      const y = mirror.scrollHeight;
      mirror.remove();
      input.scrollTop = Math.max(0, y - input.clientHeight / 3);
    }

    _lang() { return this.getAttribute('lang') === 'en' ? 'en' : 'zh'; }
    _t(key, ...args) {
      return WORDS[this._lang()][key].replace(/\{(\d)(?:\|([^|}]*)\|([^}]*))?\}/g,
        (_, i, one, many) => (one === undefined ? String(args[Number(i)]) : Number(args[Number(i)]) === 1 ? one : many));
    }

    _words() {
      this._label.textContent = this._t('label');
      this._input.placeholder = this._t('placeholder');
      if (this._verdict.dataset.verdict === 'loading') this._verdict.textContent = this._t('loading');
      else if (this._verdict.dataset.verdict !== 'error') this._show(this._result);
    }

    _show(result) {
      this._result = result;
      const v = this._verdict;
      if (!result) {
        v.dataset.verdict = 'empty';
        v.textContent = this._t('empty');
        this._list.replaceChildren();
        return;
      }
      const pick = (p) => (p && typeof p === 'object' ? p[this._lang()] || p.zh || '' : String(p || ''));
      const sev = (f) => (SEVERITIES.includes(f.severity) ? f.severity : 'info');
      const n = { error: 0, warning: 0, info: 0 };
      for (const f of result.findings) n[sev(f)]++;
      v.dataset.verdict = n.error ? 'fail' : 'pass';
      v.textContent = this._t(n.error ? 'fail' : n.warning + n.info ? 'passWith' : 'pass', n.error, n.warning, n.info);
      const utf16 = (p) => (p && Number.isInteger(p.utf16) ? p.utf16 : null);
      const items = SEVERITIES.flatMap((s) => result.findings.filter((f) => sev(f) === s)).slice(0, 200).map((f) => {
        const loc = f.location || {};
        const at = loc.start;
        // One button per finding (one Tab stop; a click or Enter selects its
        // text); the rule by its name, the id small after it, not read aloud.
        return el('li', { 'data-rule': f.id, 'data-severity': sev(f), 'data-start': utf16(loc.start), 'data-end': utf16(loc.end) },
          el('button', { type: 'button' },
            el('span', { class: 'sev', text: this._t(sev(f)) }),
            at && at.line ? el('span', { class: 'where', text: this._t('line', at.line) }) : null,
            el('span', { class: 'message' }, ...unbroken(pick(f.message))),
            f.fix ? el('span', { class: 'fix' }, ...unbroken(this._t('fix') + pick(f.fix))) : null),
          el('span', { class: 'about' }, this._t('rule') + (pick(this._titles.get(f.id)) || f.id) + ' ',
            el('code', { lang: 'en', 'aria-hidden': 'true', text: f.id })));
      });
      const ol = el('ol', { 'aria-label': this._t('list') }, ...items);
      this._list.replaceChildren(this.hasAttribute('compact') && items.length
        ? el('details', {}, el('summary', { text: this._t('list') + this._t('count', items.length) }), ol) : ol);
    }
  }

  customElements.define('nianbao-check', NianbaoCheck);
  Object.defineProperty(window, 'nianbao', {
    value: Object.freeze({ check, ready: () => ready().then((r) => ({ version: r.version, rules: r.rules.map((x) => x.id) })) }),
    enumerable: true,
  });
})();
