// The page: paste a report, see the findings. Classic script; uses the global
// createNianbao from nianbao.js. Works under a strict CSP (no inline code, no
// code built from strings) and from file:// (the one-file build). The pasted
// text is untrusted: it only ever reaches the DOM through textContent.
'use strict';

(function () {
  const LOAD_TIMEOUT_MS = 15000;
  const DEBOUNCE_MS = 300;
  const SEVERITY_ZH = { error: '错误', warning: '警告', info: '提示' };

  let nianbao = null;      // the module, once loaded
  let failed = false;      // the module could not be loaded or crashed
  let debounceTimer = 0;
  let checks = 0;
  let rejectLoad = null;   // set while loading, so a CSP violation can end it

  const $ = (id) => document.getElementById(id);

  // A blocked script or wasm compile never settles the module's promise: treat
  // the violation report as a load failure.
  document.addEventListener('securitypolicyviolation', (e) => {
    const directive = String(e.effectiveDirective || e.violatedDirective || '');
    if (directive.startsWith('script-src') && rejectLoad) {
      rejectLoad(new Error('检查模块被浏览器的安全策略（CSP）阻止：' + directive));
    }
  });

  function setState(state, message) {
    document.body.dataset.state = state;
    $('status').textContent = message;
  }

  // The first failure is the one shown: later ones are its consequences.
  function fail(message) {
    if (failed) return;
    failed = true;
    nianbao = null;
    $('check').disabled = true;
    setState('error', message);
  }

  function loadModule() {
    return new Promise((resolve, reject) => {
      if (typeof createNianbao !== 'function') {
        reject(new Error('nianbao.js 没有加载'));
        return;
      }
      const timer = setTimeout(() => reject(new Error('加载超时')), LOAD_TIMEOUT_MS);
      rejectLoad = (err) => {
        clearTimeout(timer);
        reject(err);
      };
      createNianbao({
        onAbort: (what) => {
          if (!nianbao) {
            // Still loading: the load fails (its message is shown once).
            if (rejectLoad) rejectLoad(new Error(String(what)));
            return;
          }
          fail('检查模块出错并已停止，请刷新页面（' + String(what) + '）');
        },
      }).then(
        (module) => {
          clearTimeout(timer);
          resolve(module);
        },
        (err) => {
          clearTimeout(timer);
          reject(err);
        },
      );
    }).finally(() => {
      rejectLoad = null;
    });
  }

  // Lone UTF-16 surrogates would be mangled on the way into the module.
  function wellFormed(text) {
    if (typeof text.toWellFormed === 'function') return text.toWellFormed();
    return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null && text !== '') node.textContent = String(text);
    return node;
  }

  // The finding's text in Chinese, whatever shape the message has.
  function zh(value) {
    if (value === undefined || value === null) return '';
    if (typeof value === 'string') return value;
    if (typeof value === 'object') return value.zh || value.en || '';
    return String(value);
  }

  function severityOf(f) {
    return Object.prototype.hasOwnProperty.call(SEVERITY_ZH, f.severity) ? f.severity : 'info';
  }

  function findingItem(f) {
    const severity = severityOf(f);
    const li = el('li', 'finding');
    li.dataset.rule = String(f.id);
    li.dataset.severity = String(f.severity);
    const loc = f.location;
    if (loc && loc.start && loc.end && Number.isInteger(loc.start.utf16) && Number.isInteger(loc.end.utf16)) {
      li.dataset.start = String(loc.start.utf16);
      li.dataset.end = String(loc.end.utf16);
    }
    const button = el('button');
    button.type = 'button';
    button.append(el('span', 'sev', SEVERITY_ZH[severity]));
    button.append(el('code', 'rule', f.id));
    if (loc && loc.start && loc.start.line) {
      button.append(el('span', 'where', '第 ' + loc.start.line + ' 行'));
    }
    button.append(el('span', 'message', zh(f.message_zh !== undefined ? f.message_zh : f.message)));
    const fix = zh(f.fix_zh !== undefined ? f.fix_zh : f.fix);
    if (fix) button.append(el('span', 'fix', '建议：' + fix));
    li.append(button);
    return li;
  }

  function renderSummary(findings, empty) {
    const n = { error: 0, warning: 0, info: 0 };
    for (const f of findings) n[severityOf(f)]++;
    const summary = $('summary');
    let verdict;
    let text;
    if (empty && findings.length === 0) {
      verdict = 'empty';
      text = '请粘贴或输入年报全文。';
    } else if (n.error > 0) {
      verdict = 'errors';
      text = `发现 ${n.error} 个错误、${n.warning} 个警告、${n.info} 个提示：报告需要更正。`;
    } else if (n.warning > 0) {
      verdict = 'warnings';
      text = `未发现错误；有 ${n.warning} 个警告、${n.info} 个提示，请核对。`;
    } else if (n.info > 0) {
      verdict = 'clean';
      text = `未发现错误或警告；有 ${n.info} 个提示。`;
    } else {
      verdict = 'clean';
      text = '未发现问题。';
    }
    summary.dataset.verdict = verdict;
    summary.textContent = text;
  }

  function renderModel(json) {
    let shown = json;
    try {
      shown = JSON.stringify(JSON.parse(json), null, 2);
    } catch (e) {
      // show it as it came
    }
    $('model').textContent = shown;
  }

  function runCheck() {
    clearTimeout(debounceTimer);
    if (!nianbao || failed) return;
    const raw = $('input').value;
    const text = wellFormed(raw);
    try {
      const result = raw.trim() === '' ? { findings: [] } : JSON.parse(nianbao.check(text, '{}', ''));
      const findings = Array.isArray(result.findings) ? result.findings : [];
      renderSummary(findings, raw.trim() === '');
      $('findings').replaceChildren(...findings.map(findingItem));
      renderModel(raw.trim() === '' ? '' : nianbao.extract(text));
      checks++;
      document.body.dataset.checks = String(checks);
    } catch (e) {
      if (!failed) fail('检查时出错：' + (e && e.message ? e.message : String(e)));
    }
  }

  // Browsers do not scroll a textarea to a selection made by script: measure
  // the text before `offset` in a hidden copy with the same metrics.
  function scrollToOffset(input, offset) {
    const cs = getComputedStyle(input);
    const mirror = el('div', 'mirror');
    for (const p of ['fontFamily', 'fontSize', 'fontWeight', 'lineHeight', 'letterSpacing', 'tabSize',
      'paddingTop', 'paddingLeft', 'paddingRight', 'wordBreak', 'overflowWrap']) {
      mirror.style[p] = cs[p];
    }
    const padding = parseFloat(cs.paddingLeft) + parseFloat(cs.paddingRight);
    mirror.style.width = (input.clientWidth - padding) + 'px';
    mirror.textContent = input.value.slice(0, offset);
    document.body.append(mirror);
    const y = mirror.scrollHeight;
    mirror.remove();
    input.scrollTop = Math.max(0, y - input.clientHeight / 3);
  }

  function selectFinding(event) {
    const item = event.target.closest('[data-rule]');
    if (!item || item.dataset.start === undefined) return;
    const input = $('input');
    const start = Number(item.dataset.start);
    input.focus();
    input.setSelectionRange(start, Number(item.dataset.end));
    scrollToOffset(input, start);
  }

  function start() {
    const input = $('input');
    const button = $('check');
    input.addEventListener('input', () => {
      clearTimeout(debounceTimer);
      debounceTimer = setTimeout(runCheck, DEBOUNCE_MS);
    });
    button.addEventListener('click', runCheck);
    $('findings').addEventListener('click', selectFinding);
    loadModule().then(
      (module) => {
        if (failed) return;
        nianbao = module;
        $('version').textContent = String(module.version());
        button.disabled = false;
        setState('ready', '检查模块已就绪');
        runCheck();
      },
      (err) => fail('无法加载检查模块：' + (err && err.message ? err.message : String(err))),
    );
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
