// The demo host page's side of the iframe embed (what README's snippet does):
// the frame's height and results, accepted only from the frame's own origin.
// demo.html?frame=http://127.0.0.1:8081/ loads the frame from another origin
// (another `node scripts/serve.mjs --port 8081`), telling it this page's origin.
'use strict';

(function () {
  function start() {
    const frame = document.getElementById('nianbao-frame');
    const other = new URLSearchParams(location.search).get('frame');
    if (other && /^https?:\/\//.test(other)) {
      frame.src = new URL('embed.html?origin=' + encodeURIComponent(location.origin), other).href;
    }
    const origin = new URL(frame.src, location.href).origin;
    window.addEventListener('message', (e) => {
      if (e.origin !== origin || e.source !== frame.contentWindow) return;
      const m = e.data || {};
      if (m.type === 'nianbao:height') frame.style.height = Math.max(200, Number(m.height) || 0) + 'px';
      if (m.type === 'nianbao:result' && m.result) {
        const s = m.result.summary || {};
        document.getElementById('frame-result').textContent = '检查结果：' + s.errors + ' 个错误、' + s.warnings + ' 个警告、' + s.infos + ' 个提示';
      }
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
