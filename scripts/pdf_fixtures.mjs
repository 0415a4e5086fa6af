// Makes the PDF fixtures of other producers (issue I item 5) from report texts:
// web pages laid out as government sites publish the report (tables in the
// official template's shape: rowspan/colspan headers, 三、本年度办理结果 standing
// in a narrow or vertical cell, long labels wrapping in their cells, blank cells),
// printed to PDF by Chromium; and Word documents with real Word tables (merged
// cells, vertical text) for LibreOffice Writer to export. Each fixture's numbers
// and labels come from its source text through `nianbao extract`.
//
//   node scripts/pdf_fixtures.mjs html    # tests/fixtures/pdf/web/*.html from their sources
//   node scripts/pdf_fixtures.mjs print [NAME...]   # web/*.html (or those named) to web/*.pdf (Chromium, playwright-core)
//   node scripts/pdf_fixtures.mjs docx    # tests/fixtures/pdf/writer/*.docx from their sources
//
// The Writer PDFs were made once on a development machine with Debian's
// libreoffice-writer (not needed by the tests or CI):
//   soffice --headless --convert-to pdf --outdir tests/fixtures/pdf/writer tests/fixtures/pdf/writer/NAME.docx
// NIANBAO_CLI names the CLI (default build-native/cli/nianbao).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageDocx } from '../tests/lib/docx.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = path.join(repo, 'tests', 'fixtures');
const cli = process.env.NIANBAO_CLI || path.join(repo, 'build-native', 'cli', 'nianbao');

// The fixtures: a source text and how its page or document is laid out.
//   header: 'narrow' (三、本年度办理结果 in a cell one character wide, wrapping a
//   character a line) or 'vertical' (CSS writing-mode / Word's vertical text);
//   blankZeros: table 三's zeros left blank, as some sites print them.
export const WEB = [
  { name: '004_narrow_header', source: 'seeds/004_cefec1d860d17dad.txt', header: 'narrow' },
  { name: '000_vertical_header', source: 'seeds/000_871ede2c728ee505.txt', header: 'vertical' },
  { name: '001_blank_zeros', source: 'seeds/001_596907d86b561f89.txt', header: 'narrow', blankZeros: true },
  { name: '006_huaian_city_2024', source: 'real/006_huaian_city_2024.txt', header: 'narrow' },
  { name: '006_blank_zeros', source: 'real/006_huaian_city_2024.txt', header: 'vertical', blankZeros: true },
  { name: '008_hongze_district_2024', source: 'real/008_hongze_district_2024.txt', header: 'vertical' },
];
export const WRITER = [
  { name: '007_hongze_district_2023', source: 'real/007_hongze_district_2023.txt', header: 'vertical' },
  { name: '003_markdown_source', source: 'seeds/003_42f29cd10deb4ca1.txt', header: 'narrow' },
];

const T3_GROUPS = [
  { label: '（一）予以公开', rows: ['t3.disclosed'] },
  { label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', rows: ['t3.partly'] },
  { label: '（三）不予公开', prefix: 't3.refused.' },
  { label: '（四）无法提供', prefix: 't3.unable.' },
  { label: '（五）不予处理', prefix: 't3.declined.' },
  { label: '（六）其他处理', prefix: 't3.other.' },
  { label: '（七）总计', rows: ['t3.total'] },
];
const T2_BLOCKS = [
  { head: '第二十条第（一）项', columns: ['本年制发件数', '本年废止件数', '现行有效件数'], rows: ['t2.regulation', 't2.normative'] },
  { head: '第二十条第（五）项', columns: ['本年处理决定数量'], rows: ['t2.permit'] },
  { head: '第二十条第（六）项', columns: ['本年处理决定数量'], rows: ['t2.penalty', 't2.enforcement'] },
  { head: '第二十条第（八）项', columns: ['本年收费金额（单位：万元）'], rows: ['t2.fee'] },
];
const T4_RESULTS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

// A table as rows of cells {text, rowspan, colspan, kind}: kind 'head' (a
// header), 'label', 'num', 'vertical' (a group label standing up).
const cell = (text, kind, { rowspan = 1, colspan = 1 } = {}) => ({ text, kind, rowspan, colspan });

function numbers(row, width, blankZeros) {
  const cells = (row?.cells ?? []).map((c) => c.raw ?? '');
  while (cells.length < width) cells.push('');
  return cells.map((v) => cell(blankZeros && /^[0０]$/.test(v) ? '' : v, 'num'));
}

function table2(model, opts) {
  const rows = [];
  for (const block of T2_BLOCKS) {
    rows.push([cell(block.head, 'head', { colspan: 4 })]);
    const wide = block.columns.length === 1 ? { colspan: 3 } : {};
    rows.push([cell('信息内容', 'head'), ...block.columns.map((c) => cell(c, 'head', wide))]);
    for (const key of block.rows) {
      const row = model.rows.get(key);
      const nums = numbers(row, block.columns.length, false);
      if (block.columns.length === 1) nums[0].colspan = 3;
      rows.push([cell(row?.label || key, 'label'), ...nums]);
    }
  }
  return { columns: [3, 1, 1, 1], rows };
}

function table3(model, opts) {
  const label = (key) => {
    const row = model.rows.get(key);
    return row?.label || key;
  };
  const rows = [
    [cell('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 'head', { rowspan: 3, colspan: 3 }),
      cell('申请人情况', 'head', { colspan: 7 })],
    [cell('自然人', 'head', { rowspan: 2 }), cell('法人或其他组织', 'head', { colspan: 5 }), cell('总计', 'head', { rowspan: 2 })],
    ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((t) => cell(t, 'head')),
  ];
  const data = (key) => numbers(model.rows.get(key), 7, opts.blankZeros);
  rows.push([cell(label('t3.new'), 'label', { colspan: 3 }), ...data('t3.new')]);
  rows.push([cell(label('t3.carried_in'), 'label', { colspan: 3 }), ...data('t3.carried_in')]);
  // A group's rows as the source has them; a group the source gives as one row
  // (（六）其他处理 in the 2019 template) is one row here too.
  const groups = T3_GROUPS.map((g) => {
    if (g.rows) return g;
    const rows = [...model.rows.keys()].filter((k) => k.startsWith(g.prefix) && model.rows.get(k).found);
    const whole = g.prefix.slice(0, -1);
    if (!rows.length && model.rows.has(whole)) return { label: g.label, rows: [whole] };
    return { ...g, rows };
  });
  const span = groups.reduce((n, g) => n + g.rows.length, 0);
  let first = true;
  for (const g of groups) {
    g.rows.forEach((key, k) => {
      const row = [];
      if (first) row.push(cell('三、本年度办理结果', 'vertical', { rowspan: span }));
      first = false;
      if (g.prefix) {
        if (k === 0) row.push(cell(g.label, 'label', { rowspan: g.rows.length }));
        row.push(cell(label(key), 'label'));
      } else {
        row.push(cell(label(key), 'label', { colspan: 2 }));
      }
      rows.push([...row, ...data(key)]);
    });
  }
  rows.push([cell(label('t3.carried_out'), 'label', { colspan: 3 }), ...data('t3.carried_out')]);
  return { columns: [opts.header === 'narrow' ? 0.25 : 0.6, 2, 4, 1, 1, 1, 1, 1, 1, 1], rows };
}

function table4(model, opts) {
  const rows = [
    [cell('行政复议', 'head', { colspan: 5 }), cell('行政诉讼', 'head', { colspan: 10 })],
    [...T4_RESULTS.map((t) => cell(t, 'head', { rowspan: 2 })), cell('未经复议直接起诉', 'head', { colspan: 5 }),
      cell('复议后起诉', 'head', { colspan: 5 })],
    [...T4_RESULTS, ...T4_RESULTS].map((t) => cell(t, 'head')),
    numbers(model.rows.get('t4.counts'), 15, false),
  ];
  return { columns: Array(15).fill(1), rows };
}

// The report read by the CLI: its lines, and per table its rows by key and
// the lines it spans.
function readSource(source) {
  const file = path.join(fixtures, source);
  const text = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
  const model = JSON.parse(execFileSync(cli, ['extract', '--format', 'json', file], { encoding: 'utf8', maxBuffer: 1 << 26 }));
  const tables = new Map();
  for (const t of model.tables) {
    if (!t.found) continue;
    // From the line after the section's heading: the header lines a copy
    // leaves before the table's first row are the page's table header.
    const section = model.sections.find((s) => s.number === t.number && s.found);
    const from = section ? Math.min(section.heading_location.end.line + 1, t.location.start.line) : t.location.start.line;
    tables.set(t.number, {
      from, to: t.location.end.line,
      rows: new Map(t.rows.map((r) => [r.key, r])),
    });
  }
  return { lines: text.split('\n'), tables };
}

// The report as blocks: prose lines, and the three tables where the source has them.
// Page numbers a PDF copy left in the text (`- 5 -`) are dropped: a web page has none.
function blocks(spec) {
  const { lines, tables } = readSource(spec.source);
  const out = [];
  const build = { 2: table2, 3: table3, 4: table4 };
  for (let n = 1; n <= lines.length; n++) {
    const t = [...tables.entries()].find(([, v]) => v.from === n);
    if (t) {
      out.push({ table: build[t[0]](t[1], spec), number: t[0] });
      n = t[1].to;
      continue;
    }
    const line = lines[n - 1].replace(/^#+\s*/, '').replace(/\*\*/g, '');
    if (/^\s*[-－—]\s*\d+\s*[-－—]\s*$/.test(line) || !line.trim()) continue;
    out.push({ text: line.trim() });
  }
  return out;
}

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function tableHtml(table, spec) {
  const total = table.columns.reduce((a, b) => a + b, 0);
  let html = '<table>\n<colgroup>' + table.columns.map((w) => `<col style="width:${((100 * w) / total).toFixed(1)}%">`).join('') + '</colgroup>\n';
  for (const row of table.rows) {
    html += '<tr>';
    for (const c of row) {
      const attrs = (c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : '') + (c.colspan > 1 ? ` colspan="${c.colspan}"` : '');
      const cls = c.kind === 'vertical' ? ` class="${spec.header}"` : c.kind === 'label' ? ' class="label"' : '';
      html += `<td${attrs}${cls}>${escape(c.text)}</td>`;
    }
    html += '</tr>\n';
  }
  return html + '</table>\n';
}

const STYLE = `body { font: 14px/1.8 "WenQuanYi Micro Hei", sans-serif; margin: 0 auto; max-width: 760px; color: #222; }
h1 { font-size: 20px; text-align: center; margin: 12px 0; }
p { text-indent: 2em; margin: 0 0 4px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; table-layout: fixed; }
td { border: 1px solid #333; padding: 3px 2px; text-align: center; vertical-align: middle; font-size: 12px; line-height: 1.4; word-break: break-all; }
td.label { text-align: left; }
td.narrow { padding: 3px 0; }
td.vertical { writing-mode: vertical-rl; letter-spacing: 2px; }
.site { border-bottom: 2px solid #b00; color: #b00; font-size: 16px; padding: 6px 0; margin-bottom: 8px; }
.foot { border-top: 1px solid #999; color: #666; font-size: 12px; margin-top: 16px; padding-top: 4px; }`;

function pageHtml(spec) {
  const parts = blocks(spec);
  let body = '';
  let titled = false;
  for (const b of parts) {
    if (b.table) {
      body += tableHtml(b.table, spec);
    } else if (!titled && /年度报告|年报/.test(b.text)) {
      body += `<h1>${escape(b.text)}</h1>\n`;
      titled = true;
    } else {
      body += `<p>${escape(b.text)}</p>\n`;
    }
  }
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>政府信息公开工作年度报告</title>
<!-- Made by scripts/pdf_fixtures.mjs from tests/fixtures/${spec.source}. -->
<style>
${STYLE}
</style></head><body>
<div class="site">政府信息公开专栏 &gt; 政府信息公开年报</div>
${body}<div class="foot">主办单位：人民政府办公室　　网站标识码：0000000000</div>
</body></html>
`;
}

// ---- Word (WordprocessingML) ----

const xml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const run = (text, size = 21) =>
  `<w:r><w:rPr><w:rFonts w:ascii="WenQuanYi Micro Hei" w:hAnsi="WenQuanYi Micro Hei" w:eastAsia="WenQuanYi Micro Hei"/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr><w:t xml:space="preserve">${xml(text)}</w:t></w:r>`;
const para = (text, { center = false, size = 21, indent = false } = {}) =>
  `<w:p><w:pPr>${center ? '<w:jc w:val="center"/>' : ''}${indent ? '<w:ind w:firstLineChars="200" w:firstLine="420"/>' : ''}<w:spacing w:after="0"/></w:pPr>${text ? run(text, size) : ''}</w:p>`;

// A table with Word's merges: gridSpan for colspan, vMerge restart/continue for rowspan.
function tableDocx(table, spec) {
  const width = 9638;  // twips between A4's margins of 2 cm
  const total = table.columns.reduce((a, b) => a + b, 0);
  const grid = table.columns.map((w) => Math.round((width * w) / total));
  const ncols = grid.length;
  // Lay the cells on the grid: which cell starts at (row, col), which continue a merge.
  const at = table.rows.map(() => Array(ncols).fill(null));
  table.rows.forEach((row, r) => {
    let col = 0;
    for (const c of row) {
      while (at[r][col]) col++;
      for (let dr = 0; dr < c.rowspan; dr++)
        for (let dc = 0; dc < c.colspan; dc++) at[r + dr][col + dc] = { cell: c, first: dr === 0 };
      col += c.colspan;
    }
  });
  let out = `<w:tbl><w:tblPr><w:tblW w:w="${width}" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblBorders>` +
    ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((b) => `<w:${b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`).join('') +
    '</w:tblBorders></w:tblPr><w:tblGrid>' + grid.map((w) => `<w:gridCol w:w="${w}"/>`).join('') + '</w:tblGrid>';
  at.forEach((cols) => {
    out += '<w:tr>';
    for (let col = 0; col < ncols;) {
      const { cell: c, first } = cols[col];
      const w = grid.slice(col, col + c.colspan).reduce((a, b) => a + b, 0);
      let pr = `<w:tcW w:w="${w}" w:type="dxa"/>`;
      if (c.colspan > 1) pr += `<w:gridSpan w:val="${c.colspan}"/>`;
      if (c.rowspan > 1) pr += first ? '<w:vMerge w:val="restart"/>' : '<w:vMerge/>';
      if (c.kind === 'vertical' && spec.header === 'vertical') pr += '<w:textDirection w:val="tbRl"/>';
      pr += '<w:vAlign w:val="center"/>';
      const text = first ? c.text : '';
      out += `<w:tc><w:tcPr>${pr}</w:tcPr>${para(text, { center: c.kind !== 'label', size: 18 })}</w:tc>`;
      col += c.colspan;
    }
    out += '</w:tr>';
  });
  return out + '</w:tbl>' + para('');
}

function docx(spec) {
  let body = '';
  let titled = false;
  for (const b of blocks(spec)) {
    if (b.table) body += tableDocx(b.table, spec);
    else if (!titled && /年度报告|年报/.test(b.text)) {
      body += para(b.text, { center: true, size: 32 });
      titled = true;
    } else body += para(b.text, { indent: true });
  }
  const document = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' + body +
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1134" w:bottom="1440" w:left="1134" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>' +
    '</w:body></w:document>';
  return packageDocx(document);
}

async function print(names) {
  const { chromium } = await import('playwright-core');
  const dir = path.join(fixtures, 'pdf', 'web');
  const profile = mkdtempSync(path.join(tmpdir(), 'nianbao-print-'));
  try {
    const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true });
    const tab = await context.newPage();
    const wanted = (f) => f.endsWith('.html') && (!names.length || names.includes(f.replace(/\.html$/, '')));
    for (const file of readdirSync(dir).filter(wanted).sort()) {
      await tab.setContent(readFileSync(path.join(dir, file), 'utf8'));
      await tab.pdf({ path: path.join(dir, file.replace(/\.html$/, '.pdf')), format: 'A4',
        margin: { top: '18mm', bottom: '18mm', left: '15mm', right: '15mm' } });
    }
    await context.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

const step = process.argv[2];
if (step === 'html') {
  for (const spec of WEB) writeFileSync(path.join(fixtures, 'pdf', 'web', `${spec.name}.html`), pageHtml(spec));
} else if (step === 'print') {
  await print(process.argv.slice(3));
} else if (step === 'docx') {
  for (const spec of WRITER) writeFileSync(path.join(fixtures, 'pdf', 'writer', `${spec.name}.docx`), docx(spec));
} else {
  process.stderr.write('usage: node scripts/pdf_fixtures.mjs html|print|docx\n');
  process.exit(2);
}
