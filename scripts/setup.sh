#!/usr/bin/env bash
# Installs what the build and the tests need, and nothing when it is all there.
# Debian 12: apt packages (checked with dpkg first), node + npm, node_modules.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

packages=(emscripten nlohmann-json3-dev doctest-dev zlib1g-dev libmimalloc-dev libqpdf-dev pkgconf cmake ninja-build g++ chromium firefox-esr binaryen fonts-wqy-microhei poppler-utils python3)

installed() {
  [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else echo "setup: need root (or sudo) to run: $*" >&2; exit 1
  fi
}

apt_install() {
  echo "setup: installing $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}

missing=()
for p in "${packages[@]}"; do installed "$p" || missing+=("$p"); done
# node/npm may come from elsewhere (nodesource, nvm): only the commands matter.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi
did=0
if [ "${#missing[@]}" -gt 0 ]; then
  apt_install "${missing[@]}"
  did=1
fi

# node_modules (playwright-core and puppeteer-core, which never download a browser; axe-core;
# terser; pdfjs-dist; es-check).
cd "$repo"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
  echo "setup: npm ci"
  # --omit=optional: pdfjs-dist's optional native canvas (33 MB) is for node rendering; the page copies pdf.js only.
  npm ci --no-audit --no-fund --omit=optional
  touch node_modules
  did=1
fi
[ "$did" -eq 1 ] || echo "setup: everything is installed"
