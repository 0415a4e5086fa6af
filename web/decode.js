// Dropped or picked files to text, by the core's table of input kinds
// (nianbao/inputs.h, sent by the worker when the module is ready): which
// files the page takes (kindOf, the file pickers' accept lists) and how each
// is read: 'text' decoded here (UTF-8 with or without BOM, UTF-16 with BOM,
// else GB18030, as the CLI does), 'html' marked so that app.js lets the core
// read it as a page, 'zip' (.docx) and 'pdfjs' passed on as bytes (app.js:
// the worker's zip path, pdftext.js).
'use strict';

window.NB = window.NB || {};

NB.decode = (function () {
  let kinds = [];   // [{id, extensions, mime, magic, zipEntry, reader}]

  function setKinds(list) {
    kinds = Array.isArray(list) ? list : [];
  }

  // The kind a file name's extension names: {id, reader, ...} or null.
  function kindOf(name) {
    const m = /\.([a-z0-9]+)$/i.exec(name || '');
    if (!m) return null;
    const ext = m[1].toLowerCase();
    return kinds.find((k) => k.extensions.includes(ext)) || null;
  }

  // For <input type=file accept>: every extension, then every MIME type.
  function accept() {
    return kinds.flatMap((k) => k.extensions.map((e) => '.' + e)).concat(kinds.flatMap((k) => k.mime)).join(',');
  }

  // '.txt、.md、…' for messages.
  function extensionList(sep) {
    return kinds.flatMap((k) => k.extensions.map((e) => '.' + e)).join(sep);
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

  // file: a File. Resolves {text, encoding, reader} ({bytes, encoding, reader}
  // for the kinds read from bytes) or rejects for other types.
  async function readFile(file) {
    const kind = kindOf(file.name);
    if (!kind) throw new Error(NB.t('fileType', extensionList(NB.t('listSep'))));
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (kind.reader !== 'text' && kind.reader !== 'html') return { bytes, reader: kind.reader, encoding: kind.id === 'docx' ? 'Word' : kind.id.toUpperCase() };
    const decoded = bytesToText(bytes);
    return { text: decoded.text, encoding: decoded.encoding, reader: kind.reader };
  }

  return { setKinds, kindOf, accept, bytesToText, readFile };
})();
