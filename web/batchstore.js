// The batch's results kept across a reload, in this tab only: sessionStorage
// is per tab and emptied when the tab closes (reports can hold ID numbers and
// office PCs are shared, so nothing outlives the tab); nothing is sent
// anywhere. The rows with their texts (to open one after a reload); when the
// browser's quota refuses that, the rows without their texts.
'use strict';

window.NB = window.NB || {};

NB.batchStore = (function () {
  const ROWS = 'nianbao.batch.rows';
  const VIEW = 'nianbao.batch.view';

  function storage() {
    try {
      return window.sessionStorage;
    } catch (e) {
      return null;  // storage blocked (settings, sandbox)
    }
  }

  function put(key, value) {
    try {
      storage().setItem(key, JSON.stringify(value));
      return true;
    } catch (e) {
      return false;
    }
  }

  // 'all', 'noText' (kept without the texts) or 'none'.
  function saveRows(rows, skipped) {
    if (put(ROWS, { rows, skipped })) return 'all';
    const lean = rows.map((r) => Object.assign({}, r, { text: undefined, noText: r.text !== undefined }));
    if (put(ROWS, { rows: lean, skipped })) return 'noText';
    clear();
    return 'none';
  }

  // {sort, filter, current}
  function saveView(view) {
    put(VIEW, view);
  }

  // {rows, skipped, view} or null.
  function load() {
    try {
      const saved = JSON.parse(storage().getItem(ROWS) || 'null');
      if (!saved || !Array.isArray(saved.rows) || saved.rows.length === 0) return null;
      return { rows: saved.rows, skipped: saved.skipped || 0, view: JSON.parse(storage().getItem(VIEW) || 'null') || {} };
    } catch (e) {
      return null;
    }
  }

  function clear() {
    try {
      storage().removeItem(ROWS);
      storage().removeItem(VIEW);
    } catch (e) { /* nothing kept */ }
  }

  return { saveRows, saveView, load, clear };
})();
