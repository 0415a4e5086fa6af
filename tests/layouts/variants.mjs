// Layout variants of a report text: each one a named pure function text -> text,
// deterministic, changing only how the report is laid out (line breaks, separators,
// digits' width, page footers, where the labels stand), not what it says.
// Used by matrix.mjs; `node tests/layouts/matrix.mjs --keep DIR` writes them out.

const BLANK = '[ \\t\\u00a0\\u3000]';
const NUM = '[0-9０-９]+(?:[.．][0-9０-９]+)?';
// A table row: an optional label ending in a separator, then numbers separated by
// blanks up to the end of the line. Groups: label (with its separator), numbers, trail.
const ROW = new RegExp(`^(|.*?${BLANK})(${NUM}(?:${BLANK}+${NUM})*)(${BLANK}*)$`);
const SEPARATORS = new RegExp(`${BLANK}+`, 'g');

// Where the tables stand: from the heading of section 二 to the heading of section 五.
const HEADING_2 = /^[\s#>*]*二\s*[、.．]\s*主动公开政府信息情况/;
const HEADING_3 = /^[\s#>*]*三\s*[、.．]\s*收到和处理政府信息公开申请情况/;
const HEADING_4 = /^[\s#>*]*四\s*[、.．].*行政复议/;
const HEADING_5 = /^[\s#>*]*五\s*[、.．]/;

const lines = (text) => text.split(/\r?\n/);
const unlines = (list) => list.join('\n');

// [start, end) line indexes from the first line matching `from` to the next matching `to`.
function region(list, from, to) {
  const start = list.findIndex((line) => from.test(line));
  if (start < 0) return [0, 0];
  let end = list.findIndex((line, i) => i > start && to.test(line));
  if (end < 0) end = list.length;
  return [start, end];
}

function parseRow(line) {
  const m = ROW.exec(line);
  if (!m) return null;
  return {
    label: m[1],
    numbers: m[2].split(SEPARATORS),
    separators: m[2].match(SEPARATORS) || [],
    trail: m[3],
  };
}

// Calls fn(row, line) for every table row between the headings of 二 and 五; fn returns
// the row's replacement lines (a string or an array), or undefined to keep it.
function mapRows(text, fn) {
  const list = lines(text);
  const [start, end] = region(list, HEADING_2, HEADING_5);
  const out = [];
  list.forEach((line, i) => {
    const row = i > start && i < end ? parseRow(line) : null;
    const replaced = row ? fn(row, line) : undefined;
    if (replaced === undefined) out.push(line);
    else out.push(...[].concat(replaced));
  });
  return unlines(out);
}

// The label's cells: tab-separated fields (empty ones dropped), or the whole label.
function labelCells(label) {
  return label.split('\t').map((s) => s.trim()).filter(Boolean);
}

const FULLWIDTH = (s) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + d.charCodeAt(0) - 48));

// 1. All line breaks removed.
export function oneline(text) {
  return text.replace(/\r?\n/g, '');
}

// 2. Lines joined by one space.
export function spaces(text) {
  return text.replace(/\r?\n/g, ' ');
}

// 3. Every tab replaced by 2, 3, 4, 2, 3, 4 … spaces.
export function tabsAsSpaces(text) {
  let i = 0;
  return text.replace(/\t/g, () => ' '.repeat(2 + (i++ % 3)));
}

// 4. Table rows with each cell on a line of its own, a blank line between and after (a web copy).
export function cellPerLine(text) {
  return mapRows(text, (row) => [[...labelCells(row.label), ...row.numbers].join('\n\n'), '']);
}

// 5. Lines with tabs as Markdown table rows; a rule after the first row of each block.
export function markdownPipes(text) {
  const out = [];
  let width = 0;   // columns of the current block's first row; 0 outside a block
  for (const line of lines(text)) {
    if (!line.includes('\t')) {
      width = 0;
      out.push(line);
      continue;
    }
    const fields = line.split('\t').map((s) => s.trim());
    out.push(`| ${fields.join(' | ')} |`);
    if (width === 0) {
      width = fields.length;
      out.push(`|${Array(width).fill('---').join('|')}|`);
    }
  }
  return unlines(out);
}

// 5b. Every table row as a web-page-to-Markdown converter writes it: the label's cells and
// the numbers joined by " | ", no pipe in front, one after (`规章 | 0 | 0 | 0 |`), whatever
// separated them before; seen on real report pages kept by crawlers.
export function converterPipes(text) {
  return mapRows(text, (row) => `${[...labelCells(row.label), ...row.numbers].join(' | ')} |`);
}

// 5c. converter-pipes as a converter writes rowspan cells: the parent label's cell left
// empty on the rows it spans (`| (二)部分公开… | 0 |`, `| | 2.其他法律行政法规禁止公开 | 0 |`).
export function rowspanPipes(text) {
  return mapRows(text, (row) => {
    const cells = labelCells(row.label);
    const first = cells[0] || '';
    const depth = /^[（(][一二三四五六七八九十]+[)）]/.test(first) ? 1 : /^\d+[.．、]/.test(first) ? 2 : 0;
    return `${'| '.repeat(depth)}${[...cells, ...row.numbers].join(' | ')} |`;
  });
}

// 5d. The whole text in Unicode's compatibility form (NFKC), as some crawlers and
// converters keep pages: full-width brackets, colons and commas become ASCII ((一), :, ,).
export function nfkc(text) {
  return text.normalize('NFKC');
}

// 6. CRLF line ends.
export function crlf(text) {
  return text.replace(/\r?\n/g, '\r\n');
}

// 7. The numbers of table rows in full-width digits (０-９; the labels keep theirs).
export function fullwidthDigits(text) {
  return mapRows(text, (row) => {
    let k = 0;
    const numbers = row.numbers.map(FULLWIDTH);
    return row.label + numbers.map((n) => n + (row.separators[k++] ?? '')).join('') + row.trail;
  });
}

// 8. A page footer line `- N -` after every 8th table row (N counting on from the
// text's own last footer, else from 2).
export function pageFooters(text) {
  let rows = 0;
  let page = Math.max(1, ...[...text.matchAll(/^- (\d+) -$/gm)].map((m) => Number(m[1])));
  return mapRows(text, (row, line) => (++rows % 8 === 0 ? [line, `- ${++page} -`] : undefined));
}

// 9. Spaces replaced by U+00A0 and U+3000 in turn; tabs stay.
export function nbspIdeographic(text) {
  let i = 0;
  return text.replace(/ /g, () => (i++ % 2 === 0 ? '\u00a0' : '\u3000'));
}

// 10. The numbers of each table row glued together (`0 0 2 0 4 70` -> `0020470`).
export function gluedDigits(text) {
  return mapRows(text, (row) => (row.numbers.length < 2 ? undefined : row.label + row.numbers.join('') + row.trail));
}

// 11. Table 三 as a PDF -> Markdown converter leaves it: the header as it was, then every
// label line (row labels and the lines between rows) as one block where the first value
// row stood, then the value rows in order, as `| 0 | 0 | … |` rows (with a rule after the
// first) when the table was tab-separated, else space-separated. A value-only line that
// continues a row of fewer than 7 numbers is joined to it.
export function labelsApart(text) {
  const list = lines(text);
  const [start, end] = region(list, HEADING_3, HEADING_4);
  const first = list.findIndex((line, i) => i > start && i < end && parseRow(line));
  if (first < 0) return text;
  const labels = [];
  const values = [];
  let tabbed = false;
  let open = false;   // the last value row may still take a continuation line
  for (const line of list.slice(first, end)) {
    const row = parseRow(line);
    if (!row) {
      if (line.trim() === '') continue;
      labels.push(...labelCells(line));
      open = false;
      continue;
    }
    if (line.includes('\t')) tabbed = true;
    const cells = labelCells(row.label);
    if (cells.length === 0 && open) {
      values[values.length - 1].push(...row.numbers);
    } else {
      labels.push(...cells);
      values.push([...row.numbers]);
    }
    open = values[values.length - 1].length < 7;
  }
  const valueLines = tabbed
    ? values.flatMap((v, i) => {
      const line = `| ${v.join(' | ')} |`;
      return i === 0 ? [line, `|${v.map(() => '---').join('|')}|`] : [line];
    })
    : values.map((v) => v.join(' '));
  return unlines([...list.slice(0, first), ...labels, ...valueLines, ...list.slice(end)]);
}

// In matrix order.
export const VARIANTS = [
  ['oneline', oneline],
  ['spaces', spaces],
  ['tabs-as-spaces', tabsAsSpaces],
  ['cell-per-line', cellPerLine],
  ['markdown-pipes', markdownPipes],
  ['converter-pipes', converterPipes],
  ['rowspan-pipes', rowspanPipes],
  ['nfkc', nfkc],
  ['crlf', crlf],
  ['fullwidth-digits', fullwidthDigits],
  ['page-footers', pageFooters],
  ['nbsp-ideographic', nbspIdeographic],
  ['glued-digits', gluedDigits],
  ['labels-apart', labelsApart],
  // Both at once: a converter's copy with its labels apart, then its line breaks lost.
  ['labels-apart+spaces', (text) => spaces(labelsApart(text))],
].map(([name, fn]) => ({ name, fn }));
