// One entry of a zip file (a .docx is a zip): the central directory is read
// from the end of the file, the entry's bytes from its local header, and a
// deflated entry is inflated by the browser (DecompressionStream
// 'deflate-raw'); stored entries are taken as they are. No library.
// The inflated size is capped, so a zip bomb stops early.
'use strict';

window.NB = window.NB || {};

NB.unzip = (function () {
  const MAX_BYTES = 64 * 1024 * 1024;

  function fail(why) {
    throw new Error('zip: ' + why);
  }

  // The central directory's entries: [{name, method, size, compressed, offset}].
  function entries(bytes) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let end = -1;
    for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
      if (view.getUint32(i, true) === 0x06054b50) {
        end = i;
        break;
      }
    }
    if (end < 0) fail('not a zip file');
    const count = view.getUint16(end + 10, true);
    let at = view.getUint32(end + 16, true);
    const list = [];
    const names = new TextDecoder('utf-8');
    for (let n = 0; n < count; n++) {
      if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) fail('bad central directory');
      const nameLength = view.getUint16(at + 28, true);
      list.push({
        method: view.getUint16(at + 10, true),
        compressed: view.getUint32(at + 20, true),
        size: view.getUint32(at + 24, true),
        offset: view.getUint32(at + 42, true),
        name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      });
      at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    return list;
  }

  async function inflate(data) {
    if (typeof DecompressionStream !== 'function') fail('this browser cannot inflate (no DecompressionStream)');
    const reader = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
    const parts = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > MAX_BYTES) {
        reader.cancel();
        fail('entry too large');
      }
      parts.push(value);
    }
    const out = new Uint8Array(total);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }

  // The bytes of entry `name`, or null if the zip has no such entry.
  async function read(bytes, name) {
    const entry = entries(bytes).find((e) => e.name === name);
    if (!entry) return null;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const at = entry.offset;
    if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) fail('bad local header');
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const data = bytes.subarray(start, start + entry.compressed);
    if (entry.method === 0) return data;
    if (entry.method === 8) return inflate(data);
    return fail('compression method ' + entry.method);
  }

  return { entries, read };
})();
