#!/usr/bin/env bash
# Builds everything: native (build-native/: CLI, unit tests) and wasm
# (build-wasm/: the module, its one-file variant, the unit tests under node),
# then assembles the page in dist/:
#   dist/index.html + web/*.js + style.css + nianbao.js + nianbao.wasm + sw.js   (hosted)
#   dist/nianbao.html                                 (one file, works from file://)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

"$repo/scripts/setup.sh"

jobs="${JOBS:-$(nproc 2>/dev/null || echo 2)}"
toolchain=/usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake

echo "build: native"
cmake -S . -B build-native -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build-native -j "$jobs"

echo "build: wasm"
cmake -S . -B build-wasm -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_TOOLCHAIN_FILE="$toolchain" >/dev/null
cmake --build build-wasm -j "$jobs"

echo "build: dist/"
# Served: the page's files, the worker loads nianbao.js + nianbao.wasm, sw.js keeps
# an offline copy (stamped with a hash of the build so that a new build replaces it).
# One file: the same page with everything inlined, the worker made from data blocks.
rm -rf dist
mkdir -p dist
cp web/* dist/
cp build-wasm/wasm/nianbao.js build-wasm/wasm/nianbao.wasm dist/
stamp="$(cat dist/* | sha256sum | cut -c1-16)"
sed -i "s/__NIANBAO_BUILD__/$stamp/" dist/sw.js
node scripts/inline.mjs web/index.html dist/nianbao.html --csp \
  --data nb-core=build-wasm/wasm/nianbao.js --data nb-worker=web/worker.js \
  --base64 nb-wasm=build-wasm/wasm/nianbao.wasm
ls -l dist
