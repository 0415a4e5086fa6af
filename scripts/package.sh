#!/usr/bin/env bash
# Makes the release zip from an existing build (it never compiles):
#   scripts/package.sh            -> release/nianbao-<version>.zip
# The version is project(nianbao VERSION …) in CMakeLists.txt; package.json and
# CHANGELOG.md must agree. dist/ must be a build of the current sources: when it lacks
# files, is older than a file of web/ or holds another module than build-wasm/,
# `scripts/build.sh dist` reassembles it (from build-wasm/, no wasm rebuild); with no
# build at all it fails.
# The zip holds one folder, nianbao-<version>/:
#   site/                  dist/ as it is (the served site, nianbao.html, the embeds, pdf.js)
#   DEPLOY.md              which files, which headers (docs/DEPLOY.md)
#   EMBEDDING.md           README's embedding snippets, the element's script with SRI (sha384)
#   LICENSE  THIRD_PARTY_NOTICES.md  CHANGELOG.md
#   SHA256SUMS             of every other file in the folder
# OUT=dir changes the output folder (default release/); NIANBAO_DIST and
# NIANBAO_BUILD_WASM (and NIANBAO_BUILD_NATIVE, for rules.json) name other
# builds, as for scripts/build.sh.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
dist="${NIANBAO_DIST:-dist}"
build_wasm="${NIANBAO_BUILD_WASM:-build-wasm}"

fail() { echo "package: $*" >&2; exit 1; }

version="$(sed -n 's/^project(nianbao VERSION \([0-9][0-9A-Za-z.-]*\).*/\1/p' CMakeLists.txt)"
[ -n "$version" ] || fail "no project(nianbao VERSION …) in CMakeLists.txt"
pkg_version="$(node -p 'require("./package.json").version')"
[ "$pkg_version" = "$version" ] || fail "package.json's version $pkg_version is not CMakeLists.txt's $version"
grep -q "^## $version\b" CHANGELOG.md || fail "CHANGELOG.md has no '## $version' entry"

# dist/: reassembled only when it is missing pieces or older than its sources.
stale=""
for f in index.html nianbao.html nianbao.js nianbao.wasm nianbao-readers.js nianbao-readers.wasm rules.json later.js \
         nianbao-check.js embed.html demo.html sw.js \
         LICENSE THIRD_PARTY_NOTICES.md pdfjs/LICENSE.txt; do
  [ -f "$dist/$f" ] || { stale="$dist/$f is missing"; break; }
done
if [ -z "$stale" ]; then
  for f in LICENSE THIRD_PARTY_NOTICES.md; do cmp -s "$f" "$dist/$f" || stale="$dist/$f differs from $f"; done
  if [ -f "$build_wasm"/wasm/nianbao.wasm ] && ! cmp -s "$build_wasm"/wasm/nianbao.wasm "$dist"/nianbao.wasm; then
    stale="$build_wasm/ holds another module"
  fi
  newer="$(find web -type f -newer "$dist"/index.html | head -1)"
  [ -z "$newer" ] || stale="$newer is newer than $dist/"
fi
if [ -n "$stale" ]; then
  [ -f "$build_wasm"/wasm/nianbao.js ] && [ -f "$build_wasm"/wasm/nianbao.wasm ] \
    || fail "no usable build ($stale; no $build_wasm/): run scripts/build.sh first"
  echo "package: $stale: scripts/build.sh dist"
  "$repo/scripts/build.sh" dist >/dev/null
fi

name="nianbao-$version"
out="${OUT:-$repo/release}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
zip_file="$out/$name.zip"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
top="$stage/$name"
mkdir -p "$top"

cp -R "$dist" "$top/site"
cp LICENSE THIRD_PARTY_NOTICES.md CHANGELOG.md "$top/"
cp docs/DEPLOY.md "$top/DEPLOY.md"

# EMBEDDING.md: README's two snippets as they are, the element's <script> with the
# sha384 of the nianbao-check.js shipped here, and the CSP hash of the iframe snippet's script.
VERSION="$version" node --input-type=module - README.md "$top/site/nianbao-check.js" "$top/EMBEDDING.md" <<'EOF'
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
const [readme, element, target] = process.argv.slice(2);
const text = readFileSync(readme, 'utf8');
const snippet = (name) => {
  const m = new RegExp(`<!-- snippet: ${name} -->\\n\`\`\`html\\n([\\s\\S]*?)\`\`\`\\n`).exec(text);
  if (!m) throw new Error(`README.md: no "${name}" snippet`);
  return m[1];
};
const sri = 'sha384-' + createHash('sha384').update(readFileSync(element)).digest('base64');
const iframe = snippet('iframe');
const inline = /<script>([\s\S]*?)<\/script>/.exec(iframe);
if (!inline) throw new Error('the iframe snippet has no inline script');
const cspHash = 'sha256-' + createHash('sha256').update(inline[1]).digest('base64');
const tag = /<script src="([^"]*nianbao-check\.js)" defer><\/script>/;
const plain = snippet('element');
if (!tag.test(plain)) throw new Error('the element snippet has no nianbao-check.js script tag');
const element2 = plain.replace(tag, `<script src="$1" integrity="${sri}" crossorigin="anonymous" defer></script>`);
writeFileSync(target, `# 嵌入代码 / Embedding snippets (nianbao ${process.env.VERSION})

两种方式，都在访问者的浏览器里检查，不上传任何内容。详见 README 的 “Embedding the checker in
another site” 一节和 \`DEPLOY.md\`。
Both check in the visitor's browser; nothing is uploaded. See README's "Embedding the checker
in another site" and \`DEPLOY.md\`.

## 1. iframe

把 \`site/\` 部署到一个地址（下例 \`https://nianbao.example.org/\`），改掉 \`src\` 里的两个地址：
框架的地址，以及 \`?origin=\` 后面主站自己的源。
Put \`site/\` on a server (here \`https://nianbao.example.org/\`) and change the two addresses
in \`src\`: the frame's, and the host site's own origin after \`?origin=\`.

\`\`\`html
${iframe}\`\`\`

主站若有不含 \`'unsafe-inline'\` 的 CSP，可把上面的脚本放进站内的 \`.js\` 文件，或在
\`script-src\` 中加入它的哈希（须原样粘贴）：
If the host page's CSP has no \`'unsafe-inline'\`, put the script into one of the site's \`.js\`
files, or allow it by its hash in \`script-src\` (paste it unchanged):

    script-src 'self' '${cspHash}'; frame-src https://nianbao.example.org

## 2. \`<nianbao-check>\` 自定义元素 / custom element

把 \`site/\` 中的 \`nianbao-check.js\`、\`worker.js\`、\`nianbao.js\`、\`nianbao.wasm\` 复制到主站同一目录
（下例 \`/static/nianbao/\`），主站的 CSP 需允许 \`script-src 'self' 'wasm-unsafe-eval'\`。
\`integrity\` 是本包中 \`nianbao-check.js\` 的 SRI 值：文件被改动，浏览器就不执行它。
Copy \`nianbao-check.js\`, \`worker.js\`, \`nianbao.js\` and \`nianbao.wasm\` from \`site/\` into one
folder of the host site (here \`/static/nianbao/\`); its CSP must allow
\`script-src 'self' 'wasm-unsafe-eval'\`. \`integrity\` is the SRI hash of this package's
\`nianbao-check.js\`: a changed file is not run.

\`\`\`html
${element2}\`\`\`

The element loads the other three files itself (a worker and a fetch, which SRI does not
cover); their hashes are in \`SHA256SUMS\`.

nianbao-check.js: ${sri}
`);
EOF

# Every file with the same time (the last commit's), in name order: the same build gives
# the same zip.
stamp="$(git log -1 --format=%ct 2>/dev/null || date +%s)"
(cd "$top" && find . -type f | LC_ALL=C sort | sed 's|^\./||' | xargs sha256sum > "$stage/SHA256SUMS")
mv "$stage/SHA256SUMS" "$top/SHA256SUMS"
find "$top" -exec touch -h -d "@$stamp" {} +
rm -f "$zip_file"
if command -v zip >/dev/null 2>&1; then
  (cd "$stage" && find "$name" -type f | LC_ALL=C sort | zip -X -D -q -9 "$zip_file" -@)
else
  python3 - "$stage" "$name" "$zip_file" <<'EOF'
import os, sys, time, zipfile
stage, name, target = sys.argv[1:]
files = sorted(os.path.relpath(os.path.join(d, f), stage)
               for d, _, fs in os.walk(os.path.join(stage, name)) for f in fs)
with zipfile.ZipFile(target, 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for rel in files:
        full = os.path.join(stage, rel)
        info = zipfile.ZipInfo(rel.replace(os.sep, '/'), time.localtime(os.path.getmtime(full))[:6])
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        with open(full, 'rb') as f:
            z.writestr(info, f.read())
EOF
fi

count="$(wc -l < "$top/SHA256SUMS")"
echo "package: $zip_file ($(stat -c %s "$zip_file") bytes; $count files + SHA256SUMS; unpacked $(du -sb "$top" | cut -f1) bytes)"
