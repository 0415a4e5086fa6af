// Dropped or picked files to text, by the core's table of input kinds
// (nianbao/inputs.h, sent by the worker when the module is ready): which
// files the page takes (kindOf, the file pickers' accept lists) and how each
// is read. Text and web pages go to the core as bytes (the worker's 'text':
// the CLI's decoder, UTF-8, GB18030, UTF-16 with or without BOM, a page read
// as its text), .docx and .ofd through the worker's zip path (the core's
// readers, the worker inflating what they ask for), .pdf through pdftext.js.
// A file over the core's size limit (the CLI's too) is refused by its size,
// before it is read.
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

  // '.txt、.md、…' for messages: of every kind, or of those `which` keeps;
  // `last` before the last one (', .ofd or .pdf'), else `sep`.
  function extensionList(sep, which, last) {
    const list = kinds.filter(which || (() => true)).flatMap((k) => k.extensions.map((e) => '.' + e));
    return list.length > 1 && last ? list.slice(0, -1).join(sep) + last + list[list.length - 1] : list.join(sep);
  }

  // The core's size limit, in bytes (the module's maxInputBytes(), the CLI's
  // number); 0 until the module said it.
  let limit = 0;

  function setLimit(bytes) {
    limit = bytes > 0 ? bytes : 0;
  }

  // A file larger than the limit is said so before it is read (an 800 MB
  // file would otherwise be read whole first).
  function checkSize(size) {
    if (limit && size > limit) throw new Error(NB.t('fileTooLarge', String(size), String(limit), String(Math.round(limit / 1048576))));
  }

  // The core's names of encodings -> what the status line shows.
  const ENCODINGS = { 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', gb18030: 'GB18030' };

  // Codes of the core's zip reader -> messages.
  const ZIP_MESSAGES = { 'zip-not-zip': 'zipNotZip', 'zip-damaged': 'zipDamaged', 'zip-too-many-entries': 'zipTooManyEntries',
    'zip-too-large': 'zipTooLarge', 'zip-unsupported': 'zipUnsupported' };
  const isZip = (k) => k.reader === 'zip';

  // The worker's error for a zip file -> the person's message. A zip without
  // any zip kind's entry names them (the table's: word/document.xml, OFD.xml);
  // a file of a kind without a part it names ('zip-missing: ofd Doc_0/…') names the part.
  function zipMessage(message) {
    const missing = /^zip-missing: (\S+) ([^]*)$/.exec(message);
    if (missing && kinds.some((k) => k.id === missing[1])) return NB.t('zipMissingPart', missing[2]);
    if (/^zip-missing/.test(message)) return NB.t('zipNoKind', kinds.filter((k) => k.zipEntry).map((k) => k.zipEntry).join(NB.t('listSep')));
    if (/^zip$/.test(message)) return NB.t('zipNoReader', extensionList(NB.t('listSep'), isZip));
    const key = ZIP_MESSAGES[(/^[a-z-]+/.exec(message) || [''])[0]];
    return key ? NB.t(key) : message;
  }

  // What the status line says a zip file was read as: Word, OFD.
  const ZIP_NAMES = { docx: 'Word' };

  // file: a File; request: the worker's (NB.engine.request). Resolves
  // {text, encoding} by the reader the core's input table names, or rejects
  // with a message for the person (another type, too large, unreadable).
  async function fileText(file, request) {
    const kind = kindOf(file.name);
    if (!kind) throw new Error(NB.t('fileType', extensionList(NB.t('listSep'))));
    checkSize(file.size);
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (kind.reader === 'zip') {
      const { value } = await request('zip', { bytes }).catch((e) => {
        throw new Error(zipMessage(e.message));
      });
      return { text: value.text, encoding: ZIP_NAMES[value.kind] || String(value.kind).toUpperCase() };
    }
    if (kind.reader === 'pdfjs') {
      const layOut = async (runs, rulings) => (await request('layout', { runs, rulings })).value;
      // The worker loads its readers (the layout step) while pdf.js loads and reads.
      request('layout', { runs: [], rulings: [] }).catch(() => { /* the real request says what failed */ });
      await NB.onDemand();   // pdftext.js is on demand (web/ondemand.js)
      return { text: await NB.pdf.toText(bytes, layOut), encoding: 'PDF' };
    }
    const { value } = await request('text', { bytes });
    if (value.tooLarge) checkSize(value.size);
    return { text: value.text, encoding: ENCODINGS[value.encoding] || NB.t('encodingUnknown') };
  }

  return { setKinds, setLimit, kindOf, accept, extensionList, fileText };
})();
