#!/usr/bin/env bash
# Builds everything: native (build-native/: CLI, unit tests) and wasm
# (build-wasm/: the module, its one-file variant, the unit tests under node),
# then assembles the page in dist/:
#   dist/index.html + web/*.js + style.css + nianbao.js + nianbao.wasm + sw.js   (hosted)
#   dist/nianbao-readers.js + .wasm                   (the file readers, loaded on the first file)
#   dist/rules.json                                   (the rule docs' long texts, from the CLI)
#   dist/nianbao.html                                 (one file, works from file://)
#   dist/embed.html, nianbao-check.js, demo.html       (embedding: iframe, custom element, demo host)
#   dist/LICENSE, THIRD_PARTY_NOTICES.md, pdfjs/       (the licenses; pdf.js for PDF drops)
#   dist/inflate.js                                    (fflate, for browsers without 'deflate-raw')
# `scripts/build.sh dist` only assembles dist/ from an existing build-wasm/
# (and build-native/'s CLI, for rules.json).
# NIANBAO_BUILD_NATIVE, NIANBAO_BUILD_WASM, NIANBAO_DIST choose other folders
# (defaults build-native, build-wasm, dist), for builds side by side.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
build_native="${NIANBAO_BUILD_NATIVE:-build-native}"
build_wasm="${NIANBAO_BUILD_WASM:-build-wasm}"
dist="${NIANBAO_DIST:-dist}"

"$repo/scripts/setup.sh"

if [ "${1:-}" != dist ]; then
jobs="${JOBS:-$(nproc 2>/dev/null || echo 2)}"
toolchain=/usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake

# Native, profile-guided (cmake/Pgo.cmake; GCC): an instrumented CLI in
# $build_native-train checks the tests' reports, then $build_native is built
# with the profile that run wrote. The training set is the seeds, the PDF-text
# copies and the PDF, web, Word and OFD fixtures; the real reports in
# tests/fixtures/real stay out (the benchmark's folder is made of them and the
# seeds). NIANBAO_PGO=off builds without it (faster, for quick rebuilds).
pgo=()
if [ "${NIANBAO_PGO:-on}" != off ] && "${CXX:-c++}" --version 2>/dev/null | grep -q "Free Software Foundation"; then
  echo "build: native, instrumented (profile-guided optimisation)"
  train="$build_native-train"
  cmake -S . -B "$train" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF \
    -DNIANBAO_PGO=generate -DNIANBAO_PGO_DIR="$repo/$train/profile" >/dev/null
  cmake --build "$train" -j "$jobs" --target nianbao
  rm -rf "$train/profile"
  mapfile -t training < <(find tests/fixtures/seeds tests/layouts/copies tests/fixtures/pdf tests/fixtures/ofd -type f \
    \( -name '*.txt' -o -name '*.html' -o -name '*.docx' -o -name '*.ofd' -o -name '*.pdf' \) | sort)
  for format in json text; do
    "$train"/cli/nianbao check --jobs 1 --format "$format" "${training[@]}" >/dev/null || [ $? -eq 1 ]
  done
  pgo=(-DNIANBAO_PGO=use -DNIANBAO_PGO_DIR="$repo/$train/profile")
fi
echo "build: native"
cmake -S . -B "$build_native" -G Ninja -DCMAKE_BUILD_TYPE=Release -DNIANBAO_PGO=off "${pgo[@]}" >/dev/null
cmake --build "$build_native" -j "$jobs"

echo "build: wasm"
cmake -S . -B "$build_wasm" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_TOOLCHAIN_FILE="$toolchain" >/dev/null
cmake --build "$build_wasm" -j "$jobs"
fi

echo "build: $dist/"
# Served: the page's files, the worker loads nianbao.js + nianbao.wasm, sw.js keeps
# an offline copy (stamped with a hash of the build so that a new build replaces it).
# One file: the same page with everything inlined, the worker made from data blocks.
rm -rf "$dist"
mkdir -p "$dist"
cp web/* "$dist"/
cp "$build_wasm"/wasm/nianbao.js "$build_wasm"/wasm/nianbao.wasm "$dist"/
# The readers of dropped files, a second module the worker loads on the first file.
cp "$build_wasm"/wasm/nianbao-readers.js "$build_wasm"/wasm/nianbao-readers.wasm "$dist"/
# The rules' long doc texts, which the wasm leaves out (web/ruledocs.js reads
# them when the rule docs are first opened): the native CLI's registry, compact.
"$build_native"/cli/nianbao rules --format json \
  | node -e 'let s = ""; process.stdin.on("data", (d) => { s += d; }).on("end", () => process.stdout.write(JSON.stringify(JSON.parse(s))))' \
  > "$dist"/rules.json
# The page's scripts as one file (page.js) for the served page and the one file;
# those it needs only on demand (exports, the two-year view, the sample) as later.js.
node scripts/bundle.mjs "$dist"
# dist/ gets minified scripts and styles (web/ keeps the readable ones);
# NIANBAO_MINIFY=0 skips it.
if [ "${NIANBAO_MINIFY:-1}" != 0 ]; then
  node scripts/minify.mjs "$dist"/*.js "$dist"/*.css
fi
# The fallback inflater (fflate, MIT), loaded by the worker only in a browser
# without DecompressionStream('deflate-raw'); already minified, with its notice.
node scripts/inflate-lib.mjs "$dist"/inflate.js
# PDF support, loaded by the page only when a PDF is dropped: pdf.js (Apache-2.0)
# and the CMaps of Chinese (GB) fonts. Not in the one-file page.
pdfjs=node_modules/pdfjs-dist
mkdir -p "$dist"/pdfjs/cmaps
# The legacy build: it also runs in the older Chromium-based browsers common in
# government offices (360, QQ); the cost is about 37 KB gz more, on the first PDF only.
cp "$pdfjs/legacy/build/pdf.min.mjs" "$pdfjs/legacy/build/pdf.worker.min.mjs" "$dist"/pdfjs/
cp "$pdfjs/LICENSE" "$dist"/pdfjs/LICENSE.txt
cp "$pdfjs"/cmaps/{Adobe-GB1-UCS2,UniGB-*,GB-*,GBK-*,GBK2K-*,GBKp-*,GBpc-*}.bcmap "$dist"/pdfjs/cmaps/
cp "$pdfjs/cmaps/LICENSE" "$dist"/pdfjs/cmaps/LICENSE.txt
# The project's license and the notices of what dist/ ships from others.
cp LICENSE THIRD_PARTY_NOTICES.md "$dist"/
stamp="$(find "$dist" -type f | sort | xargs cat | sha256sum | cut -c1-16)"
sed -i "s/__NIANBAO_BUILD__/$stamp/" "$dist"/sw.js
node scripts/inline.mjs "$dist"/index.html "$dist"/nianbao.html --csp --script later.js \
  --data nb-core="$dist"/nianbao.js --data nb-inflate="$dist"/inflate.js --data nb-worker="$dist"/worker.js \
  --data nb-rules="$dist"/rules.json --data nb-readers="$dist"/nianbao-readers.js \
  --base64 nb-wasm="$dist"/nianbao.wasm --base64 nb-readers-wasm="$dist"/nianbao-readers.wasm
ls -l "$dist"
