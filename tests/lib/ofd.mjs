// Builds an OFD (GB/T 33190) from report text, laid out as ofd_of in
// tests/unit/ofd_test.cpp lays it out (the same positions, so the core reads
// both alike): 40 lines a page (A4, 6.5 mm apart), each line's label as one
// TextObject at 20 mm and the numbers that end a tab-separated row each in
// its own TextObject in columns 12 mm apart from 110 mm; OFD.xml ->
// Doc_0/Document.xml -> Doc_0/Pages/Page_N/Content.xml, deflated, with a
// PublicRes font as producers write one. Used by the node and browser tests;
// as a command it writes tests/fixtures/ofd/'s report OFDs:
//   node tests/lib/ofd.mjs REPORT.txt OUT.ofd
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { zip } from './docx.mjs';

const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';
const LINES_A_PAGE = 40;
const fixed = (n) => n.toFixed(6);   // as C++'s std::to_string writes a double

export function makeOfd(text) {
  const pages = [''];
  let lineNo = 0;
  let id = 10;
  for (const line of text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n')) {
    if (lineNo === LINES_A_PAGE) {
      pages.push('');
      lineNo = 0;
    }
    const y = 15 + 6.5 * lineNo++;
    const cells = line.split('\t');
    while (cells.length > 1 && cells[cells.length - 1] === '') cells.pop();   // a Word row's closing tab
    // The label cells join; the numbers (the row's last cells) get columns.
    let firstNumber = cells.length;
    while (firstNumber > 0 && /^[0-9]+$/.test(cells[firstNumber - 1])) --firstNumber;
    let label = '';
    for (let k = 0; k < firstNumber; ++k) label += (label === '' || cells[k] === '' ? '' : ' ') + cells[k];
    const object = (x, s) => {
      if (s === '') return;
      const chars = [...s].length;
      pages[pages.length - 1] += `<ofd:TextObject ID="${id++}" Boundary="${fixed(x)} ${fixed(y)} 80 5" Font="3" Size="3.5">` +
        `<ofd:TextCode X="0" Y="3.5" DeltaX="g ${chars > 0 ? chars - 1 : 0} 3.5">${escapeXml(s)}</ofd:TextCode></ofd:TextObject>`;
    };
    object(20, label);
    for (let k = firstNumber; k < cells.length; ++k) object(110 + 12 * (k - firstNumber), cells[k]);
  }
  const files = {
    'OFD.xml': `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD ${NS} Version="1.0" DocType="OFD"><ofd:DocBody>` +
      '<ofd:DocInfo><ofd:DocID>0</ofd:DocID><ofd:Creator>nianbao tests/lib/ofd.mjs</ofd:Creator></ofd:DocInfo>' +
      '<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>',
    'Doc_0/Document.xml': `<?xml version="1.0" encoding="UTF-8"?><ofd:Document ${NS}><ofd:CommonData><ofd:MaxUnitID>${id}</ofd:MaxUnitID>` +
      '<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData><ofd:Pages>' +
      pages.map((_, p) => `<ofd:Page ID="${p + 1}" BaseLoc="Pages/Page_${p}/Content.xml"/>`).join('') + '</ofd:Pages></ofd:Document>',
    'Doc_0/PublicRes.xml': `<?xml version="1.0" encoding="UTF-8"?><ofd:Res ${NS} BaseLoc="Res"><ofd:Fonts>` +
      '<ofd:Font ID="3" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>',
  };
  pages.forEach((content, p) => {
    files[`Doc_0/Pages/Page_${p}/Content.xml`] = `<?xml version="1.0" encoding="UTF-8"?><ofd:Page ${NS}><ofd:Content>` +
      `<ofd:Layer ID="2">${content}</ofd:Layer></ofd:Content></ofd:Page>`;
  });
  return zip(files);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) {
    console.error('usage: node tests/lib/ofd.mjs REPORT.txt OUT.ofd');
    process.exit(2);
  }
  writeFileSync(output, makeOfd(readFileSync(input, 'utf8')));
}
