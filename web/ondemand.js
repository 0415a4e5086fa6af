// Scripts the page needs only once a person does something: exports and the
// sign-off sheet (export.js), the two-year view (years.js), the batch view
// (batch.js, batchgroups.js, batchrun.js; batchstore.js stays, to see whether
// this tab kept a batch), a PDF's text (pdftext.js), the sample report
// (sample.js); with them i18n.js's English words. index.html marks them
// data-on-demand; in dist/ scripts/bundle.mjs joins them into later.js, which
// NB.onDemand() loads on first need (one script from the page's own folder,
// as script-src 'self' allows; the service worker keeps it). The one-file page
// carries later.js inline and web/ as it is loads them all, so there it
// resolves at once. They were ~12 KB gz of the page's first load.
'use strict';

window.NB = window.NB || {};

NB.onDemand = (function () {
  let loading = null;

  // Resolves once the on-demand scripts have run.
  function onDemand() {
    const meta = document.querySelector('meta[name="nianbao-on-demand"]');
    if (!meta || onDemand.loaded) return Promise.resolve();
    if (!loading) {
      loading = new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = meta.content;
        script.onload = () => resolve();
        script.onerror = () => {
          loading = null;   // the next use tries again
          script.remove();
          reject(new Error(meta.content));
        };
        document.head.append(script);
      });
    }
    return loading;
  }

  return onDemand;
})();
