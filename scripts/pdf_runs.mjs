// Dumps a PDF's positioned text runs as pdf.js gives them (the input of the core's
// layout step, core/src/layout): one JSON object {pages, runs:[{page,x,y,w,h,angle,text}]},
// y measured down from the page's top. Used to make tests/fixtures/runs/ from real PDFs.
//   node scripts/pdf_runs.mjs FILE.pdf > runs.json
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const pdfjsDir = path.dirname(require.resolve('pdfjs-dist/package.json'));
const pdfjs = await import(pathToFileURL(path.join(pdfjsDir, 'legacy/build/pdf.mjs')).href);

const data = new Uint8Array(readFileSync(process.argv[2]));
const doc = await pdfjs.getDocument({
  data, cMapUrl: path.join(pdfjsDir, 'cmaps') + '/', cMapPacked: true, isEvalSupported: false,
  disableFontFace: true, useSystemFonts: false, verbosity: 0,
}).promise;
const runs = [];
const round = (v) => Math.round(v * 100) / 100;
for (let n = 1; n <= doc.numPages; n++) {
  const page = await doc.getPage(n);
  const height = page.view[3] - page.view[1];
  const content = await page.getTextContent();
  for (const it of content.items) {
    if (!it.str || !/\S/.test(it.str)) continue;
    const [a, b, c, d, x, y] = it.transform;
    const size = Math.hypot(c, d) || Math.abs(d) || 10;
    runs.push({ page: n, x: round(x), y: round(height - y), w: round(it.width || 0), h: round(size),
      angle: round(Math.atan2(b, a) * 180 / Math.PI), text: it.str });
  }
  page.cleanup();
}
await doc.destroy();
process.stdout.write(JSON.stringify({ pages: doc.numPages, runs }) + '\n');
