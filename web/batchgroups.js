// The batch's reports among themselves: duplicates (the same text, or the
// same body and year in two different texts) and the same body's two years,
// paired so that the later one is checked with the earlier one as last
// year's report (the across-year checks). Whether two names are one body is
// the core's sameBody (淮安市洪泽区人民政府 / 洪泽区人民政府), asked by the caller.
'use strict';

window.NB = window.NB || {};

NB.batchGroups = (function () {
  // A text's fingerprint with white space left out: copies that differ only
  // in spaces and line breaks (saved again, copied from the web page) are the
  // same text. 64 bits of two 32-bit multiplicative hashes (cyrb53's mixing).
  function digest(text) {
    let h1 = 0xdeadbeef;
    let h2 = 0x41c6ce57;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c <= 32 || c === 0xa0 || c === 0x3000 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b)) continue;
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
  }

  const isReport = (r) => (r.verdict === 'pass' || r.verdict === 'fail') && r.body && Number(r.year) > 0;

  // The pairs of rows [i, j] (i < j) whose bodies must be compared: reports
  // of the same year or of two years in a row, with texts that differ.
  function candidates(rows) {
    const out = [];
    for (let i = 0; i < rows.length; i++) {
      if (!isReport(rows[i])) continue;
      for (let j = i + 1; j < rows.length; j++) {
        if (isReport(rows[j]) && Math.abs(rows[i].year - rows[j].year) <= 1 && rows[i].digest !== rows[j].digest) out.push([i, j]);
      }
    }
    return out;
  }

  // Sets each row's sameText, sameBodyYear, previous and next (file names)
  // from the digests and `same` (for each candidate pair, whether it is one
  // body); returns the pairs to check again as [later, earlier] indices, the
  // earlier the first of its year in file order.
  function apply(rows, pairs, same) {
    for (const r of rows) {
      delete r.sameText;
      delete r.sameBodyYear;
      delete r.previous;
      delete r.previousIndex;
      delete r.next;
    }
    const byDigest = new Map();
    rows.forEach((r, i) => {
      if (r.digest && (r.verdict === 'pass' || r.verdict === 'fail')) byDigest.set(r.digest, [...(byDigest.get(r.digest) || []), i]);
    });
    for (const group of byDigest.values()) {
      if (group.length < 2) continue;
      for (const i of group) rows[i].sameText = group.filter((j) => j !== i).map((j) => rows[j].file);
    }
    const add = (r, key, file) => {
      r[key] = r[key] || [];
      if (!r[key].includes(file)) r[key].push(file);
    };
    const earlier = new Map();  // later index -> earlier index
    pairs.forEach(([i, j], k) => {
      if (!same[k]) return;
      const a = rows[i];
      const b = rows[j];
      if (a.year === b.year) {
        add(a, 'sameBodyYear', b.file);
        add(b, 'sameBodyYear', a.file);
        return;
      }
      const [later, before] = Number(a.year) > Number(b.year) ? [i, j] : [j, i];
      if (!earlier.has(later) || before < earlier.get(later)) earlier.set(later, before);
    });
    const out = [];
    for (const [later, before] of earlier) {
      rows[later].previous = rows[before].file;
      rows[later].previousIndex = before;
      add(rows[before], 'next', rows[later].file);
      out.push([later, before]);
    }
    return out.sort((x, y) => x[0] - y[0]);
  }

  return { digest, candidates, apply };
})();
