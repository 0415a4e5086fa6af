// Prints a report text as a web page would show it, to PDF with Chromium: each run
// of lines with tabs becomes a <table> (a tab-separated cell a <td>, empty cells
// kept), the other lines paragraphs. Makes the Chromium-printed PDF fixtures of the
// layout tests (issue I item 5) from their source text.
//   node scripts/print_report.mjs SOURCE.txt OUT.pdf
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [source, out] = process.argv.slice(2);
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const lines = readFileSync(source, 'utf8').replace(/\r\n?/g, '\n').split('\n');
let html = '';
for (let i = 0; i < lines.length;) {
  if (!lines[i].includes('\t')) {
    if (lines[i].trim()) html += `<p>${escape(lines[i])}</p>\n`;
    i++;
    continue;
  }
  // A Word copy marks a cell merged with the one above (a group label) by an empty
  // cell at the row's start: drop those and let the row's first cell span the
  // columns, so the numbers of every row stand in the same columns, as on a web page.
  const rows = [];
  for (; i < lines.length && lines[i].includes('\t'); i++) {
    const cells = lines[i].split('\t').map((c) => c.trim());
    while (cells.length > 1 && cells[0] === '') cells.shift();
    rows.push(cells);
  }
  const width = Math.max(...rows.map((r) => r.length));
  html += '<table>\n';
  for (const cells of rows) {
    const span = width - cells.length + 1;
    html += `<tr>${cells.map((c, k) => `<td${k === 0 && span > 1 ? ` colspan="${span}"` : ''}>${escape(c)}</td>`).join('')}</tr>\n`;
  }
  html += '</table>\n';
}
const page = `<!doctype html><meta charset="utf-8"><style>
body { font: 12px "WenQuanYi Micro Hei", sans-serif; margin: 0; }
table { border-collapse: collapse; margin: 8px 0; }
td { border: 1px solid #000; padding: 2px 4px; text-align: center; }
td:first-child { text-align: left; }
</style>${html}`;
const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-print-'));
try {
  const context = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', headless: true });
  const tab = await context.newPage();
  await tab.setContent(page);
  await tab.pdf({ path: out, format: 'A4', margin: { top: '20mm', bottom: '20mm', left: '15mm', right: '15mm' } });
  await context.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
