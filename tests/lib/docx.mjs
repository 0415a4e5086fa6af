// Builds a real .docx from report text, as Word would save it: paragraphs,
// and each run of tab-separated lines as a <w:tbl> (one <w:tc> per cell),
// in a zip with deflated entries. Used by the node and browser tests.
import { deflateRawSync } from 'node:zlib';

const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const paragraph = (text) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;

export function documentXml(text) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let body = '';
  for (let i = 0; i < lines.length;) {
    if (!lines[i].includes('\t')) {
      body += paragraph(lines[i++]);
      continue;
    }
    body += '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>';
    for (; i < lines.length && lines[i].includes('\t'); ++i) {
      body += '<w:tr>' + lines[i].split('\t').map((c) => `<w:tc>${paragraph(c)}</w:tc>`).join('') + '</w:tr>';
    }
    body += '</w:tbl>';
  }
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
    body + '<w:sectPr/></w:body></w:document>';
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; ++k) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// A zip of { name: string | Buffer }, every entry deflated, or stored as is
// (`{ stored: true }`, as some tools write .docx); `{ zip64: true }` writes
// ZIP64 records as tools streaming large archives do (sizes and offsets
// 0xffffffff with the ZIP64 extra field, the ZIP64 end records).
export function zip(files, { stored = false, zip64 = false } = {}) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const packed = stored ? data : deflateRawSync(data);
    const method = stored ? 0 : 8;
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const big = (v) => (zip64 ? 0xffffffff : v);
    // ZIP64 extra field: the 8-byte values of the fields marked 0xffffffff, in order.
    const extra64 = (values) => {
      const e = Buffer.alloc(4 + 8 * values.length);
      e.writeUInt16LE(1, 0);
      e.writeUInt16LE(8 * values.length, 2);
      values.forEach((v, k) => e.writeBigUInt64LE(BigInt(v), 4 + 8 * k));
      return e;
    };
    const localExtra = zip64 ? extra64([data.length, packed.length]) : Buffer.alloc(0);
    const centralExtra = zip64 ? extra64([data.length, packed.length, offset]) : Buffer.alloc(0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(zip64 ? 45 : 20, 4);
    local.writeUInt16LE(0x0800, 6);  // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(big(packed.length), 18);
    local.writeUInt32LE(big(data.length), 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(localExtra.length, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(zip64 ? 45 : 20, 4);
    central.writeUInt16LE(zip64 ? 45 : 20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(big(packed.length), 20);
    central.writeUInt32LE(big(data.length), 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt16LE(centralExtra.length, 30);
    central.writeUInt32LE(big(offset), 42);
    locals.push(local, nameBytes, localExtra, packed);
    centrals.push(central, nameBytes, centralExtra);
    offset += local.length + nameBytes.length + localExtra.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const count = Object.keys(files).length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? 0xffff : count, 8);
  end.writeUInt16LE(zip64 ? 0xffff : count, 10);
  end.writeUInt32LE(zip64 ? 0xffffffff : dir.length, 12);
  end.writeUInt32LE(zip64 ? 0xffffffff : offset, 16);
  if (!zip64) return Buffer.concat([...locals, dir, end]);
  const end64 = Buffer.alloc(56);
  end64.writeUInt32LE(0x06064b50, 0);
  end64.writeBigUInt64LE(44n, 4);  // the size of the rest of the record
  end64.writeUInt16LE(45, 12);
  end64.writeUInt16LE(45, 14);
  end64.writeBigUInt64LE(BigInt(count), 24);
  end64.writeBigUInt64LE(BigInt(count), 32);
  end64.writeBigUInt64LE(BigInt(dir.length), 40);
  end64.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(offset + dir.length), 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([...locals, dir, end64, locator, end]);
}

export function makeDocx(text, { stored = false, zip64 = false } = {}) {
  return packageDocx(documentXml(text), { stored, zip64 });
}

// A .docx of a word/document.xml: the package's content types and relationship around it.
export function packageDocx(document, { stored = false, zip64 = false } = {}) {
  return zip({
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': document,
  }, { stored, zip64 });
}
