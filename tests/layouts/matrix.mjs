// Layout-variant matrix: every base report (the seeds, the real reports 006-008, the
// repo's fixtures) in every layout of variants.mjs must read the same as the original:
// the same cells (value and status of every row of tables 二, 三, 四, from
// `nianbao extract --format json`) and the same non-info findings (id and severity, as
// a multiset, from `nianbao check --format json`). Prints a matrix (ok / FAIL / amb),
// a short diff per failure and "N passed, M failed"; exits 1 on any failure.
//
//   node tests/layouts/matrix.mjs [--only BASE[,BASE…]] [--variant NAME[,NAME…]] [--keep DIR]
//
// --only takes base names or their beginnings (`004`), --variant variant names,
// --keep writes the variants to DIR (else they go to a temporary folder, removed after).
//
// expected_ambiguous.json lists the rows a variant may truly leave ambiguous (glued
// digits that split two ways with both adding up): [{base, variant, table, row, note?}]
// with base the file name without `.txt`, row the row key (`t3.new`). Such a row must
// carry `ambiguous: [[…], […]]` in the variant's extract JSON with the original's values
// among the candidates; its cells are not compared, and the variant's `cell-ambiguous`
// findings and the original's findings on that row that the variant lacks are tolerated.
// An ambiguous row not listed fails, and so does a listed row that is not ambiguous.
//
// copies.json lists real copies of a base made by other extractors ({base, variant, file,
// how}: pdftotext, mutool, PyMuPDF, pdf.js and pdfminer text of the PDFs in ../shared/real, in copies/): each
// is a column of the matrix for the bases it copies, compared the same way; a listed copy
// that is missing fails.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual, parseArgs, promisify } from 'node:util';
import { REAL_REPORTS, cliPath, repo, sampleFiles, shared } from '../node/helpers.mjs';
import { VARIANTS } from './variants.mjs';

const run = promisify(execFile);
const here = path.join(repo, 'tests', 'layouts');

// The bases the matrix must have: a missing one fails.
const REQUIRED = REAL_REPORTS.map((p) => path.join(shared, p));
// Not bases: 009 is already one line, the excerpt is no whole report.
const NOT_BASES = new Set(['009_pingtan_2021_oneline.txt', 'huaian_2024_section3_pdftotext_excerpt.txt']);

const baseName = (file) => path.basename(file).replace(/\.txt$/, '');

// Bases: the required files (missing or not) and every other sample file, the same text once.
function bases(onlyBases) {
  const seen = new Set();
  const out = [];
  const add = (file) => {
    if (NOT_BASES.has(path.basename(file))) return;
    if (!existsSync(file)) {
      out.push({ name: `${baseName(file)} (missing)`, file, missing: true });
      return;
    }
    const content = readFileSync(file, 'latin1');
    if (seen.has(content)) return;
    seen.add(content);
    out.push({ name: baseName(file), file, text: readFileSync(file, 'utf8') });
  };
  REQUIRED.forEach(add);
  sampleFiles().forEach(add);
  return out.filter((b) => !onlyBases || onlyBases.some((o) => b.name.startsWith(o)));
}

// Runs `tasks` (functions returning promises) at most `limit` at a time.
async function pool(tasks, limit) {
  const results = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

async function cli(argv) {
  try {
    const { stdout } = await run(cliPath, argv, { maxBuffer: 256 * 1024 * 1024 });
    return stdout;
  } catch (e) {
    if (e.code === 1 && e.stdout) return e.stdout;   // check: some error finding
    throw new Error(`nianbao ${argv.join(' ')}: ${e.code ?? e.signal}: ${e.stderr || e.message}`);
  }
}

// The rows of tables 2-4 by table number and row key: {found, cells, ambiguous}.
function readTables(model) {
  const tables = new Map();
  for (const table of model.tables || []) {
    const rows = new Map();
    for (const row of table.rows || []) {
      rows.set(row.key, {
        found: row.found,
        cells: (row.cells || []).map((c) => [c.value, c.status]),
        ambiguous: row.ambiguous,
      });
    }
    tables.set(table.number, { found: table.found, rows });
  }
  return tables;
}

// Findings that are not info: [{id, severity, rows: ['3:t3.new', …]}].
function readFindings(result) {
  return (result.findings || []).filter((f) => f.severity !== 'info').map((f) => ({
    id: f.id,
    severity: f.severity,
    rows: (f.cells || []).map((c) => `${c.table}:${c.row}`),
  }));
}

const cellText = ([value, status]) => (status === 'ok' ? String(value) : `${value}/${status}`);
const rowText = (row) => (row ? (row.found ? '' : 'not found ') + row.cells.map(cellText).join(' ') : 'absent');

// Compares one variant with its original ({tables, findings} each); `allowed`: the
// expected_ambiguous.json entries of this pair. Returns {ok, amb, diffs}.
export function compare(orig, variant, allowed) {
  const diffs = [];
  const allowedRows = new Set(allowed.map((a) => `${a.table}:${a.row}`));
  const seenAmbiguous = new Set();
  const numbers = [...new Set([...orig.tables.keys(), ...variant.tables.keys()])].sort();
  for (const n of numbers) {
    const a = orig.tables.get(n);
    const b = variant.tables.get(n);
    if (!a || !b || a.found !== b.found) {
      diffs.push(`table ${n}: ${a ? (a.found ? 'found' : 'not found') : 'absent'} -> ${b ? (b.found ? 'found' : 'not found') : 'absent'}`);
    }
    const keys = [...new Set([...(a ? a.rows.keys() : []), ...(b ? b.rows.keys() : [])])];
    for (const key of keys) {
      const ra = a && a.rows.get(key);
      const rb = b && b.rows.get(key);
      const id = `${n}:${key}`;
      if (ra && ra.ambiguous) diffs.push(`table ${n} ${key}: the original is ambiguous`);
      if (rb && rb.ambiguous) {
        seenAmbiguous.add(id);
        if (!allowedRows.has(id)) {
          diffs.push(`table ${n} ${key}: ambiguous (not in expected_ambiguous.json): ${JSON.stringify(rb.ambiguous)}`);
        } else if (!rb.ambiguous.some((c) => isDeepStrictEqual(c.map(String), ra ? ra.cells.map((x) => String(x[0])) : null))) {
          diffs.push(`table ${n} ${key}: ambiguous, but ${ra ? ra.cells.map((x) => x[0]).join(' ') : 'the row'} is not among ${JSON.stringify(rb.ambiguous)}`);
        }
        continue;
      }
      if (allowedRows.has(id)) {
        diffs.push(`table ${n} ${key}: listed in expected_ambiguous.json but not ambiguous`);
      }
      if (isDeepStrictEqual(ra && { f: ra.found, c: ra.cells }, rb && { f: rb.found, c: rb.cells })) continue;
      diffs.push(`table ${n} ${key}: ${rowText(ra)} -> ${rowText(rb)}`);
    }
  }
  for (const id of allowedRows) {
    const [n, key] = id.split(':');
    if (!seenAmbiguous.has(id) && !(variant.tables.get(Number(n)) && variant.tables.get(Number(n)).rows.has(key))) {
      diffs.push(`table ${n} ${key}: listed in expected_ambiguous.json but the variant has no such row`);
    }
  }

  // Findings as multisets of id:severity; tolerated: cell-ambiguous on listed rows, and
  // the original's findings on listed rows that the variant lacks.
  const touches = (f) => f.rows.some((r) => seenAmbiguous.has(r) && allowedRows.has(r));
  const count = (fs) => fs.reduce((m, f) => m.set(`${f.id}:${f.severity}`, (m.get(`${f.id}:${f.severity}`) || 0) + 1), new Map());
  const ca = count(orig.findings);
  const cb = count(variant.findings.filter((f) => !(f.id === 'cell-ambiguous' && (touches(f) || (f.rows.length === 0 && seenAmbiguous.size > 0)))));
  const tolerated = count(orig.findings.filter(touches));
  const missing = [];
  const extra = [];
  for (const k of new Set([...ca.keys(), ...cb.keys()])) {
    const d = (cb.get(k) || 0) - (ca.get(k) || 0);
    if (d > 0) extra.push(d > 1 ? `${k} x${d}` : k);
    if (d < 0 && -d > (tolerated.get(k) || 0)) missing.push(-d > 1 ? `${k} x${-d}` : k);
  }
  if (extra.length) diffs.push(`findings extra: ${extra.join(', ')}`);
  if (missing.length) diffs.push(`findings missing: ${missing.join(', ')}`);
  return { ok: diffs.length === 0, amb: seenAmbiguous.size > 0, diffs };
}

async function main() {
  const { values: args } = parseArgs({
    options: { only: { type: 'string' }, variant: { type: 'string' }, keep: { type: 'string' } },
  });
  const list = (s) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : null);
  const onlyVariants = list(args.variant);
  if (!existsSync(cliPath)) {
    console.error(`no CLI at ${cliPath}: build it first (cmake --build build-native --target nianbao)`);
    process.exit(1);
  }
  // Real copies made by other extractors (copies.json): a column each, for the bases they copy.
  const copies = JSON.parse(readFileSync(path.join(here, 'copies.json'), 'utf8'));
  const copyColumns = [...new Set(copies.map((c) => c.variant))].map((name) => ({ name, copy: true }));
  const allVariants = [...VARIANTS, ...copyColumns];
  const variants = allVariants.filter((v) => !onlyVariants || onlyVariants.includes(v.name));
  if (onlyVariants) {
    for (const name of onlyVariants) {
      if (!allVariants.some((v) => v.name === name)) {
        console.error(`unknown variant ${name}; the variants: ${allVariants.map((v) => v.name).join(', ')}`);
        process.exit(2);
      }
    }
  }
  const allBases = bases(list(args.only));
  if (allBases.length === 0) {
    console.error(`no base matches --only ${args.only}`);
    process.exit(2);
  }
  const expected = JSON.parse(readFileSync(path.join(here, 'expected_ambiguous.json'), 'utf8'));
  const knownBases = new Set([...REQUIRED.map(baseName), ...sampleFiles().map(baseName)]);
  const badEntries = expected.filter((e) => !knownBases.has(e.base) || !allVariants.some((v) => v.name === e.variant));

  const dir = args.keep ? path.resolve(args.keep) : mkdtempSync(path.join(os.tmpdir(), 'nianbao-layouts-'));
  mkdirSync(dir, { recursive: true });
  const present = allBases.filter((b) => !b.missing);
  const jobs = [];   // {base, variant, file}
  const unchanged = new Map();   // variant name -> bases it leaves as they are
  const missingCopies = [];
  for (const base of present) {
    for (const variant of variants) {
      if (variant.copy) {
        const entry = copies.find((c) => c.base === base.name && c.variant === variant.name);
        if (!entry) continue;
        const file = path.join(here, entry.file);
        if (existsSync(file)) jobs.push({ base, variant, file });
        else missingCopies.push(file);
        continue;
      }
      const file = path.join(dir, `${base.name}.${variant.name}.txt`);
      const text = variant.fn(base.text);
      if (text === base.text) unchanged.set(variant.name, [...(unchanged.get(variant.name) || []), base.name]);
      writeFileSync(file, text);
      jobs.push({ base, variant, file });
    }
  }

  // One check for every file; extract takes one file, so those run side by side.
  const files = [...present.map((b) => b.file), ...jobs.map((j) => j.file)];
  const read = new Map();
  try {
    const checked = new Map();
    if (files.length > 0) {
      const out = JSON.parse(await cli(['check', '--format', 'json', ...files]));
      const entries = files.length === 1 ? [{ file: files[0], result: out }] : out.files;
      for (const e of entries) checked.set(e.file, e.result);
    }
    const limit = Math.max(2, (os.availableParallelism ? os.availableParallelism() : os.cpus().length) * 2);
    const models = await pool(files.map((f) => async () => JSON.parse(await cli(['extract', '--format', 'json', f]))), limit);
    files.forEach((f, i) => {
      const result = checked.get(f);
      if (!result) throw new Error(`nianbao check printed no result for ${f}`);
      read.set(f, { tables: readTables(models[i]), findings: readFindings(result) });
    });
  } finally {
    if (!args.keep) rmSync(dir, { recursive: true, force: true });
  }

  // The matrix.
  const cell = new Map();
  const failures = [];
  let passed = 0;
  let failed = 0;
  // known_gaps.json: pairs the reader does not read the same yet, each with why.
  // They print as `gap` with their diff and are not counted; a gap that reads
  // the same fails, so the list shrinks as the reader learns. A gap may read
  // less than its base, never raise a false alarm: an error its base does not
  // have fails.
  const gaps = JSON.parse(readFileSync(path.join(here, 'known_gaps.json'), 'utf8'));
  const isGap = (job) => gaps.some((g) => g.base === job.base.name && g.variant === job.variant.name);
  const gapNotes = [];
  for (const job of jobs) {
    const allowed = expected.filter((e) => e.base === job.base.name && e.variant === job.variant.name);
    const r = compare(read.get(job.base.file), read.get(job.file), allowed);
    if (isGap(job)) {
      cell.set(`${job.base.name} ${job.variant.name}`, r.ok ? 'FAIL' : 'gap');
      const falseErrors = r.diffs.filter((d) => d.startsWith('findings extra:') && d.includes(':error'));
      if (r.ok) {
        failed++;
        failures.push({ job, diffs: ['listed in known_gaps.json but reads the same now: remove it from the list'] });
      } else if (falseErrors.length) {
        failed++;
        cell.set(`${job.base.name} ${job.variant.name}`, 'FAIL');
        failures.push({ job, diffs: ['a known gap raises an error its base does not have (a false alarm)', ...falseErrors] });
      } else {
        gapNotes.push({ job, diffs: r.diffs });
      }
      continue;
    }
    cell.set(`${job.base.name} ${job.variant.name}`, r.ok ? (r.amb ? 'amb' : 'ok') : 'FAIL');
    if (r.ok) passed++;
    else {
      failed++;
      failures.push({ job, diffs: r.diffs });
    }
  }
  for (const base of allBases.filter((b) => b.missing)) {
    failed += variants.length;
    for (const v of variants) cell.set(`${base.name} ${v.name}`, 'missing');
  }

  const nameWidth = Math.max(4, ...allBases.map((b) => b.name.length));
  const pad = (s, w) => s + ' '.repeat(Math.max(0, w - s.length));
  console.log([pad('base', nameWidth), ...variants.map((v) => v.name)].join('  '));
  for (const base of allBases) {
    console.log([pad(base.name, nameWidth), ...variants.map((v) => pad(cell.get(`${base.name} ${v.name}`) || '-', v.name.length))].join('  '));
  }

  for (const [name, names] of unchanged) console.log(`\n${name}: nothing to change in ${names.join(', ')} (the variant is the base)`);
  failed += missingCopies.length;
  for (const file of missingCopies) console.log(`\nMISSING copy (counts as failed): ${file}`);
  const missing = allBases.filter((b) => b.missing);
  if (missing.length) {
    console.log('\nMISSING bases (each of their variants counts as failed):');
    for (const base of missing) console.log(`  ${base.file}`);
  }
  for (const e of badEntries) {
    console.log(`\nexpected_ambiguous.json: unknown base or variant in ${JSON.stringify(e)}`);
  }
  const MAX = 8;
  for (const { job, diffs } of failures) {
    console.log(`\nFAIL ${job.base.name} ${job.variant.name}`);
    for (const d of diffs.slice(0, MAX)) console.log(`  ${d}`);
    if (diffs.length > MAX) console.log(`  … ${diffs.length - MAX} more`);
  }
  for (const { job, diffs } of gapNotes) {
    console.log(`\ngap ${job.base.name} ${job.variant.name} (known_gaps.json)`);
    for (const d of diffs.slice(0, 3)) console.log(`  ${d}`);
  }
  if (gapNotes.length) console.log(`\n${gapNotes.length} known gaps (not counted)`);
  if (args.keep) console.log(`\nvariants written to ${dir}`);
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || badEntries.length > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e) => {
    console.error(e.stack || String(e));
    process.exitCode = 1;
  });
}
