// Dumps a PDF's positioned text runs and drawn lines as the page hands them to
// the core's layout step (core/src/layout): one JSON object {pages,
// runs:[{page,x,y,w,h,angle,text}], rulings:[{page,x0,y0,x1,y1}]}, y measured
// down from the page's top. They come from web/pdftext.js's own runsOf() and
// rulingsOf(), so the fixtures (tests/fixtures/runs/) are what the page sends.
//   node scripts/pdf_runs.mjs FILE.pdf > runs.json
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';

const require = createRequire(import.meta.url);
const pdfjsDir = path.dirname(require.resolve('pdfjs-dist/package.json'));
// pdf.js's module makes a DOMMatrix when it loads (for drawing, which text
// extraction never does); node has none without @napi-rs/canvas.
globalThis.DOMMatrix ??= class DOMMatrix {
  constructor() { Object.assign(this, { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 }); }
};
const pdfjs = await import(pathToFileURL(path.join(pdfjsDir, 'legacy/build/pdf.mjs')).href);

// web/pdftext.js is a page script (window.NB); run it in a context of its own.
const page = vm.createContext({});
page.window = page;
vm.runInContext(readFileSync(fileURLToPath(new URL('../web/pdftext.js', import.meta.url)), 'utf8'), page);
const { runsOf, rulingsOf, limits } = page.NB.pdf;

const data = new Uint8Array(readFileSync(process.argv[2]));
const doc = await pdfjs.getDocument({
  data, cMapUrl: path.join(pdfjsDir, 'cmaps') + '/', cMapPacked: true, isEvalSupported: false,
  disableFontFace: true, useSystemFonts: false, verbosity: 0,
}).promise;
const runs = [];
const rulings = [];
for (let n = 1; n <= doc.numPages; n++) {
  const p = await doc.getPage(n);
  const height = p.view[3] - p.view[1];
  const content = await p.getTextContent();
  for (const run of runsOf(content.items, n, height)) runs.push(run);
  const ops = await p.getOperatorList();
  for (const r of rulingsOf(ops, pdfjs.OPS, n, height, limits.rulings - rulings.length)) rulings.push(r);
  p.cleanup();
}
await doc.destroy();
process.stdout.write(JSON.stringify({ pages: doc.numPages, runs, rulings }) + '\n');
