// Dropped or picked files to text: UTF-8 (with or without BOM), UTF-16 with
// BOM, else GB18030 (what Chinese Windows saves as "ANSI"), as the CLI does.
// .html files are marked so that app.js lets the core read them as a page;
// .docx and .pdf are passed on as bytes (app.js: unzip.js + the core, pdftext.js).
'use strict';

window.NB = window.NB || {};

NB.decode = (function () {
  const KINDS = { txt: 'text', md: 'text', text: 'text', html: 'html', htm: 'html', docx: 'docx', pdf: 'pdf' };

  function kindOf(name) {
    const m = /\.([a-z0-9]+)$/i.exec(name || '');
    return (m && KINDS[m[1].toLowerCase()]) || null;
  }

  // bytes: Uint8Array. Returns {text, encoding}.
  function bytesToText(bytes) {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'UTF-16LE' };
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'UTF-16BE' };
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
    } catch (e) {
      return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GB18030' };
    }
  }

  // file: a File. Resolves {text, encoding, kind} ({bytes, kind} for .docx
  // and .pdf) or rejects for other types.
  async function readFile(file) {
    const kind = kindOf(file.name);
    if (!kind) throw new Error(NB.t('fileType'));
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (kind === 'docx' || kind === 'pdf') return { bytes, kind, encoding: kind === 'pdf' ? 'PDF' : 'Word' };
    const decoded = bytesToText(bytes);
    return { text: decoded.text, encoding: decoded.encoding, kind };
  }

  return { kindOf, bytesToText, readFile };
})();
