// The rules' long texts (what each checks, why, an example, the basis) for the
// rule docs. They are not in the module (they were ~12 KB gz of the page's first
// load) but in rules.json, which scripts/build.sh writes from the CLI's
// `nianbao rules --format json`; the page reads it when its rule docs are first
// opened (the service worker keeps it for offline use). The one-file page
// carries it as the data block #nb-rules (nothing is fetched from file://).
'use strict';

window.NB = window.NB || {};

NB.ruleDocs = (function () {
  let loading = null;

  // Resolves with a Map: rule id -> its entry of rules.json.
  function load() {
    if (!loading) {
      const block = document.getElementById('nb-rules');
      const text = block ? Promise.resolve(block.textContent) : fetch('rules.json').then((r) => {
        if (!r.ok) throw new Error('rules.json: HTTP ' + r.status);
        return r.text();
      });
      loading = text.then((t) => new Map(JSON.parse(t).map((r) => [r.id, r])));
      loading.catch(() => { loading = null; });   // the next opening tries again
    }
    return loading;
  }

  return { load };
})();
