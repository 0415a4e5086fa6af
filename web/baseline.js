// The browser baseline (package.json "browserslist"): Chromium 86, Firefox 115.
// A classic ES5 script that runs before the page's own: in an older browser
// those fail to parse or run, so this one says which version is needed.
// Its tests are the features that set the baseline (see README, "Browsers").
(function () {
  var ok = typeof WebAssembly === 'object' && typeof Worker === 'function' &&
    typeof TextDecoder === 'function' && typeof Promise.allSettled === 'function' &&
    typeof String.prototype.replaceAll === 'function' && // ES2021 (Chromium 85, Firefox 77)
    typeof Element.prototype.replaceChildren === 'function'; // Chromium 86, Firefox 78
  if (ok) return;
  document.documentElement.setAttribute('data-baseline', 'old');
  document.addEventListener('DOMContentLoaded', function () {
    var p = document.createElement('p');
    p.id = 'baseline';
    p.setAttribute('role', 'alert');
    p.textContent = '这个浏览器版本太旧，无法检查：请用 Chromium 86（360、QQ、搜狗等浏览器的极速内核）、Chrome 109 或 Firefox ESR 115 以上的版本。' +
      ' This browser is too old to check reports: use Chromium 86 (360, QQ, Sogou in their fast mode), Chrome 109, Firefox ESR 115 or later.';
    document.body.insertBefore(p, document.body.firstChild);
    document.body.setAttribute('data-state', 'error');
    var status = document.getElementById('status');
    if (status) status.textContent = p.textContent;
  });
})();
